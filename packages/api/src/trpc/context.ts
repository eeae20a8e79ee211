import type { TAdminScope, TRole, TWalletChain } from '@puffy/contracts';
import type { Deps } from '../deps';

/** A signed-in member as the procedures see it (from the access token). */
export interface Session {
  userId: string;
  walletAddress: string;
  chain: TWalletChain;
  role: TRole;
  scopes: TAdminScope[];
  /** JWT id. */
  jti: string;
  /** The refresh-token family this access token belongs to; logout revokes it. */
  sessionId: string;
  /** How the token arrived: cookie sessions need CSRF protection, bearer ones do not. */
  via: 'cookie' | 'bearer';
  expiresAt: Date;
}

/**
 * The HTTP request as procedures need it, independent of Hono or node:http so that the same
 * procedures run behind any adapter (the fast path of the performance work included).
 */
export interface RequestInfo {
  requestId: string;
  ip: string;
  method: string;
  header(name: string): string | undefined;
}

export interface ResponseControl {
  setHeader(name: string, value: string): void;
  appendCookie(serializedCookie: string): void;
}

export interface Context {
  deps: Deps;
  req: RequestInfo;
  res: ResponseControl;
  session: Session | null;
}

/** Resolves the session of a request; the auth domain provides the real one. */
export type SessionResolver = (req: RequestInfo, deps: Deps) => Promise<Session | null>;

export const noSession: SessionResolver = async () => null;

export async function createContext(
  deps: Deps,
  req: RequestInfo,
  res: ResponseControl,
  resolveSession: SessionResolver = noSession,
): Promise<Context> {
  return { deps, req, res, session: await resolveSession(req, deps) };
}
