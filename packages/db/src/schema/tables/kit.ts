import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DialectKit } from '../pg/kit';

/** A table another row links to by its id (a member, a campaign). */
interface Linked {
  id: AnyPgColumn;
}

/**
 * What every table file is given: a dialect's builders (../pg/kit.ts, ../sqlite/kit.ts) and the
 * columns spelled the same way on both, written once here from those builders. The groups of columns
 * are spread into a table (`...belongsToMember(users)`), so a table reads as its own columns plus the
 * facts it shares with others.
 */
export function columnKit(dialect: DialectKit) {
  const { integer, text, time } = dialect;
  const createdAt = () =>
    time('created_at')
      .notNull()
      .$defaultFn(() => new Date());
  const updatedAt = () =>
    time('updated_at')
      .notNull()
      .$defaultFn(() => new Date());
  /**
   * A required link to the row this one is part of (an order's items, a pass's uses): it cannot exist
   * without that row and goes with it. `partOfSerial` for a parent numbered by a sequence (serialId).
   */
  const partOf = (name: string, parent: Linked) =>
    text(name)
      .notNull()
      .references(() => parent.id, { onDelete: 'cascade' });
  const partOfSerial = (name: string, parent: Linked) =>
    integer(name)
      .notNull()
      .references(() => parent.id, { onDelete: 'cascade' });
  return {
    ...dialect,
    uuidId: () =>
      text('id')
        .primaryKey()
        .$defaultFn(() => crypto.randomUUID()),
    createdAt,
    updatedAt,
    partOf,
    partOfSerial,
    /** A row that changes after it is written: when it was made and when it last changed. */
    timestamps: () => ({ createdAt: createdAt(), updatedAt: updatedAt() }),
    /** The member the row is about: it cannot exist without them and goes when they go. */
    belongsToMember: (users: Linked) => ({
      userId: partOf('user_id', users),
    }),
    /** The campaign the row is part of: it cannot exist without it and goes when the campaign goes. */
    belongsToCampaign: (campaigns: Linked) => ({
      campaignId: partOfSerial('campaign_id', campaigns),
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
  };
}

export type ColumnKit = ReturnType<typeof columnKit>;
