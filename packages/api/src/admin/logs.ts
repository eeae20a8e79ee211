import type { TAuditEntry, TPage, TSecurityEventRow, TSecurityEventType } from '@puffy/contracts';
import { type Column, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { newestPage } from '../platform/cursor';

/** `column = value` for each search field that is set; a field left out does not narrow the log. */
const equalWhereSet = (fields: Array<[Column, string | undefined]>) =>
  fields.map(([column, value]) => (value ? eq(column, value) : undefined));

/** A log row as the contracts name it: its columns as they are, the time as ISO text. */
const withIsoTime = <R extends { createdAt: Date }>(row: R) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

/** The audit log of admin actions, newest first, optionally about one target or by one actor. */
export async function listAuditLog(
  deps: Pick<Deps, 'db'>,
  input: { targetType?: string; targetId?: string; actorUserId?: string; cursor?: string; limit: number },
): Promise<TPage<TAuditEntry>> {
  const a = deps.db.t.auditLog;
  const filters = equalWhereSet([
    [a.targetType, input.targetType],
    [a.targetId, input.targetId],
    [a.actorUserId, input.actorUserId],
  ]);
  return newestPage(deps.db.db.select().from(a).$dynamic(), a, { ...input, filters }, withIsoTime);
}

/** Security events of docs/product/admin.md for admins, newest first. */
export async function listSecurityEvents(
  deps: Pick<Deps, 'db'>,
  input: { type?: TSecurityEventType; userId?: string; cursor?: string; limit: number },
): Promise<TPage<TSecurityEventRow>> {
  const e = deps.db.t.securityEvents;
  const filters = equalWhereSet([
    [e.type, input.type],
    [e.userId, input.userId],
  ]);
  return newestPage(deps.db.db.select().from(e).$dynamic(), e, { ...input, filters }, withIsoTime);
}
