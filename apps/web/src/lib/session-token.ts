/**
 * The CSRF token of the current cookie session. It lives in memory only, never in storage that
 * another script could read; the auth flow fills it after sign-in and from `auth.session`, and clears
 * it on sign-out. The tRPC client reads it on every request.
 */
let csrfToken: string | null = null;

export function getCsrfToken(): string | null {
  return csrfToken;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
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
