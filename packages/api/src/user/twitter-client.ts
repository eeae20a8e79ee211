import {
  ArcticFetchError,
  CodeChallengeMethod,
  generateCodeVerifier,
  generateState,
  OAuth2Client,
  OAuth2RequestError,
} from 'arctic';
import { z } from 'zod';
import { BadInput, UpstreamUnavailable } from '../platform/errors';
import type { TwitterOAuthConfig } from './twitter-config';

/** Reading the member's own profile is all the link needs. */
const SCOPES = ['users.read', 'tweet.read'];
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

export async function exchangeTwitterCode(
  config: TwitterOAuthConfig,
  code: string,
  codeVerifier: string,
): Promise<string> {
  try {
    const tokens = await withTimeout(
      clientOf(config).validateAuthorizationCode(`${config.apiBaseUrl}/2/oauth2/token`, code, codeVerifier),
    );
    return tokens.accessToken();
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
