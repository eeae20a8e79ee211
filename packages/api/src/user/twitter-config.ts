/** X (Twitter) OAuth 2.0 settings; the server's config builds them from X_* variables. */
export interface TwitterOAuthConfig {
  clientId: string;
  /** Null for public clients (PKCE alone); confidential clients authenticate with HTTP Basic. */
  clientSecret: string | null;
  /** The SPA page `/auth/oauth-callback`, as registered with X. */
  redirectUri: string;
  authorizeUrl: string;
  /** Token endpoint at `/2/oauth2/token`, profile at `/2/users/me`; a local server in tests. */
  apiBaseUrl: string;
}
