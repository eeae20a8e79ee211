import type { Deps } from '../deps';
import type { RequestInfo, Session } from '../trpc/context';
import { ACCESS_COOKIE, readCookie } from './cookies';
import { isRevoked } from './revocation';
import { verifyAccessToken } from './tokens';

/**
 * Reads the access token from `Authorization: Bearer` or the cookie, and refuses revoked ones (from
 * the store's marks, or from the sessions table while the store is down).
 */
export async function resolveSession(req: RequestInfo, deps: Deps): Promise<Session | null> {
  const authorization = req.header('authorization');
  const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
  const token = bearer ?? readCookie(req.header('cookie'), ACCESS_COOKIE);
  if (!token) return null;
  const claims = await verifyAccessToken(deps.auth.signingKeys, token, deps.clock.now());
  if (!claims) return null;
  if (await isRevoked(deps, claims)) return null;
  return {
    userId: claims.userId,
    walletAddress: claims.walletAddress,
    chain: claims.chain,
    role: claims.role,
    scopes: claims.scopes,
    jti: claims.jti,
    sessionId: claims.sessionId,
    via: bearer ? 'bearer' : 'cookie',
    expiresAt: claims.expiresAt,
  };
}
