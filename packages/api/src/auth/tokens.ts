import {
  type TAdminScope,
  type TRole,
  type TWalletChain,
  ZAdminScope,
  ZRole,
  ZWalletChain,
} from '@puffy/contracts';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

export interface SigningKey {
  kid: string;
  secret: string;
}

/** The JWT claims are snake_case: other services read them. */
const ZClaims = z.object({
  user_id: z.string(),
  wallet_address: z.string(),
  chain: ZWalletChain,
  role: ZRole,
  scopes: z.array(ZAdminScope).default([]),
  sid: z.string(),
  jti: z.string(),
  iat: z.number(),
  exp: z.number(),
});

export interface AccessClaims {
  userId: string;
  walletAddress: string;
  chain: TWalletChain;
  role: TRole;
  scopes: TAdminScope[];
  sessionId: string;
  jti: string;
  issuedAt: Date;
  expiresAt: Date;
}

const encoder = new TextEncoder();
const keyCache = new Map<string, Uint8Array>();
function keyBytes(secret: string): Uint8Array {
  let bytes = keyCache.get(secret);
  if (!bytes) {
    bytes = encoder.encode(secret);
    keyCache.set(secret, bytes);
  }
  return bytes;
}

/** Signs with the first key; the key id goes in the header so older keys keep verifying after rotation. */
export async function signAccessToken(
  keys: SigningKey[],
  claims: Omit<AccessClaims, 'jti' | 'issuedAt'>,
  now: Date,
): Promise<{ token: string; jti: string }> {
  const [active] = keys;
  if (!active) throw new Error('no signing key configured');
  const jti = crypto.randomUUID();
  const token = await new SignJWT({
    user_id: claims.userId,
    wallet_address: claims.walletAddress,
    chain: claims.chain,
    role: claims.role,
    scopes: claims.scopes,
    sid: claims.sessionId,
  })
    .setProtectedHeader({ alg: 'HS256', kid: active.kid, typ: 'JWT' })
    .setJti(jti)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
    .sign(keyBytes(active.secret));
  return { token, jti };
}

/**
 * Tokens that verified, per key set: a member's every request carries the same token until it is
 * refreshed, and verifying its signature again (an HMAC through WebCrypto, with a key import) was
 * most of a signed-in read's cost. Only the expiry changes the answer for the same token and keys,
 * so a hit checks it again; revocation is checked per request elsewhere (revocation.ts). Bounded:
 * the oldest entry goes when it is full.
 */
const verified = new WeakMap<SigningKey[], Map<string, AccessClaims>>();
const VERIFIED_MAX = 10_000;

function stillValid(claims: AccessClaims, now: Date): boolean {
  // jose's rule: expired once `exp` is at or before the current second.
  return claims.expiresAt.getTime() / 1000 > Math.floor(now.getTime() / 1000);
}

/** Returns the claims of a valid token, or null for any token that is not (expired, forged, unknown key). */
export async function verifyAccessToken(
  keys: SigningKey[],
  token: string,
  now: Date,
): Promise<AccessClaims | null> {
  let known = verified.get(keys);
  const hit = known?.get(token);
  if (hit) return stillValid(hit, now) ? hit : null;
  const claims = await verifySignature(keys, token, now);
  if (claims) {
    if (!known) {
      known = new Map();
      verified.set(keys, known);
    }
    if (known.size >= VERIFIED_MAX) {
      const oldest = known.keys().next().value;
      if (oldest !== undefined) known.delete(oldest);
    }
    known.set(token, claims);
  }
  return claims;
}

async function verifySignature(keys: SigningKey[], token: string, now: Date): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = keys.find((k) => k.kid === header.kid);
        if (!key) throw new errors.JWKSNoMatchingKey();
        return keyBytes(key.secret);
      },
      { algorithms: ['HS256'], currentDate: now },
    );
    const claims = ZClaims.parse(payload);
    return {
      userId: claims.user_id,
      walletAddress: claims.wallet_address,
      chain: claims.chain,
      role: claims.role,
      scopes: claims.scopes,
      sessionId: claims.sid,
      jti: claims.jti,
      issuedAt: new Date(claims.iat * 1000),
      expiresAt: new Date(claims.exp * 1000),
    };
  } catch {
    return null;
  }
}
