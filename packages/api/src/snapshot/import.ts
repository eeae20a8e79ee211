import { createHash } from 'node:crypto';
import type { TNetwork, TSnapshotProgress } from '@puffy/contracts';
import { lockKey, openKeyedLoad } from '@puffy/db';
import { and, eq, inArray, max, ne } from 'drizzle-orm';
import type { Deps } from '../deps';
import { NotFound } from '../platform/errors';
import { findOrThrow } from '../trpc/first-row';
import { Batch, Tally, writeBatch } from './batches';
import { linesOf, parseHolderRow, prepareHolderRows, type SnapshotSource } from './holder-rows';

type ImportDeps = Pick<Deps, 'db' | 'clock' | 'logger'>;

/**
 * Rows per batch (one transaction with its progress update). SQLite's one connection serves nobody
 * else while a batch is written, so its batches stay short; Postgres batches are larger because each
 * costs round trips, not other members' reads.
 */
const BATCH_ROWS = { sqlite: 2_000, postgres: 10_000 } as const;

export interface ImportSnapshotInput {
  campaignId: number;
  network: TNetwork;
  source: SnapshotSource;
  createdBy?: string | null;
  fileSha256?: string | null;
  batchRows?: number;
  signal?: AbortSignal;
}

/** Creates a new version (status `importing`) of a campaign's snapshot for a network. */
export async function createSnapshot(
  deps: ImportDeps,
  input: { campaignId: number; network: TNetwork; createdBy?: string | null; fileSha256?: string | null },
): Promise<string> {
  const { t } = deps.db;
  return deps.db.withTransaction(async (tx) => {
    await findOrThrow(
      tx.select({ id: t.campaigns.id }).from(t.campaigns).where(eq(t.campaigns.id, input.campaignId)),
      () => new NotFound('This campaign does not exist.', 'campaign_not_found'),
    );
    // Two imports started at once must not pick the same version number.
    await lockKey(deps.db, tx, `snapshot:${input.campaignId}:${input.network}`);
    const [latest] = await tx
      .select({ version: max(t.holderSnapshots.version) })
      .from(t.holderSnapshots)
      .where(
        and(eq(t.holderSnapshots.campaignId, input.campaignId), eq(t.holderSnapshots.network, input.network)),
      );
    const id = crypto.randomUUID();
    await tx.insert(t.holderSnapshots).values({
      id,
      campaignId: input.campaignId,
      network: input.network,
      status: 'importing',
      version: (latest?.version ?? 0) + 1,
      fileSha256: input.fileSha256 ?? null,
      createdBy: input.createdBy ?? null,
      createdAt: deps.clock.now(),
    });
    return id;
  });
}

/**
 * Imports a CSV of holders as a new snapshot version and makes it the active one: streamed, written in
 * batches with progress on the snapshot row, bad lines reported by number while the good ones are kept.
 */
export async function importSnapshot(
  deps: ImportDeps,
  input: ImportSnapshotInput,
): Promise<TSnapshotProgress> {
  const snapshotId = await createSnapshot(deps, input);
  return runSnapshotImport(deps, snapshotId, input.source, input);
}

/**
 * Fills an `importing` snapshot from its source and activates it. Safe to run again for the same
 * snapshot: it starts that snapshot over, and a finished one is left as it is.
 */
export async function runSnapshotImport(
  deps: ImportDeps,
  snapshotId: string,
  source: SnapshotSource,
  options: { batchRows?: number; signal?: AbortSignal } = {},
): Promise<TSnapshotProgress> {
  const { db, t } = deps.db;
  const snapshot = await loadSnapshot(deps, snapshotId);
  if (snapshot.status !== 'importing') return toProgress(snapshot);
  await db.delete(t.snapshotHolders).where(eq(t.snapshotHolders.snapshotId, snapshotId));

  const batchRows = options.batchRows ?? BATCH_ROWS[deps.db.dialect];
  await prepareHolderRows();
  const hash = createHash('sha256');
  const tally = new Tally();
  const load = await openKeyedLoad(deps.db, {
    table: t.snapshotHolders,
    group: { column: t.snapshotHolders.snapshotId, value: snapshotId },
    key: t.snapshotHolders.address,
    columns: [t.snapshotHolders.address, t.snapshotHolders.amount],
  });
  // Postgres writes a batch while the next one is parsed (the server does the writing). SQLite
  // writes on this thread, so there is nothing to overlap, and parsing inside its open transaction
  // would only hold the one connection longer.
  const overlap = deps.db.dialect === 'postgres';
  let writing: Promise<void> = Promise.resolve();
  let batch = new Batch();
  const submit = async () => {
    const full = batch;
    batch = new Batch();
    await writing;
    options.signal?.throwIfAborted();
    writing = writeBatch(deps, load, snapshotId, tally, full);
    if (overlap) writing.catch(() => {});
    else await writing;
  };

  try {
    for await (const { line, text } of linesOf(source)) {
      hash.update(text).update('\n');
      const parsed = parseHolderRow(text, snapshot.network);
      if (parsed.kind === 'skip') continue;
      batch.rowsRead += 1;
      if (parsed.kind === 'error') {
        batch.reject(line, parsed.reason);
        continue;
      }
      const earlier = batch.holders.get(parsed.address);
      if (earlier) {
        batch.reject(line, `duplicate address (same as line ${earlier.line})`);
        continue;
      }
      batch.holders.set(parsed.address, { line, amount: parsed.amount });
      if (batch.holders.size >= batchRows) await submit();
    }
    await submit();
    await writing;
    await load.finish(options.signal);
  } finally {
    await writing.catch(() => {});
    await load.close();
  }
  await activate(deps, snapshotId, snapshot.fileSha256 ?? hash.digest('hex'));
  const done = toProgress(await loadSnapshot(deps, snapshotId));
  deps.logger.info(
    { snapshotId, status: done.status, rowsRead: done.rowsRead, rowsAccepted: done.rowsAccepted },
    'holder snapshot import finished',
  );
  return done;
}

