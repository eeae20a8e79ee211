import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateUp, rawRows } from '../src/index';
import { type TestDatabase, testDatabases } from '../src/testing';

const MIGRATION = '0006_campaign_seats';
const repoDrizzle = resolve(import.meta.dirname, '../../../drizzle');

/** 0006 moves each campaign's `eligible_count` into its seat shards, and its down file moves it back. */
describe.each(testDatabases())('migration 0006 (campaign seats) on $label', ({ name, create }) => {
  const names = readdirSync(resolve(repoDrizzle, name === 'sqlite' ? 'sqlite' : 'pg'))
    .filter((f) => f.endsWith('.sql') && !f.endsWith('.down.sql'))
    .map((f) => f.replace(/\.sql$/, ''))
    .sort();
  // Every migration from 0006 on is stepped back, so later migrations do not break the test.
  const since = names.length - names.indexOf(MIGRATION);
  let h: TestDatabase;
  beforeAll(async () => {
    h = await create();
  });
  afterAll(() => h?.drop());

  async function campaignWith(limit: number | null, eligibleCount: number): Promise<number> {
    const { t } = h.db;
    const now = new Date();
    const [row] = await h.db.db
      .insert(t.campaigns)
      .values({
        slug: `seats-${crypto.randomUUID().slice(0, 8)}`,
        name: 'Seats',
        network: 'sol',
        vmType: 'svm',
        nftGasFeeLamports: 1n,
        limit,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: t.campaigns.id });
    if (!row) throw new Error('campaign not created');
    await rawRows(
      h.db,
      sql`update campaigns set eligible_count = ${eligibleCount} where id = ${row.id}`,
      h.db.db,
    );
    return row.id;
  }

  const shardsOf = (campaignId: number) =>
    h.db.db
      .select({
        shard: h.db.t.campaignSeats.shard,
        taken: h.db.t.campaignSeats.taken,
        capacity: h.db.t.campaignSeats.capacity,
      })
      .from(h.db.t.campaignSeats)
      .where(eq(h.db.t.campaignSeats.campaignId, campaignId))
      .orderBy(h.db.t.campaignSeats.shard);

  it('keeps the places taken and deals the places left over eight shards, and moves them back down', async () => {
    expect(names).toContain(MIGRATION);
    await migrateDown(h.db, since);
    const open = await campaignWith(20, 13);
    const unlimited = await campaignWith(null, 4);
    const over = await campaignWith(20, 25);
    await migrateUp(h.db);

    const openShards = await shardsOf(open);
    expect(openShards).toHaveLength(8);
    expect(openShards.reduce((n, s) => n + s.taken, 0)).toBe(13);
    expect(openShards.reduce((n, s) => n + (s.capacity ?? 0), 0)).toBe(20);
    expect(openShards.map((s) => (s.capacity ?? 0) - s.taken)).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    expect((await shardsOf(unlimited)).map((s) => [s.taken, s.capacity])).toEqual([
      [4, null],
      ...Array.from({ length: 7 }, () => [0, null]),
    ]);
    // More taken than the limit (an operator lowered it): all of it kept, no place left anywhere.
    const overShards = await shardsOf(over);
    expect(overShards.reduce((n, s) => n + s.taken, 0)).toBe(25);
    expect(overShards.every((s) => s.capacity === s.taken)).toBe(true);

    await migrateDown(h.db, since);
    const counts = await rawRows(
      h.db,
      sql`select eligible_count from campaigns where id in (${open}, ${unlimited}, ${over}) order by id`,
      h.db.db,
    );
    expect(counts.map((r) => Number(r.eligible_count))).toEqual([13, 4, 25]);
    await migrateUp(h.db);
  });
});
