import {
  type TChallengeOutput,
  type TSessionOutput,
  type TSessionState,
  ZAdminScope,
} from '@puffy/contracts';
import { eq } from 'drizzle-orm';
import { recordActivityEvent } from '../activity/events';
import { setAdminScopes } from '../admin/roles';
import { isConfiguredAdmin } from '../admin/wallet-spec';
import { recordFunnelStep } from '../analytics/service';
import type { Deps } from '../deps';
import { Conflict, Forbidden, Unauthorized } from '../platform/errors';
import { recordSecurityEvent } from '../platform/security-events';
import type { RequestInfo, ResponseControl, Session } from '../trpc/context';
import { takeChallenge } from './challenges';
import { clearedCookies, REFRESH_COOKIE, readCookie, sessionCookies } from './cookies';
import { csrfTokenFor } from './csrf-token';
import { issueStoredChallenge } from './issue-challenge';
import { type ChallengeRequest, type SignInProof, verifyProof } from './proofs';
import { safeEqual } from './secrets';
import {
  createSession,
  revokeAllSessions,
  revokeByRefreshToken,
  revokeSession,
  rotateRefreshToken,
  sessionIdOfRefreshToken,
} from './sessions';
import { signAccessToken } from './tokens';
import { findOrCreateUser, findUserById, toAuthUser } from './users';

type AuthDeps = Pick<Deps, 'db' | 'store' | 'clock' | 'auth' | 'config' | 'logger'>;
type Delivery = 'cookie' | 'body';

export function issueChallenge(deps: AuthDeps, input: ChallengeRequest): Promise<TChallengeOutput> {
  return issueStoredChallenge(deps, input, 'sign_in');
}

/** Issues the access token and, for browsers, the cookies; the shape every sign-in path returns. */
async function openSession(
  deps: AuthDeps,
  res: ResponseControl,
  user: Parameters<typeof toAuthUser>[0],
  session: { sessionId: string; refreshToken: string; expiresAt: Date },
  delivery: Delivery,
): Promise<TSessionOutput> {
  const now = deps.clock.now();
  const accessExpiresAt = new Date(
    Math.min(now.getTime() + deps.auth.accessTokenTtlSeconds * 1000, session.expiresAt.getTime()),
  );
  const authUser = toAuthUser(user);
  const { token } = await signAccessToken(
    deps.auth.signingKeys,
    {
      userId: authUser.id,
      walletAddress: authUser.walletAddress,
      chain: authUser.chain,
      role: authUser.role,
      scopes: authUser.scopes,
      sessionId: session.sessionId,
      expiresAt: accessExpiresAt,
    },
    now,
  );
  const output: TSessionOutput = {
    user: authUser,
    csrfToken: csrfTokenFor(deps.auth.appSecret, session.sessionId),
    expiresAt: accessExpiresAt.toISOString(),
    sessionExpiresAt: session.expiresAt.toISOString(),
  };
  if (delivery === 'body') return { ...output, accessToken: token, refreshToken: session.refreshToken };
  for (const cookie of sessionCookies(
    {
      accessToken: token,
      accessMaxAge: (accessExpiresAt.getTime() - now.getTime()) / 1000,
      refreshToken: session.refreshToken,
      refreshMaxAge: (session.expiresAt.getTime() - now.getTime()) / 1000,
    },
    { secure: deps.auth.secureCookies },
  )) {
    res.appendCookie(cookie);
  }
  return output;
}

export async function verifySignIn(
  deps: AuthDeps,
  req: RequestInfo,
  res: ResponseControl,
  input: { challengeId: string; proof: SignInProof; delivery: Delivery },
): Promise<TSessionOutput> {
  const taken = await takeChallenge(deps, input.challengeId, deps.auth.challengeTtlSeconds);
  if (taken.kind === 'replayed') {
    await recordSecurityEvent(deps, req, {
      type: 'challenge_replayed',
      detail: { chain: input.proof.chain },
    });
    throw new Unauthorized(
      'This sign-in request was already used. Start the sign-in again.',
      'challenge_used',
    );
  }
  if (taken.kind === 'expired' || taken.challenge.purpose !== 'sign_in') {
    throw new Unauthorized('This sign-in request expired. Start the sign-in again.', 'challenge_expired');
  }
  const verified = await verifyProof(deps, taken.challenge, input.proof);
  if (!verified.ok) {
    await recordSecurityEvent(deps, req, {
      type: 'verify_failed',
      detail: { chain: input.proof.chain, reason: verified.reason },
    });
    throw new Unauthorized(verified.message, verified.reason);
  }
  const wallet = { chain: verified.chain, address: verified.address, addressHex: verified.addressHex };
  const admin = isConfiguredAdmin(deps.auth.adminWallets, wallet);
  let { user } = await findOrCreateUser(
    deps,
    wallet,
    admin ? { role: 'admin', scopes: ZAdminScope.options } : { role: 'user', scopes: [] },
  );
  // A wallet added to ADMIN_WALLETS after its first sign-in becomes an admin at its next one.
  if (admin && user.role !== 'admin') {
    const { user: promoted } = await setAdminScopes(deps, { userId: null, requestId: req.requestId }, req, {
      userId: user.id,
      scopes: ZAdminScope.options,
    });
    user = { ...user, role: promoted.role, adminScopes: promoted.scopes };
  }
  const signedIn = user.id;
  // What follows from the verified proof commits together, in one transaction (docs/architecture.md,
  // "Statement budgets"): the session, the funnel step and the running campaigns' sign-in activities
  // (completed once each; later sign-ins add nothing).
  const session = await deps.db.withTransaction(async (tx) => {
    const created = await createSession(
      deps,
      signedIn,
      { ip: req.ip, userAgent: req.header('user-agent') },
      tx,
    );
    await recordFunnelStep(deps, tx, { name: 'sign_in', userId: signedIn });
    await recordActivityEvent(deps, { userId: signedIn, event: 'signed_in', tx });
    return created;
  });
  return openSession(deps, res, user, session, input.delivery);
}

