import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DialectKit } from '../pg/kit';

/** A table another row links to by its id (a member, a campaign). */
export interface Linked {
  id: AnyPgColumn;
}

/** The tables a domain's rows link to, by name: ./index.ts hands each domain those defined before it. */
export type Parents<Name extends string> = Record<Name, Linked>;

/**
 * The links from a row to another table's row, named for what deleting that row does to this one.
 * Each is a text column, for a parent with a uuidId, or an integer one (`…Serial`) for a serialId.
 */
export function linkKit({ integer, text }: DialectKit) {
  return {
    /** The row this one is part of (an order's items, a pass's uses): required, and goes with it. */
    partOf: (name: string, parent: Linked) =>
      text(name)
        .notNull()
        .references(() => parent.id, { onDelete: 'cascade' }),
    partOfSerial: (name: string, parent: Linked) =>
      integer(name)
        .notNull()
        .references(() => parent.id, { onDelete: 'cascade' }),
    /**
     * A row this one names but outlives (who granted a product, who used a code): a record stays when
     * that row goes, and the link is cleared.
     */
    mentions: (name: string, parent: Linked) =>
      text(name).references(() => parent.id, { onDelete: 'set null' }),
    mentionsSerial: (name: string, parent: Linked) =>
      integer(name).references(() => parent.id, { onDelete: 'set null' }),
    /**
     * A row that cannot be deleted while this one names it (an order's member and quote, a payment's
     * NFT, an audit entry's actor): records of money, mints and admin actions keep what they were about.
     */
    keeps: (name: string, parent: Linked) => text(name).references(() => parent.id),
    keepsSerial: (name: string, parent: Linked) => integer(name).references(() => parent.id),
  };
}
