import {
  ArcticFetchError,
  CodeChallengeMethod,
  generateCodeVerifier,
  generateState,
  OAuth2Client,
  OAuth2RequestError,
  type OAuth2Tokens,
} from 'arctic';
import { z } from 'zod';
import { BadInput, UpstreamUnavailable } from '../platform/errors';
import type { TwitterOAuthConfig } from './twitter-config';

/**
 * The profile for the link; follows and likes to check X tasks with the member's own account;
 * offline.access for a refresh token, so a check days later still works (docs/product/social-tasks.md).
 */
const SCOPES = ['users.read', 'tweet.read', 'follows.read', 'like.read', 'offline.access'];
const TIMEOUT_MS = 10_000;

const clientOf = (config: TwitterOAuthConfig) =>
  new OAuth2Client(config.clientId, config.clientSecret, config.redirectUri);

/** A fresh state and PKCE verifier (S256), and the URL that sends the member to X with them. */
export function twitterAuthorizeUrl(config: TwitterOAuthConfig) {
  const state = generateState();
  const codeVerifier = generateCodeVerifier();
  const url = clientOf(config).createAuthorizationURLWithPKCE(
    config.authorizeUrl,
    state,
    CodeChallengeMethod.S256,
    codeVerifier,
    SCOPES,
  );
  return { url: url.toString(), state, codeVerifier };
}

/** Arctic has no timeout of its own; X not answering must become "try again", not a hung request. */
function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new UpstreamUnavailable('X is not answering. Please try again.')),
      TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The member's tokens as X issued them; `expiresInSeconds` counts from the answer. */
export interface XTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresInSeconds: number;
  scope: string;
}

function tokensOf(tokens: OAuth2Tokens): XTokens {
  return {
    accessToken: tokens.accessToken(),
    refreshToken: tokens.hasRefreshToken() ? tokens.refreshToken() : null,
    expiresInSeconds: tokens.accessTokenExpiresInSeconds(),
    scope: tokens.hasScopes() ? tokens.scopes().join(' ') : '',
  };
}

const tokenEndpoint = (config: TwitterOAuthConfig) => `${config.apiBaseUrl}/2/oauth2/token`;

export async function exchangeTwitterCode(
  config: TwitterOAuthConfig,
  code: string,
  codeVerifier: string,
): Promise<XTokens> {
  try {
    return tokensOf(
      await withTimeout(
        clientOf(config).validateAuthorizationCode(tokenEndpoint(config), code, codeVerifier),
      ),
    );
  } catch (error) {
    if (error instanceof OAuth2RequestError) {
      throw new BadInput(
        'X did not accept this authorization (it may have expired). Start linking X again.',
        undefined,
        'x_authorization_refused',
      );
    }
    if (error instanceof UpstreamUnavailable) throw error;
    if (error instanceof ArcticFetchError)
      throw new UpstreamUnavailable('X is not answering. Please try again.');
    throw new UpstreamUnavailable('X answered in a way we did not expect. Please try again.');
  }
}

/**
 * A new access token for a refresh token (X rotates the refresh token: the old one stops working).
 * Null when X refuses it (revoked, or already used): the member must link X again.
 */
export async function refreshTwitterTokens(config: TwitterOAuthConfig, refreshToken: string) {
  try {
    return tokensOf(
      await withTimeout(clientOf(config).refreshAccessToken(tokenEndpoint(config), refreshToken, [])),
    );
  } catch (error) {
    if (error instanceof OAuth2RequestError) return null;
    if (error instanceof UpstreamUnavailable) throw error;
    throw new UpstreamUnavailable('X is not answering. Please try again.');
  }
}

/** X API v2 `GET /2/users/me` response (only the fields the link keeps). */
const ZUsersMe = z.object({
  data: z.object({
    id: z.string().regex(/^\d{1,25}$/),
    username: z.string().min(1).max(50),
    name: z.string().max(100).optional(),
    profile_image_url: z.url().optional(),
  }),
});

export async function fetchTwitterProfile(config: TwitterOAuthConfig, accessToken: string) {
  let response: Response;
  try {
    response = await fetch(`${config.apiBaseUrl}/2/users/me?user.fields=profile_image_url`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new UpstreamUnavailable('X is not answering. Please try again.');
  }
  const parsed = ZUsersMe.safeParse(response.ok ? await response.json().catch(() => null) : null);
  if (!parsed.success) throw new UpstreamUnavailable('X did not return your profile. Please try again.');
  const { data } = parsed.data;
  return {
    id: data.id,
    username: data.username,
    name: data.name ?? null,
    avatarUrl: data.profile_image_url ?? null,
  };
}
