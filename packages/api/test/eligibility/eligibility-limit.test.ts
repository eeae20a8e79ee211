import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEligible } from '../../src/eligibility/service';
import { campaignDeps, createCampaign, NOW, newAddress } from '../support/campaign';

async function allowListedMembers(test: TestDatabase, campaignId: number, n: number): Promise<string[]> {
  const { db, t } = test.db;
  const members = Array.from({ length: n }, () => ({ id: crypto.randomUUID(), address: newAddress.sol() }));
  await db.insert(t.users).values(
    members.map((m) => ({
      id: m.id,
      walletChain: 'sol' as const,
      walletAddress: m.address,
      createdAt: NOW,
      updatedAt: NOW,
    })),
  );
  await db.insert(t.campaignAllowlist).values(members.map((m) => ({ campaignId, address: m.address })));
  return members.map((m) => m.id);
}

describe.each(testDatabases())('campaign limit (first come, first served) on $label', (database) => {
  let test: TestDatabase;
  let deps: ReturnType<typeof campaignDeps>;

  beforeAll(async () => {
    test = await database.create();
    deps = campaignDeps(test.db);
  });
  afterAll(() => test.drop());

  it('500 members racing for 50 places: exactly 50 are recorded, the rest hear the campaign is full', async () => {
    const campaign = await createCampaign(test.db, { methods: ['bypass'], limit: 50, name: 'Puffy Drop' });
    const members = await allowListedMembers(test, campaign.id, 500);
    const answers = await Promise.all(
      members.map((userId) => checkEligible(deps, userId, { campaignId: campaign.id })),
    );

    const recorded = answers.filter((a) => a.recorded);
    const full = answers.filter((a) => a.reason === 'campaign_full');
    expect(recorded).toHaveLength(50);
    expect(full).toHaveLength(450);
    expect(full[0]).toMatchObject({
      outcome: 'not_eligible',
      message: 'Puffy Drop is full: all 50 places are taken.',
    });

    const { db, t } = test.db;
    const [rows] = await db
      .select({ n: count() })
      .from(t.userCampaignEligibles)
      .where(eq(t.userCampaignEligibles.campaignId, campaign.id));
    const [seats] = await db
      .select({ n: t.campaigns.eligibleCount })
      .from(t.campaigns)
      .where(eq(t.campaigns.id, campaign.id));
    expect(rows?.n).toBe(50);
    expect(seats?.n).toBe(50);
    // The funnel step is written before the seat is tried: a refused seat rolls it back too.
    const [funnel] = await db
      .select({ n: count() })
      .from(t.analyticsEvents)
      .where(and(eq(t.analyticsEvents.campaignId, campaign.id), eq(t.analyticsEvents.name, 'eligible')));
    expect(funnel?.n).toBe(50);

    // A member who got in keeps their place; a late one is still refused.
    const winner = members[answers.findIndex((a) => a.recorded)] ?? '';
    expect(await checkEligible(deps, winner, { campaignId: campaign.id })).toMatchObject({
      reason: 'already_eligible',
    });
    const loser = members[answers.findIndex((a) => !a.recorded)] ?? '';
    expect(await checkEligible(deps, loser, { campaignId: campaign.id })).toMatchObject({
      reason: 'campaign_full',
    });
  });

  it('one member checking 50 times at once takes one place', async () => {
    const campaign = await createCampaign(test.db, { methods: ['bypass'], limit: 10 });
    const [member = ''] = await allowListedMembers(test, campaign.id, 1);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => checkEligible(deps, member, { campaignId: campaign.id })),
    );
    expect(answers.every((a) => a.outcome === 'eligible' && a.recorded)).toBe(true);
    expect(answers.filter((a) => a.reason === 'eligible').length).toBe(1);
    const { db, t } = test.db;
    const [seats] = await db
      .select({ n: t.campaigns.eligibleCount })
      .from(t.campaigns)
      .where(eq(t.campaigns.id, campaign.id));
    expect(seats?.n).toBe(1);
  });
});