/**
 * Makes a finished snapshot the active one in one transaction, so a member's lookup sees the old list
 * or the new one, never half of one. An older version finishing after a newer one stays inactive.
 */
async function activate(deps: ImportDeps, snapshotId: string, fileSha256: string): Promise<void> {
  const { t } = deps.db;
  const superseded = await deps.db.withTransaction(async (tx) => {
    const [mine] = await tx.select().from(t.holderSnapshots).where(eq(t.holderSnapshots.id, snapshotId));
    if (mine?.status !== 'importing') return [];
    await lockKey(deps.db, tx, `snapshot:${mine.campaignId}:${mine.network}`);
    if (mine.rowsAccepted === 0) {
      await tx
        .update(t.holderSnapshots)
        .set({ status: 'failed', fileSha256 })
        .where(eq(t.holderSnapshots.id, snapshotId));
      return [];
    }
    const scope = and(
      eq(t.holderSnapshots.campaignId, mine.campaignId),
      eq(t.holderSnapshots.network, mine.network),
      ne(t.holderSnapshots.id, snapshotId),
    );
    const active = await tx
      .select({ id: t.holderSnapshots.id, version: t.holderSnapshots.version })
      .from(t.holderSnapshots)
      .where(and(scope, eq(t.holderSnapshots.status, 'active')));
    if (active.some((a) => a.version > mine.version)) {
      await tx
        .update(t.holderSnapshots)
        .set({ status: 'superseded', fileSha256 })
        .where(eq(t.holderSnapshots.id, snapshotId));
      return [snapshotId];
    }
    if (active.length > 0) {
      await tx
        .update(t.holderSnapshots)
        .set({ status: 'superseded' })
        .where(
          inArray(
            t.holderSnapshots.id,
            active.map((a) => a.id),
          ),
        );
    }
    await tx
      .update(t.holderSnapshots)
      .set({ status: 'active', activatedAt: deps.clock.now(), fileSha256 })
      .where(eq(t.holderSnapshots.id, snapshotId));
    return active.map((a) => a.id);
  });
  // Superseded lists are never read again; their rows go after the switch, outside its transaction.
  if (superseded.length > 0) {
    await deps.db.db.delete(t.snapshotHolders).where(inArray(t.snapshotHolders.snapshotId, superseded));
  }
}

async function loadSnapshot(deps: Pick<Deps, 'db'>, snapshotId: string) {
  const { db, t } = deps.db;
  const [row] = await db
    .select()
    .from(t.holderSnapshots)
    .where(eq(t.holderSnapshots.id, snapshotId))
    .limit(1);
  if (!row) throw new NotFound('This snapshot does not exist.', 'snapshot_not_found');
  return row;
}

export async function snapshotProgress(
  deps: Pick<Deps, 'db'>,
  snapshotId: string,
): Promise<TSnapshotProgress> {
  return toProgress(await loadSnapshot(deps, snapshotId));
}

function toProgress(row: Awaited<ReturnType<typeof loadSnapshot>>): TSnapshotProgress {
  return {
    snapshotId: row.id,
    campaignId: row.campaignId,
    network: row.network,
    version: row.version,
    status: row.status,
    rowsRead: row.rowsRead,
    rowsAccepted: row.rowsAccepted,
    rowsRejected: row.rowsRejected,
    errors: row.errors,
    createdAt: row.createdAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
  };
}
