import { ZNetwork, ZSnapshotStatus } from '@puffy/contracts';
import { enumValues } from '../enums';
import type { ColumnKit } from './kit';
import type { Parents } from './links';

export interface SnapshotLineError {
  line: number;
  reason: string;
}

export function snapshotTables(k: ColumnKit, { campaigns, users }: Parents<'campaigns' | 'users'>) {
  /** One imported holder list; a campaign's active version is switched atomically once complete. */
  const holderSnapshots = k.table(
    'holder_snapshots',
    {
      id: k.uuidId(),
      ...k.belongsToCampaign(campaigns),
      network: k.text('network', { enum: enumValues(ZNetwork) }).notNull(),
      status: k
        .text('status', { enum: enumValues(ZSnapshotStatus) })
        .notNull()
        .default('importing'),
      version: k.integer('version').notNull(),
      fileSha256: k.text('file_sha256'),
      rowsRead: k.integer('rows_read').notNull().default(0),
      rowsAccepted: k.integer('rows_accepted').notNull().default(0),
      rowsRejected: k.integer('rows_rejected').notNull().default(0),
      /** The first bad lines only; the counts above say how many there were. */
      errors: k.json<SnapshotLineError[]>('errors').notNull().default([]),
      createdBy: k.mentions('created_by', users),
      createdAt: k.createdAt(),
      activatedAt: k.time('activated_at'),
    },
    (t) => [
      k.unique('holder_snapshots_version_unique').on(t.campaignId, t.network, t.version),
      k.index('holder_snapshots_status_idx').on(t.campaignId, t.network, t.status),
    ],
  );

  /** The hot eligibility lookup: the primary key answers "does this address hold in this snapshot". */
  const snapshotHolders = k.table(
    'snapshot_holders',
    {
      snapshotId: k.partOf('snapshot_id', holderSnapshots),
      address: k.text('address').notNull(),
      amount: k.text('amount'),
    },
    (t) => [k.primaryKey({ name: 'snapshot_holders_pk', columns: [t.snapshotId, t.address] })],
  );

  return { holderSnapshots, snapshotHolders };
}

export type SnapshotTables = ReturnType<typeof snapshotTables>;
