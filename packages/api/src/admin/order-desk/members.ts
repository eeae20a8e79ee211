import type { TAdminUserRow, TMemberStanding } from '@puffy/contracts';
import { lockRows } from '@puffy/db';
import { and, count, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { revokeSessionMark } from '../../auth/revocation';
import type { Deps } from '../../deps';
import { type AuditActor, recordAudit } from '../../platform/audit';
import { NotFound } from '../../platform/errors';
import { userInfo } from '../../user/info';
import { toAdminUserRow } from '../users';

/**
 * Finds members by an exact key: user id, any of their wallets (the sign-in wallet or a linked one),
 * email (any case), X id or X handle (with or without the @). At most a handful can match.
 */
export async function lookUpMembers(
  deps: Pick<Deps, 'db'>,
  input: { query: string },
): Promise<TAdminUserRow[]> {
  const { db, t } = deps.db;
  const q = input.query.trim();
  const handle = q.replace(/^@/, '').toLowerCase();
  const linked = db
    .select({ id: t.userWallets.userId })
    .from(t.userWallets)
    .where(eq(t.userWallets.address, q));
  const u = t.users;
  const keys = [
    eq(u.id, q),
    eq(u.walletAddress, q),
    eq(u.walletAddressHex, q),
    inArray(u.id, linked),
    eq(sql`lower(${u.email})`, q.toLowerCase()),
    eq(u.twitterId, q),
    eq(sql`lower(${u.twitterHandle})`, handle),
  ];
  const rows = await db
    .select()
    .from(u)
    .where(or(...keys))
    .limit(20);
  return rows.map(toAdminUserRow);
}

/** A member's standing: the profile the member sees, plus what an operator needs to decide. */
export async function memberStanding(deps: Deps, input: { userId: string }): Promise<TMemberStanding> {
  const { userId } = input;
  const { db, t } = deps.db;
  const info = await userInfo(deps, userId);
  const [[user], [sessions], orders, passes] = await Promise.all([
    db.select({ role: t.users.role }).from(t.users).where(eq(t.users.id, userId)),
    db
      .select({ n: count() })
      .from(t.sessions)
      .where(and(eq(t.sessions.userId, userId), isNull(t.sessions.revokedAt))),
    db
      .select({ status: t.orders.status, n: count() })
      .from(t.orders)
      .where(eq(t.orders.userId, userId))
      .groupBy(t.orders.status),
    db
      .select({ status: t.devicePasses.status, n: count() })
      .from(t.devicePasses)
      .where(eq(t.devicePasses.ownerUserId, userId))
      .groupBy(t.devicePasses.status),
  ]);
  const passCount = (status: string) => passes.find((p) => p.status === status)?.n ?? 0;
  return {
    info,
    role: user?.role ?? 'user',
    activeSessions: sessions?.n ?? 0,
    orders: Object.fromEntries(orders.map((o) => [o.status, o.n])),
    devicePasses: { active: passCount('active'), used: passCount('used'), revoked: passCount('revoked') },
  };
}

/** Locks (or unlocks) a member's avatar: a locked one cannot be changed by the member. */
export async function setAvatarLock(
  deps: Deps,
  actor: AuditActor,
  input: { userId: string; locked: boolean },
) {
  const u = deps.db.t.users;
  return deps.db.withTransaction(async (tx) => {
    await lockRows(deps.db, tx, u, eq(u.id, input.userId));
    const [user] = await tx.select({ avatarLocked: u.avatarLocked }).from(u).where(eq(u.id, input.userId));
    if (!user) throw new NotFound('No member has this id.', 'user_not_found');
    await tx
      .update(u)
      .set({ avatarLocked: input.locked, updatedAt: deps.clock.now() })
      .where(eq(u.id, input.userId));
    await recordAudit(deps, tx, actor, {
      action: input.locked ? 'user.avatar_locked' : 'user.avatar_unlocked',
      targetType: 'user',
      targetId: input.userId,
      before: { avatarLocked: user.avatarLocked },
      after: { avatarLocked: input.locked },
    });
    return { userId: input.userId, avatarLocked: input.locked };
  });
}

/**
 * Ends every session of a member, with the audit row in the same transaction; once it commits, each
 * session is marked in the shared store so access tokens already handed out stop working everywhere.
 */
export async function revokeMemberSessions(deps: Deps, actor: AuditActor, input: { userId: string }) {
  const { userId } = input;
  const { t } = deps.db;
  const revoked = await deps.db.withTransaction(async (tx) => {
    const [user] = await tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.id, userId));
    if (!user) throw new NotFound('No member has this id.', 'user_not_found');
    const ended = await tx
      .update(t.sessions)
      .set({ revokedAt: deps.clock.now(), revokeReason: 'revoked_by_admin' })
      .where(and(eq(t.sessions.userId, userId), isNull(t.sessions.revokedAt)))
      .returning({ id: t.sessions.id });
    await recordAudit(deps, tx, actor, {
      action: 'user.sessions_revoked',
      targetType: 'user',
      targetId: userId,
      before: { activeSessions: ended.length },
      after: { activeSessions: 0 },
    });
    return ended;
  });
  const ttl = deps.auth.accessTokenTtlSeconds + 60;
  await Promise.all(revoked.map(({ id }) => revokeSessionMark(deps.store, id, ttl)));
  return { userId, sessionsEnded: revoked.length };
}
