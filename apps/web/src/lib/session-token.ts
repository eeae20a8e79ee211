/**
 * The CSRF token of the current cookie session. It lives in memory only, never in storage that
 * another script could read; the auth flow fills it after sign-in and from `auth.session`, and clears
 * it on sign-out. The tRPC client reads it on every request.
 */
let csrfToken: string | null = null;
/** Whether the auth flow has said what the session is since this page loaded (token or none). */
let settled = false;
let waiting: Array<() => void> = [];

export function getCsrfToken(): string | null {
  return csrfToken;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  settled = true;
  for (const wake of waiting.splice(0)) wake();
}

/**
 * The token once the auth flow knows the session, for requests sent outside React (telemetry). A
 * page that loads with a session cookie must not send a cookie request before `auth.session` has
 * answered: without its CSRF header the server refuses it (403). Gives up after `timeoutMs` with
 * what is known then; a visitor who never signed in does not wait at all.
 */
export function csrfTokenWhenKnown(timeoutMs: number): Promise<string | null> {
  if (settled || !mayHaveSession()) return Promise.resolve(csrfToken);
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      resolve(csrfToken);
    };
    const timer = setTimeout(() => {
      waiting = waiting.filter((other) => other !== wake);
      resolve(csrfToken);
    }, timeoutMs);
    waiting.push(wake);
  });
}

/**
 * Whether this browser may hold a session's refresh cookie, which the page cannot see (HttpOnly). It
 * decides whether a dead access token is worth a refresh, so that visitors who never signed in do
 * not send one. A flag, no secret: set on sign-in and on every live session, cleared on sign-out.
 */
const SESSION_HINT_KEY = 'puffy.auth.session';

export function mayHaveSession(): boolean {
  try {
    return localStorage.getItem(SESSION_HINT_KEY) !== null;
  } catch {
    // Storage refused (a locked-down browser): one refresh that may be answered 401 is the cost.
    return true;
  }
}

export function rememberSession(): void {
  try {
    localStorage.setItem(SESSION_HINT_KEY, '1');
  } catch {
    // Without storage the refresh is simply always tried.
  }
}

export function forgetSession(): void {
  try {
    localStorage.removeItem(SESSION_HINT_KEY);
  } catch {
    // Nothing remembered, nothing to forget.
  }
}
