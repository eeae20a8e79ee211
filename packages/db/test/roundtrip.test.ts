import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsInsensitive, rawRows } from '../src/index';
import { type TestDatabase, testDatabases } from '../src/testing';
import { createCampaign, createUser, uniq } from './support/database';

describe.each(testDatabases())('values round-trip on $label', ({ name, create }) => {
  let h: TestDatabase;
  beforeAll(async () => {
    h = await create();
  });
  afterAll(async () => {
    await h?.drop();
  });

  it.each([
    ['zero', 0n],
    ['0.01 SOL', 10_000_000n],
    ['2^53 + 1 (past a double)', 9_007_199_254_740_993n],
    ['the largest int64', 9_223_372_036_854_775_807n],
    ['a negative int64', -9_223_372_036_854_775_807n],
  ])('bigint lamports: %s', async (_label, lamports) => {
    const campaign = await createCampaign(h.db, { nftGasFeeLamports: lamports });
    const { db, t } = h.db;
    const [read] = await db.select().from(t.campaigns).where(eq(t.campaigns.id, campaign.id));
    expect(read?.nftGasFeeLamports).toBe(lamports);
    expect(typeof read?.nftGasFeeLamports).toBe('bigint');
    const byAmount = await db
      .select({ id: t.campaigns.id })
      .from(t.campaigns)
      .where(eq(t.campaigns.nftGasFeeLamports, lamports));
    expect(byAmount.map((r) => r.id)).toContain(campaign.id);
  });

  it('times come back as the same Date, to the millisecond', async () => {
    const moments = [
      new Date('2024-02-29T23:59:59.123Z'),
      new Date('1999-12-31T00:00:00.001Z'),
      new Date('2100-01-01T12:34:56.789Z'),
    ];
    const { db, t } = h.db;
    for (const startAt of moments) {
      const campaign = await createCampaign(h.db, { startAt, endAt: null });
      const [read] = await db.select().from(t.campaigns).where(eq(t.campaigns.id, campaign.id));
      expect(read?.startAt).toBeInstanceOf(Date);
      expect(read?.startAt?.getTime()).toBe(startAt.getTime());
      expect(read?.endAt).toBeNull();
    }
  });

  it('JSON is stored as JSON (not a JSON string) and read back as the same value', async () => {
    const media = { image: 'https://arweave.net/a.png', video: 'https://arweave.net/b.mp4' };
    const campaign = await createCampaign(h.db, { media });
    const { db, t } = h.db;
    const [read] = await db
      .select({ media: t.campaigns.media })
      .from(t.campaigns)
      .where(eq(t.campaigns.id, campaign.id));
    expect(read?.media).toEqual(media);
    const typeOf = name === 'postgres' ? sql`jsonb_typeof(media)` : sql`json_type(media)`;
    const [kind] = await rawRows(
      h.db,
      sql`select ${typeOf} as kind from campaigns where id = ${campaign.id}`,
      h.db.db,
    );
    expect(kind?.kind).toBe('object');
  });

  it('flags and small integers come back as booleans and numbers', async () => {
    const campaign = await createCampaign(h.db, { isReady: true, isActive: false, limit: 7 });
    const { db, t } = h.db;
    const [read] = await db.select().from(t.campaigns).where(eq(t.campaigns.id, campaign.id));
    expect(read).toMatchObject({ isReady: true, isActive: false, limit: 7 });
    expect(typeof read?.id).toBe('number');
  });

  it('relational queries (flat, without `with`) read the same values', async () => {
    const startAt = new Date('2031-01-02T03:04:05.006Z');
    const campaign = await createCampaign(h.db, { startAt, nftGasFeeLamports: 123n, isReady: true });
    const found = await h.db.db.query.campaigns.findFirst({ where: eq(h.db.t.campaigns.id, campaign.id) });
    expect(found).toEqual(campaign);
    expect(found?.startAt?.getTime()).toBe(startAt.getTime());
    expect(await h.db.db.query.campaigns.findFirst({ where: eq(h.db.t.campaigns.id, -1) })).toBeUndefined();
  });

  it('containsInsensitive matches case-insensitively and treats % and _ literally', async () => {
    const tag = uniq('Tag').toUpperCase();
    const alice = await createUser(h.db, { name: `Alice ${tag}` });
    await createUser(h.db, { name: `100%_${tag}` });
    const { db, t } = h.db;
    const find = async (text: string) =>
      (
        await db
          .select({ name: t.users.name })
          .from(t.users)
          .where(containsInsensitive(h.db, t.users.name, text))
      )
        .map((r) => r.name)
        .sort();
    expect(await find(`alice ${tag.toLowerCase()}`)).toEqual([alice.name]);
    expect(await find(`%_${tag}`)).toEqual([`100%_${tag}`]);
    expect(await find('%')).toEqual([`100%_${tag}`]);
  });
});
