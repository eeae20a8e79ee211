import { solToLamports } from '@puffy/contracts';
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, pg, seedDemo, settingKeys } from '../src/index';
import { type TestDatabase, testDatabases } from '../src/testing';
import { createCampaign } from './support/database';

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const key of Object.keys(pg) as Array<keyof typeof pg>) {
    const [row] = await db.db.select({ n: count() }).from(db.t[key]);
    counts[key] = row?.n ?? -1;
  }
  return counts;
}

describe.each(testDatabases())('demo seed on $label', ({ create }) => {
  let h: TestDatabase | undefined;
  afterEach(async () => {
    await h?.drop();
    h = undefined;
  });

  it('seeds an empty database with the demo campaigns, catalog and settings', async () => {
    h = await create();
    const now = new Date('2030-05-01T00:00:00.000Z');
    expect(await seedDemo(h.db, { now })).toEqual({ seeded: true });
    const { db, t } = h.db;

    const campaigns = await db.select().from(t.campaigns);
    expect(new Set(campaigns.map((c) => c.network))).toEqual(new Set(['sol', 'eth', 'ton', 'berachain']));
    const solana = campaigns.find((c) => c.network === 'sol');
    expect(solana).toMatchObject({ isReady: true, isActive: true, nftGasFeeLamports: solToLamports('0.01') });
    expect(solana?.startAt?.getTime()).toBeLessThan(now.getTime());
    expect(solana?.endAt?.getTime()).toBeGreaterThan(now.getTime());
    expect(campaigns.filter((c) => (c.startAt?.getTime() ?? 0) > now.getTime())).toHaveLength(1);

    const methods = await db
      .select({ method: t.campaignEligibleMethods.method })
      .from(t.campaignEligibleMethods)
      .where(eq(t.campaignEligibleMethods.campaignId, solana?.id ?? -1));
    expect(methods.map((m) => m.method).sort()).toEqual(['bypass', 'referral', 'sol']);

    const promotions = await db
      .select({ id: t.campaignPromotions.promotionId })
      .from(t.campaignPromotions)
      .where(eq(t.campaignPromotions.campaignId, solana?.id ?? -1));
    expect(promotions).toHaveLength(1);

    const linked = await db
      .select({
        kind: t.activities.kind,
        quantity: t.campaignActivities.quantity,
        points: t.campaignActivities.points,
      })
      .from(t.campaignActivities)
      .innerJoin(t.activities, eq(t.activities.id, t.campaignActivities.activityId))
      .where(eq(t.campaignActivities.campaignId, solana?.id ?? -1));
    expect(linked.map((a) => a.kind).sort()).toEqual([
      'link_x',
      'refer_friends',
      'sign_in',
      'verify_email',
      'x_post',
    ]);
    expect(linked.find((a) => a.kind === 'refer_friends')?.quantity).toBe(3);

    const [code] = await db.select().from(t.referralCodes).where(eq(t.referralCodes.code, 'PUFFY-DEMO'));
    expect(code).toMatchObject({ type: 'gunlimited', campaignId: null, maxUses: null });

    const products = await db.select().from(t.rcProducts);
    expect(Object.fromEntries(products.map((p) => [p.sku, p.priceCents]))).toEqual({
      'device-vape': 9900n,
      'device-fresh': 9900n,
      pods: 999n,
    });

    const settings = Object.fromEntries((await db.select().from(t.settings)).map((s) => [s.key, s.value]));
    expect(settings[settingKeys.shippingFees]).toEqual({
      defaultCents: 4000,
      byCountry: { US: 5000, CN: 5000 },
    });
    expect(settings[settingKeys.vapeCountries]).toEqual(['US', 'CA', 'GB', 'DE', 'FR', 'AU', 'JP']);
    expect(settings[settingKeys.allowedMediaHosts]).toContain('arweave.net');
  });

  it('is idempotent: a second call changes nothing', async () => {
    h = await create();
    expect(await seedDemo(h.db)).toEqual({ seeded: true });
    const after = await rowCounts(h.db);
    expect(after.campaigns).toBe(4);
    expect(await seedDemo(h.db)).toEqual({ seeded: false });
    expect(await rowCounts(h.db)).toEqual(after);
  });

  it('leaves a database that already has a campaign alone', async () => {
    h = await create();
    await createCampaign(h.db);
    const before = await rowCounts(h.db);
    expect(await seedDemo(h.db)).toEqual({ seeded: false });
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it('two concurrent seeds write the demo data once', async () => {
    h = await create();
    const results = await Promise.all([seedDemo(h.db), seedDemo(h.db), seedDemo(h.db)]);
    expect(results.filter((r) => r.seeded)).toHaveLength(1);
    expect((await rowCounts(h.db)).campaigns).toBe(4);
  });
});
