import { randomInt } from 'node:crypto';
import { type Database, type Db, lockKey } from '@puffy/db';
import { and, eq, getTableColumns, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Deps } from '../deps';

/**
 * A campaign's places live in `campaign_seats`: SEAT_SHARDS rows, each with its share of the limit.
 * A member takes a place by one conditional increment of one shard, chosen at random, so members
 * checking at once queue on eight rows instead of one (docs/architecture.md, "Statement budgets").
 * The shares add up to the limit and no shard passes its own share, so the cap holds exactly on both
 * dialects; the places taken are the shards' sum.
 */
export const SEAT_SHARDS = 8;

type Tables = Db['t'];

/** The places taken in the campaign of the row being read: the sum of its shards. */
export function placesTaken(t: Tables) {
  const s = t.campaignSeats;
  return sql<number>`(select coalesce(sum(${s.taken}), 0) from ${s} where ${s.campaignId} = ${t.campaigns.id})`.mapWith(
    Number,
  );
}

/** Every column of a campaign and its places taken (`eligibleCount`), as every campaign read shows it. */
export function campaignColumns(
  t: Tables,
): Tables['campaigns']['_']['columns'] & { eligibleCount: SQL<number> } {
  return { ...getTableColumns(t.campaigns), eligibleCount: placesTaken(t) };
}

export type CampaignRow = Tables['campaigns']['$inferSelect'] & { eligibleCount: number };

const hasRoom = (t: Tables) =>
  or(isNull(t.campaignSeats.capacity), lt(t.campaignSeats.taken, t.campaignSeats.capacity));

/**
 * Deals the campaign's limit over its shards again: each keeps what it has taken and gets an even
 * share of the places left (or no cap when the campaign has none). Creates the shards the first time.
 * Runs in the caller's transaction with the campaign's seats locked, so no place is
 * taken while the shares move: after an operator changes the limit, and lazily by the first member of
 * a campaign that has no shards yet.
 */
export async function spreadSeats(deps: Pick<Deps, 'db'>, tx: Database, campaignId: number): Promise<void> {
  const { t } = deps.db;
  const s = t.campaignSeats;
  // A lock on the name, not the campaign's row: members' records hold a key-share lock on that row
  // (their foreign key), which a row lock would deadlock with.
  await lockKey(deps.db, tx, `campaign-seats:${campaignId}`);
  const [campaign] = await tx
    .select({ limit: t.campaigns.limit })
    .from(t.campaigns)
    .where(eq(t.campaigns.id, campaignId));
  if (!campaign) return;
  const read = tx
    .select({ shard: s.shard, taken: s.taken, capacity: s.capacity })
    .from(s)
    .where(eq(s.campaignId, campaignId))
    .orderBy(s.shard);
  // Postgres: the shards stay locked to the commit (SQLite's transaction is the only writer already).
  const shards = deps.db.dialect === 'postgres' ? await read.for('update') : await read;
  const taken = shards.reduce((n, r) => n + r.taken, 0);
  const left = campaign.limit === null ? null : Math.max(0, campaign.limit - taken);
  const shareOf = (i: number) =>
    left === null ? null : Math.floor(left / SEAT_SHARDS) + (i < left % SEAT_SHARDS ? 1 : 0);
  if (shards.length === 0) {
    await tx.insert(s).values(
      Array.from({ length: SEAT_SHARDS }, (_, shard) => ({
        campaignId,
        shard,
        taken: 0,
        capacity: shareOf(shard),
      })),
    );
    return;
  }
  for (const [i, row] of shards.entries()) {
    const share = shareOf(i);
    const capacity = share === null ? null : row.taken + share;
    if (capacity === row.capacity) continue;
    await tx
      .update(s)
      .set({ capacity })
      .where(and(eq(s.campaignId, campaignId), eq(s.shard, row.shard)));
  }
}

export type SeatOutcome =
  /** `lastOfShard`: this place filled its shard, so the campaign may now be full (see `placesLeft`). */
  | { kind: 'taken'; lastOfShard: boolean }
  /** Every shard is full; `taken` is the places taken. */
  | { kind: 'full'; taken: number };

/**
 * Takes one place in the campaign, in the caller's transaction (the row lock lasts until its commit,
 * so make it the transaction's last statement). First one random shard; when that one is full, the
 * shards with room, fewest taken first, until one is got or none is left. A shard that fills while
 * tried was filled by another member, so every round either takes a place or sees fewer shards open.
 */
export async function takeSeat(
  deps: Pick<Deps, 'db'>,
  tx: Database,
  campaignId: number,
): Promise<SeatOutcome> {
  const { t } = deps.db;
  const s = t.campaignSeats;
  const tryShard = async (shard: number) => {
    const [row] = await tx
      .update(s)
      .set({ taken: sql`${s.taken} + 1` })
      .where(and(eq(s.campaignId, campaignId), eq(s.shard, shard), hasRoom(t)))
      .returning({ taken: s.taken, capacity: s.capacity });
    return row ? ({ kind: 'taken', lastOfShard: row.taken === row.capacity } as const) : null;
  };
  const first = await tryShard(randomInt(SEAT_SHARDS));
  if (first) return first;
  let spread = false;
  for (;;) {
    const shards = await tx
      .select({ shard: s.shard, taken: s.taken, capacity: s.capacity })
      .from(s)
      .where(eq(s.campaignId, campaignId));
    if (shards.length === 0) {
      if (spread) throw new Error(`campaign ${campaignId} has no seats to take`);
      await spreadSeats(deps, tx, campaignId);
      spread = true;
      continue;
    }
    const open = shards
      .filter((r) => r.capacity === null || r.taken < r.capacity)
      .sort((a, b) => a.taken - b.taken);
    if (open.length === 0) return { kind: 'full', taken: shards.reduce((n, r) => n + r.taken, 0) };
    for (const { shard } of open) {
      const got = await tryShard(shard);
      if (got) return got;
    }
  }
}

/** The places taken and whether any is left (a shard with room), read outside any transaction. */
export async function seatState(
  deps: Pick<Deps, 'db'>,
  campaignId: number,
): Promise<{ taken: number; full: boolean }> {
  const { db, t } = deps.db;
  const s = t.campaignSeats;
  const shards = await db
    .select({ taken: s.taken, capacity: s.capacity })
    .from(s)
    .where(eq(s.campaignId, campaignId));
  return {
    taken: shards.reduce((n, r) => n + r.taken, 0),
    full: shards.length > 0 && shards.every((r) => r.capacity !== null && r.taken >= r.capacity),
  };
}
