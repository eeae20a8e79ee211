import type { KeyedLoad } from '@puffy/db';
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../deps';

/** Bad lines kept with their numbers; the counts cover the rest. */
const MAX_LINE_ERRORS = 100;

export interface LineError {
  line: number;
  reason: string;
}

/** What the snapshot row shows of an import: its counts and its first bad lines. */
export class Tally {
  rowsRead = 0;
  rowsAccepted = 0;
  rowsRejected = 0;
  readonly errors: LineError[] = [];

  reject(line: number, reason: string): void {
    this.rowsRejected += 1;
    if (this.errors.length < MAX_LINE_ERRORS) this.errors.push({ line, reason });
  }
}

/**
 * The lines of one batch as they are read: its holders by address (each address once within the
 * batch), and the lines it read and rejected, which join the tally only when the batch is written.
 * That keeps the tally (and which bad lines are kept) exactly in line order even while the previous
 * batch is still being written.
 */
export class Batch {
  readonly holders = new Map<string, { line: number; amount: string | null }>();
  rowsRead = 0;
  readonly rejected: LineError[] = [];

  reject(line: number, reason: string): void {
    this.rejected.push({ line, reason });
  }
}

/**
 * Writes one batch with the snapshot's progress, in one transaction. Every address is new within
 * its batch, so a row the load did not add repeats one of an earlier batch.
 */
export async function writeBatch(
  deps: Pick<Deps, 'db'>,
  load: KeyedLoad,
  snapshotId: string,
  tally: Tally,
  batch: Batch,
): Promise<void> {
  const { t } = deps.db;
  await deps.db.withTransaction(async (tx) => {
    // A batch's commit need not wait for its WAL flush: a crash loses at most the last batches of a
    // snapshot that is not active yet, and the import job starts that snapshot over anyway.
    if (deps.db.dialect === 'postgres') await tx.execute(sql`set local synchronous_commit = off`);
    tally.rowsRead += batch.rowsRead;
    for (const { line, reason } of batch.rejected) tally.reject(line, reason);
    const added = await load.add(
      Array.from(batch.holders, ([address, row]) => [address, row.amount]),
      tx,
    );
    // When every row was added there is nothing to look up.
    if (added.length === batch.holders.size) tally.rowsAccepted += added.length;
    else {
      const fresh = new Set(added);
      for (const [address, row] of batch.holders) {
        if (fresh.has(address)) tally.rowsAccepted += 1;
        else tally.reject(row.line, 'duplicate address (it appears on an earlier line)');
      }
    }
    await tx
      .update(t.holderSnapshots)
      .set({
        rowsRead: tally.rowsRead,
        rowsAccepted: tally.rowsAccepted,
        rowsRejected: tally.rowsRejected,
        errors: [...tally.errors],
      })
      .where(eq(t.holderSnapshots.id, snapshotId));
  });
}
