import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isChunkLoadError } from '../lib/errors';
import { reportClientError } from '../lib/report-error';
import { ErrorFallback } from './error-fallback';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** Names the boundary in reports (`route`, `app`). */
  boundary: string;
  /** The boundary clears itself when this changes, e.g. when the member navigates elsewhere. */
  resetKey?: unknown;
  /** Runs on "Try again" before re-rendering, e.g. React Query's error reset so queries refetch. */
  onReset?: () => void;
  scope?: 'page' | 'section';
  /** What to show instead of the standard message, e.g. the layout-level page with its own header. */
  fallback?: (error: unknown, retry: () => void) => ReactNode;
}

interface ErrorBoundaryState {
  error: unknown;
  failed: boolean;
}

/** Catches a crash in its subtree, reports it, and offers a way back without reloading the app. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    reportClientError(error, { boundary: this.props.boundary, componentStack: info.componentStack });
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.reset();
  }

  private reset = (): void => {
    if (isChunkLoadError(this.state.error)) {
      window.location.reload();
      return;
    }
    this.props.onReset?.();
    this.setState({ error: null, failed: false });
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    if (this.props.fallback) return this.props.fallback(this.state.error, this.reset);
    return <ErrorFallback error={this.state.error} onRetry={this.reset} scope={this.props.scope} />;
  }
}
