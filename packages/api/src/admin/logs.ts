import type { TAuditEntry, TSecurityEventRow, TSecurityEventType } from '@puffy/contracts';
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { newestPage } from '../platform/cursor';

/** The audit log of admin actions, newest first, optionally about one target or by one actor. */
export async function listAuditLog(
  deps: Pick<Deps, 'db'>,
  input: { targetType?: string; targetId?: string; actorUserId?: string; cursor?: string; limit: number },
) {
  const { db, t } = deps.db;
  const a = t.auditLog;
  const filters = [
    input.targetType ? eq(a.targetType, input.targetType) : undefined,
    input.targetId ? eq(a.targetId, input.targetId) : undefined,
    input.actorUserId ? eq(a.actorUserId, input.actorUserId) : undefined,
  ];
  return newestPage(
    db.select().from(a).$dynamic(),
    a,
    { ...input, filters },
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
  const filters = [
    input.type ? eq(e.type, input.type) : undefined,
    input.userId ? eq(e.userId, input.userId) : undefined,
  ];
  return newestPage(
    db.select().from(e).$dynamic(),
    e,
    { ...input, filters },
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
