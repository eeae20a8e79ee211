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

/** Returns the claims of a valid token, or null for any token that is not (expired, forged, unknown key). */
export async function verifyAccessToken(
  keys: SigningKey[],
  token: string,
  now: Date,
): Promise<AccessClaims | null> {
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
