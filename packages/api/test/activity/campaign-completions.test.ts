import type { TActivityScope } from '@puffy/contracts';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  memberActivityStates,
  notCompletedIn,
  requiredActivitiesOf,
} from '../../src/activity/campaign-completions';
import { completeActivityOnce } from '../../src/activity/completion';
import { evaluateEligibility } from '../../src/eligibility/engine';
import { loadCampaignRules } from '../../src/eligibility/rules';
import { assertMayClaim } from '../../src/promotion/eligibility-gate';
import { campaignDeps, createCampaign, createMember, NOW, newAddress } from '../support/campaign';

/**
 * Which completed activities count for a campaign (docs/product/points.md, "Scope"): a global one
 * everywhere it is listed, a campaign one only where it was completed, and only once completed.
 */
describe.each(testDatabases())('activities that count for a campaign on $label', (database) => {
  let test: TestDatabase;
  let deps: ReturnType<typeof campaignDeps>;
  beforeAll(async () => {
    test = await database.create();
    deps = campaignDeps(test.db);
  });
  afterAll(() => test.drop());

  async function requiredActivity(campaignIds: number[], scope: TActivityScope, name: string) {
    const { db, t } = test.db;
    const [row] = await db
      .insert(t.activities)
      .values({ scope, kind: 'manual', name, initiatedByUser: true })
      .returning({ id: t.activities.id });
    if (!row) throw new Error('activity not created');
    for (const campaignId of campaignIds)
      await db
        .insert(t.campaignActivities)
        .values({ campaignId, activityId: row.id, required: true, points: 5 });
    return { activityId: row.id, scope, name };
  }

  const complete = (
    userId: string,
    campaignId: number,
    activity: { activityId: number; scope: TActivityScope },
    status: 'completed' | 'pending_review' = 'completed',
  ) =>
    completeActivityOnce(deps, {
      userId,
      activityId: activity.activityId,
      activityScope: activity.scope,
      campaignId,
      points: 5,
      status,
      data: {},
      grantsProductSku: null,
    });

  /** A member of two campaigns that both require a global activity and a campaign activity each. */
  async function scenario() {
    const first = await createCampaign(test.db, { methods: ['bypass'] });
    const second = await createCampaign(test.db, { methods: ['bypass'] });
    const global = await requiredActivity([first.id, second.id], 'global', 'Follow us');
    const local = await requiredActivity([first.id, second.id], 'campaign', 'Say hello');
    const reviewed = await requiredActivity([first.id], 'campaign', 'Post a picture');
    const wallet = { chain: 'sol' as const, address: newAddress.sol() };
    const userId = await createMember(test.db, wallet);
    const { db, t } = test.db;
    for (const campaign of [first, second])
      await db.insert(t.campaignAllowlist).values({ campaignId: campaign.id, address: wallet.address });
    // The global activity and the campaign one are done in the first campaign; the picture waits for review.
    await complete(userId, first.id, global);
    await complete(userId, first.id, local);
    await complete(userId, first.id, reviewed, 'pending_review');
    return { first: first.id, second: second.id, global, local, reviewed, userId, wallet };
  }

  it('a global completion counts everywhere, a campaign one only where it was done, a pending one nowhere', async () => {
    const s = await scenario();
    const q = test.db.db;
    const missingIn = async (campaignId: number) => {
      const required = await requiredActivitiesOf(deps, q, [campaignId]);
      const missing = await notCompletedIn(deps, q, { userId: s.userId, campaignId, activities: required });
      return missing.map((a) => a.name);
    };
    expect(await missingIn(s.first)).toEqual(['Post a picture']);
    expect(await missingIn(s.second)).toEqual(['Say hello']);

    const states = await memberActivityStates(deps, q, {
      userId: s.userId,
      campaignId: s.second,
      activities: [s.global, s.local],
    });
    expect(states.get(s.global.activityId)).toEqual({ status: 'completed', completedAt: NOW });
    expect(states.has(s.local.activityId)).toBe(false);
    const pending = await memberActivityStates(deps, q, {
      userId: s.userId,
      campaignId: s.first,
      activities: [s.reviewed],
    });
    expect(pending.get(s.reviewed.activityId)).toEqual({ status: 'pending_review', completedAt: null });
  });

  it('eligibility and the claim gate name the same missing activities', async () => {
    const s = await scenario();
    const gateRefusal = async (campaignId: number) => {
      const { db, t } = test.db;
      await db
        .insert(t.userCampaignEligibles)
        .values({
          userId: s.userId,
          campaignId,
          method: 'bypass',
          walletChain: s.wallet.chain,
          walletAddress: s.wallet.address,
          createdAt: NOW,
        })
        .onConflictDoNothing();
      return assertMayClaim(deps, s.userId, campaignId).then(
        () => 'may claim',
        (error: Error) => error.message,
      );
    };
    const engineAnswer = async (campaignId: number) => {
      const rules = (await loadCampaignRules(deps, [campaignId])).get(campaignId);
      if (!rules) throw new Error('campaign rules missing');
      const answer = await evaluateEligibility(deps, rules, { userId: s.userId, wallets: [s.wallet] });
      return answer.missingActivities.map((a) => a.name);
    };
    expect(await engineAnswer(s.first)).toEqual(['Post a picture']);
    expect(await gateRefusal(s.first)).toBe('Complete the required activities first: Post a picture.');
    expect(await engineAnswer(s.second)).toEqual(['Say hello']);
    expect(await gateRefusal(s.second)).toBe('Complete the required activities first: Say hello.');
  });
});
