import type { Database } from '@puffy/db';
import type { Deps } from '../deps';
import { type AuditActor, recordAudit } from '../platform/audit';

/** What the audit log keeps of one admin change. */
export type AuditEntry = Parameters<typeof recordAudit>[3];

/**
 * An operator's change and its audit entry in one transaction, so both commit or neither does:
 * `change` makes the change and says what it did (`audit`) and what the caller gets back (`result`).
 */
export function audited<T>(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: AuditActor,
  change: (tx: Database) => Promise<{ audit: AuditEntry; result: T }>,
): Promise<T> {
  return deps.db.withTransaction(async (tx) => {
    const { audit, result } = await change(tx);
    await recordAudit(deps, tx, actor, audit);
    return result;
  });
}
