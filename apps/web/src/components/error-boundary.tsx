import { Component, type ErrorInfo, type ReactNode } from 'react';
import { describeError } from '../lib/errors';
import { reportError } from '../lib/report-error';

interface Props {
  children: ReactNode;
  /** Resets the boundary when it changes (e.g. the route). */
  resetKey?: string;
}

interface State {
  error: unknown;
}

/** Catches a crash in its subtree, reports it, and offers a way back without reloading the whole app. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    reportError(error, info.componentStack ?? undefined);
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    const shown = describeError(this.state.error);
    return (
      <div className="card error-card" role="alert">
        <h2>Something went wrong here</h2>
        <p>This part of the page crashed. The rest of the app still works.</p>
        {shown.requestId && <p className="muted">Reference: {shown.requestId}</p>}
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
