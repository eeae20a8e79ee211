import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DialectKit } from '../pg/kit';
import { checkedTable } from './checked-table';
import { type Linked, linkKit } from './links';

/**
 * What every table file is given, as `k`: a dialect's builders (../pg/kit.ts, ../sqlite/kit.ts), its
 * table function with the enum checks (./checked-table.ts), the links by what a delete does
 * (./links.ts), and the columns spelled the same way on both, written once here from those builders.
 * The groups of columns are spread into a table (`...k.belongsToMember(users)`), so a table reads as
 * its own columns plus the facts it shares with others.
 */
export function columnKit(dialect: DialectKit) {
  const { index, integer, text, time, unique } = dialect;
  const createdAt = () =>
    time('created_at')
      .notNull()
      .$defaultFn(() => new Date());
  const updatedAt = () =>
    time('updated_at')
      .notNull()
      .$defaultFn(() => new Date());
  const links = linkKit(dialect);
  return {
    ...dialect,
    table: checkedTable(dialect),
    uuidId: () =>
      text('id')
        .primaryKey()
        .$defaultFn(() => crypto.randomUUID()),
    createdAt,
    updatedAt,
    ...links,
    /** A row that changes after it is written: when it was made and when it last changed. */
    timestamps: () => ({ createdAt: createdAt(), updatedAt: updatedAt() }),
    /** The member the row is about: it cannot exist without them and goes when they go. */
    belongsToMember: (users: Linked) => ({
      userId: links.partOf('user_id', users),
    }),
    /** The campaign the row is part of: it cannot exist without it and goes when the campaign goes. */
    belongsToCampaign: (campaigns: Linked) => ({
      campaignId: links.partOfSerial('campaign_id', campaigns),
    }),
    /**
     * Where a member's standing counts: one campaign, or everywhere (campaign_id null). `scope_key` is
     * 'global' or the campaign id as text, so unique keys can include the scope: over the nullable
     * campaign_id they would let the same global row be written twice (NULLs never collide).
     */
    scope: (campaigns: Linked) => ({
      campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
      scopeKey: text('scope_key').notNull(),
    }),
    /**
     * A pair that occurs once (an activity in a campaign, a member's eligibility in one): the unique
     * key `<table>_unique` also serves lookups by its first column; the second gets its own index,
     * `<table>_<column without _id>_idx`, for lookups from its side and the cascade when its row goes.
     */
    uniquePair: (table: string, first: AnyPgColumn, second: AnyPgColumn) => [
      unique(`${table}_unique`).on(first, second),
      index(`${table}_${second.name.replace(/_id$/, '')}_idx`).on(second),
    ],
  };
}

export type ColumnKit = ReturnType<typeof columnKit>;
