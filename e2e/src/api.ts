import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { base58 } from './base58';

/**
 * A development-wallet key the browser and this process both hold: the page signs in with it through
 * the SPA, and the test signs in with it over HTTP to set up what a page needs (an order, a claim)
 * without walking another screen's flow first.
 */
export interface SharedWalletKey {
  /** The 32-byte seed in base58, as the SPA's development wallet stores it. */
  secret: string;
  address: string;
  key: KeyObject;
}

export function sharedWalletKey(): SharedWalletKey {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return {
    secret: base58(Buffer.from(jwk.d ?? '', 'base64url')),
    address: base58(Buffer.from(jwk.x ?? '', 'base64url')),
    key: createPrivateKey({ key: jwk, format: 'jwk' }),
  };
}

/** One tRPC call over the wire format (no transformer), as a client without the router's types makes it. */
export async function trpcCall<T>(
  baseUrl: string,
  path: string,
  kind: 'query' | 'mutation',
  input: unknown,
  token?: string,
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const url =
    kind === 'query'
      ? `${baseUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
      : `${baseUrl}/trpc/${path}`;
  const response = await fetch(url, {
    method: kind === 'query' ? 'GET' : 'POST',
    headers,
    body: kind === 'query' ? undefined : JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (!response.ok || body.result === undefined) {
    throw new Error(`${path} answered ${response.status}: ${body.error?.message ?? 'no result'}`);
  }
  return body.result.data;
}

/** Signs in over HTTP with the shared key: the access token and the member's id. */
export async function signInOverHttp(
  baseUrl: string,
  wallet: SharedWalletKey,
): Promise<{ token: string; userId: string }> {
  const challenge = await trpcCall<{ challengeId: string; message: string }>(
    baseUrl,
    'auth.challenge',
    'mutation',
    { chain: 'sol', address: wallet.address },
  );
  const signature = base58(sign(null, Buffer.from(challenge.message), wallet.key));
  const session = await trpcCall<{ accessToken?: string; user: { id: string } }>(
    baseUrl,
    'auth.verify',
    'mutation',
    {
      challengeId: challenge.challengeId,
      proof: { chain: 'sol', address: wallet.address, signature },
      delivery: 'body',
    },
  );
  if (!session.accessToken) throw new Error('auth.verify gave no access token');
  return { token: session.accessToken, userId: session.user.id };
}
