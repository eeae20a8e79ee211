import type { TAuditEntry, TSecurityEventRow, TSecurityEventType } from '@puffy/contracts';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Deps } from '../deps';
import { afterCursor, newestFirst, toPage } from '../platform/cursor';

/** The audit log of admin actions, newest first, optionally about one target or by one actor. */
export async function listAuditLog(
  deps: Pick<Deps, 'db'>,
  input: { targetType?: string; targetId?: string; actorUserId?: string; cursor?: string; limit: number },
) {
  const { db, t } = deps.db;
  const a = t.auditLog;
  const filters: Array<SQL | undefined> = [afterCursor(input.cursor, a.createdAt, a.id)];
  if (input.targetType) filters.push(eq(a.targetType, input.targetType));
  if (input.targetId) filters.push(eq(a.targetId, input.targetId));
  if (input.actorUserId) filters.push(eq(a.actorUserId, input.actorUserId));
  const rows = await db
    .select()
    .from(a)
    .where(and(...filters))
    .orderBy(...newestFirst(a.createdAt, a.id))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    (r): TAuditEntry => ({
      id: r.id,
      actorUserId: r.actorUserId,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
      createdAt: r.createdAt.toISOString(),
    }),
  );
}

/** Security events of docs/product/admin.md for admins, newest first. */
export async function listSecurityEvents(
  deps: Pick<Deps, 'db'>,
  input: { type?: TSecurityEventType; userId?: string; cursor?: string; limit: number },
) {
  const { db, t } = deps.db;
  const e = t.securityEvents;
  const filters: Array<SQL | undefined> = [afterCursor(input.cursor, e.createdAt, e.id)];
  if (input.type) filters.push(eq(e.type, input.type));
  if (input.userId) filters.push(eq(e.userId, input.userId));
  const rows = await db
    .select()
    .from(e)
    .where(and(...filters))
    .orderBy(...newestFirst(e.createdAt, e.id))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    (r): TSecurityEventRow => ({
      id: r.id,
      type: r.type,
      userId: r.userId,
      requestId: r.requestId,
      ip: r.ip,
      detail: r.detail,
      createdAt: r.createdAt.toISOString(),
    }),
  );
}
