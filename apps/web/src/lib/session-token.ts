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
