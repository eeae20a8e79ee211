import { describeError } from './errors';
import { forgetSession, mayHaveSession, rememberSession, setCsrfToken } from './session-token';

/**
 * One refresh of the cookie session at a time, for everything that finds the access token dead: the
 * timer before it expires, a request answered 401, a page opened after the member was away. Each
 * waits for the same answer (docs/product/sessions.md).
 *
 * - `renewed`: new cookies are set (by this refresh, or by another tab's that won the race).
 * - `ended`: the session is over; the member has to sign in again.
 * - `failed`: no answer (network, server); the session may well be alive.
 */
export type RefreshOutcome = 'renewed' | 'ended' | 'failed';

type Listener = (outcome: RefreshOutcome) => void;
const listeners = new Set<Listener>();
let running: Promise<RefreshOutcome> | null = null;

export function onSessionRefreshed(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function refreshSession(refresh: () => Promise<{ csrfToken: string }>): Promise<RefreshOutcome> {
  if (!mayHaveSession()) return Promise.resolve('ended');
  running ??= attempt(refresh).finally(() => {
    running = null;
  });
  return running;
}

async function attempt(refresh: () => Promise<{ csrfToken: string }>): Promise<RefreshOutcome> {
  let outcome: RefreshOutcome;
  try {
    const renewed = await refresh();
    setCsrfToken(renewed.csrfToken);
    rememberSession();
    outcome = 'renewed';
  } catch (error) {
    const code = describeError(error).code;
    // CONFLICT: another tab rotated the same token a moment ago, and its cookies are this tab's too.
    outcome = code === 'CONFLICT' ? 'renewed' : code === 'UNAUTHORIZED' ? 'ended' : 'failed';
    if (outcome === 'ended') {
      setCsrfToken(null);
      forgetSession();
    }
  }
  for (const listener of listeners) listener(outcome);
  return outcome;
}
