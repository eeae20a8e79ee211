/**
 * The CSRF token of the current cookie session, kept in memory only (never in storage a script from
 * another origin could read). The auth flow sets it after sign-in and from `auth.session`.
 */
let csrfToken: string | null = null;

export const getCsrfToken = (): string | null => csrfToken;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