export async function refreshSession(
  deps: AuthDeps,
  req: RequestInfo,
  res: ResponseControl,
  input: { refreshToken?: string; delivery: Delivery },
): Promise<TSessionOutput> {
  const token = input.refreshToken ?? readCookie(req.header('cookie'), REFRESH_COOKIE);
  if (!token) throw new Unauthorized('Your session has ended. Sign in again.', 'no_session');
  const outcome = await rotateRefreshToken(deps, token, { userAgent: req.header('user-agent') });
  if (outcome.kind === 'raced') {
    throw new Conflict(
      'Your session was just refreshed in another tab. Retry with the new session.',
      'refresh_raced',
    );
  }
  if (outcome.kind === 'reused') {
    await recordSecurityEvent(deps, req, { type: 'refresh_reuse', userId: outcome.userId });
  }
  if (outcome.kind !== 'rotated') {
    if (input.delivery === 'cookie')
      for (const c of clearedCookies({ secure: deps.auth.secureCookies })) res.appendCookie(c);
    throw new Unauthorized('Your session has ended. Sign in again.', 'session_ended');
  }
  const user = await findUserById(deps, outcome.userId);
  if (!user) throw new Unauthorized('Your account no longer exists.', 'no_user');
  return openSession(deps, res, user, outcome, input.delivery);
}

export async function describeSession(deps: AuthDeps, session: Session | null): Promise<TSessionState> {
  if (!session) return { signedIn: false };
  const user = await findUserById(deps, session.userId);
  if (!user) return { signedIn: false };
  const [row] = await deps.db.db
    .select({ expiresAt: deps.db.t.sessions.expiresAt })
    .from(deps.db.t.sessions)
    .where(eq(deps.db.t.sessions.id, session.sessionId));
  return {
    signedIn: true,
    user: toAuthUser(user),
    csrfToken: csrfTokenFor(deps.auth.appSecret, session.sessionId),
    expiresAt: session.expiresAt.toISOString(),
    sessionExpiresAt: (row?.expiresAt ?? session.expiresAt).toISOString(),
  };
}

/**
 * Ends the session of the access token, or, when that token already expired (a tab that slept past
 * it), the session the refresh token proves; a browser's refresh cookie also needs the session's CSRF
 * token, as every cookie-authenticated change does. Refused only when nothing names a live session.
 */
export async function logout(
  deps: AuthDeps,
  req: RequestInfo,
  res: ResponseControl,
  session: Session | null,
  input: { refreshToken?: string },
): Promise<{ ok: true }> {
  const clearCookies = () => {
    for (const c of clearedCookies({ secure: deps.auth.secureCookies })) res.appendCookie(c);
  };
  if (session) {
    await revokeSession(deps, session.sessionId, 'logout');
    clearCookies();
    return { ok: true };
  }
  const cookieToken = readCookie(req.header('cookie'), REFRESH_COOKIE);
  const token = input.refreshToken ?? cookieToken;
  if (!token) throw new Unauthorized('You are not signed in.', 'no_session');
  if (!input.refreshToken) {
    const sessionId = sessionIdOfRefreshToken(token);
    const presented = req.header('x-csrf-token') ?? '';
    if (!sessionId || !safeEqual(presented, csrfTokenFor(deps.auth.appSecret, sessionId))) {
      throw new Forbidden('Your session token is missing or stale. Reload the page and try again.', 'csrf');
    }
  }
  const ended = await revokeByRefreshToken(deps, token, 'logout');
  if (!input.refreshToken) clearCookies();
  if (!ended) throw new Unauthorized('Your session has already ended.', 'session_ended');
  return { ok: true };
}

export async function logoutAll(
  deps: AuthDeps,
  req: RequestInfo,
  res: ResponseControl,
  session: Session,
): Promise<{ ok: true; sessionsEnded: number }> {
  const sessionsEnded = await revokeAllSessions(deps, session.userId, 'logout_all');
  await recordSecurityEvent(deps, req, {
    type: 'logout_all',
    userId: session.userId,
    detail: { sessionsEnded },
  });
  for (const c of clearedCookies({ secure: deps.auth.secureCookies })) res.appendCookie(c);
  return { ok: true, sessionsEnded };
}
