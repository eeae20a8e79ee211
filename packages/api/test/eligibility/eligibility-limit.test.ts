import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEAT_SHARDS, spreadSeats } from '../../src/eligibility/seats';
import { checkEligible } from '../../src/eligibility/service';
import { campaignDeps, createCampaign, NOW, newAddress, placesTakenIn } from '../support/campaign';

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
    expect(rows?.n).toBe(50);
    expect(await placesTakenIn(test.db, campaign.id)).toBe(50);
    // Spread over the shards, none past its share, the shares adding up to the limit.
    const shards = await db
      .select({ taken: t.campaignSeats.taken, capacity: t.campaignSeats.capacity })
      .from(t.campaignSeats)
      .where(eq(t.campaignSeats.campaignId, campaign.id));
    expect(shards).toHaveLength(SEAT_SHARDS);
    expect(shards.every((s) => s.capacity !== null && s.taken <= s.capacity)).toBe(true);
    expect(shards.reduce((n, s) => n + (s.capacity ?? 0), 0)).toBe(50);
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
    expect(await placesTakenIn(test.db, campaign.id)).toBe(1);
  });

  it('an operator raising the limit while 300 members race: exactly the new limit get in', async () => {
    const campaign = await createCampaign(test.db, { methods: ['bypass'], limit: 40, name: 'Puffy Drop' });
    const members = await allowListedMembers(test, campaign.id, 300);
    const setLimit = (limit: number) =>
      test.db.withTransaction(async (tx) => {
        await tx.update(test.db.t.campaigns).set({ limit }).where(eq(test.db.t.campaigns.id, campaign.id));
        await spreadSeats(deps, tx, campaign.id);
      });
    // The raise lands in the middle of the race; members refused before it may try again after.
    const check = (userId: string) => checkEligible(deps, userId, { campaignId: campaign.id });
    const [first] = await Promise.all([Promise.all(members.slice(0, 150).map(check)), setLimit(70)]);
    const second = await Promise.all(members.slice(150).map(check));
    const recorded = [...first, ...second].filter((a) => a.recorded);
    expect(recorded).toHaveLength(70);
    expect(await placesTakenIn(test.db, campaign.id)).toBe(70);

    // Lowering it below the places taken keeps every member who got in and lets no one else in.
    await setLimit(60);
    const late = await Promise.all(members.map(check));
    expect(late.filter((a) => a.reason === 'eligible')).toHaveLength(0);
    expect(late.filter((a) => a.reason === 'already_eligible')).toHaveLength(70);
    expect(await placesTakenIn(test.db, campaign.id)).toBe(70);
  });

  it('a campaign without a limit records every member racing, each counted once', async () => {
    const campaign = await createCampaign(test.db, { methods: ['bypass'] });
    const members = await allowListedMembers(test, campaign.id, 120);
    const answers = await Promise.all(
      members.map((userId) => checkEligible(deps, userId, { campaignId: campaign.id })),
    );
    expect(answers.filter((a) => a.recorded)).toHaveLength(120);
    expect(await placesTakenIn(test.db, campaign.id)).toBe(120);
  });
});
