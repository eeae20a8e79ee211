import type { Database } from '@puffy/db';
import type { Deps } from '../deps';

export interface AuditActor {
  /** Null when the change came from an operator's command line (`pnpm admin:grant`). */
  userId: string | null;
  requestId: string | null;
}

/** The operator behind a procedure call, as the audit log names them. */
export const actorOf = (ctx: { session: { userId: string }; req: { requestId: string } }): AuditActor => ({
  userId: ctx.session.userId,
  requestId: ctx.req.requestId,
});

/**
 * Writes one admin action to the append-only audit log. Call it with the transaction of the change
 * itself, so the log and the change commit or roll back together.
 */
export async function recordAudit(
  deps: Pick<Deps, 'db' | 'clock'>,
  tx: Database,
  actor: AuditActor,
  entry: { action: string; targetType: string; targetId: string | null; before: unknown; after: unknown },
): Promise<void> {
  await tx.insert(deps.db.t.auditLog).values({
    id: crypto.randomUUID(),
    actorUserId: actor.userId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: actor.requestId,
    createdAt: deps.clock.now(),
  });
}
