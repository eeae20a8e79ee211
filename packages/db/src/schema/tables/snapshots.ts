import { ZNetwork, ZSnapshotStatus } from '@puffy/contracts';
import { enumCheck, enumValues } from '../enums';
import type { CampaignTables } from './campaigns';
import type { IdentityTables } from './identity';
import type { ColumnKit } from './kit';

export interface SnapshotLineError {
  line: number;
  reason: string;
}

export function snapshotTables(
  {
    belongsToCampaign,
    check,
    createdAt,
    index,
    integer,
    json,
    partOf,
    primaryKey,
    table,
    text,
    time,
    unique,
    uuidId,
  }: ColumnKit,
  { campaigns, users }: Pick<CampaignTables, 'campaigns'> & Pick<IdentityTables, 'users'>,
) {
  /** One imported holder list; a campaign's active version is switched atomically once complete. */
  const holderSnapshots = table(
    'holder_snapshots',
    {
      id: uuidId(),
      ...belongsToCampaign(campaigns),
      network: text('network', { enum: enumValues(ZNetwork) }).notNull(),
      status: text('status', { enum: enumValues(ZSnapshotStatus) })
        .notNull()
        .default('importing'),
      version: integer('version').notNull(),
      fileSha256: text('file_sha256'),
      rowsRead: integer('rows_read').notNull().default(0),
      rowsAccepted: integer('rows_accepted').notNull().default(0),
      rowsRejected: integer('rows_rejected').notNull().default(0),
      /** The first bad lines only; the counts above say how many there were. */
      errors: json<SnapshotLineError[]>('errors').notNull().default([]),
      createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
      createdAt: createdAt(),
      activatedAt: time('activated_at'),
    },
    (t) => [
      unique('holder_snapshots_version_unique').on(t.campaignId, t.network, t.version),
      index('holder_snapshots_status_idx').on(t.campaignId, t.network, t.status),
      check('holder_snapshots_network_check', enumCheck(t.network, enumValues(ZNetwork))),
      check('holder_snapshots_status_check', enumCheck(t.status, enumValues(ZSnapshotStatus))),
    ],
  );

  /** The hot eligibility lookup: the primary key answers "does this address hold in this snapshot". */
  const snapshotHolders = table(
    'snapshot_holders',
    {
      snapshotId: partOf('snapshot_id', holderSnapshots),
      address: text('address').notNull(),
      amount: text('amount'),
    },
    (t) => [primaryKey({ name: 'snapshot_holders_pk', columns: [t.snapshotId, t.address] })],
  );

  return { holderSnapshots, snapshotHolders };
}

export type SnapshotTables = ReturnType<typeof snapshotTables>;
