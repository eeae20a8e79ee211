import { nftMemo } from '@puffy/chains';
import { testDatabases } from '@puffy/db/testing';
import bs58 from 'bs58';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { nftById, progressOf, statusChannel } from '../../../../packages/api/src/promotion/progress';
import {
  callerFor,
  createCampaign,
  createMember,
  createMembers,
  GAS_FEE,
  type PromotionWorld,
  refusalOf,
  START,
  startPromotionWorld,
} from '../support/promotion-harness';

describe.each(testDatabases())('promotion.complete on $label', (factory) => {
  let world: PromotionWorld;
  beforeAll(async () => {
    world = await startPromotionWorld(factory);
  });
  afterAll(() => world.close());

  it('returns the claim: fee in lamports, the exact memo, a fresh reference and the window end', async () => {
    const member = await createMember(world);
    const claim = await callerFor(world.deps, member).promotion.complete({
      campaignId: world.campaignId,
      promotionId: world.promotionId,
    });
    expect(claim).toMatchObject({
      network: 'sol',
      name: 'Genesis Pass',
      symbol: 'PUFFY',
      gasFee: GAS_FEE.toString(),
      status: 'new',
      treasuryAddress: world.treasury.publicKey.toBase58(),
      payBefore: new Date(START.getTime() + 30 * 60_000).toISOString(),
    });
    expect(claim.memo).toBe(`{"nft_id":${claim.nftId},"user_id":"${member.userId}"}`);
    expect(claim.memo).toBe(nftMemo({ nftId: claim.nftId, userId: member.userId }));
    expect(bs58.decode(claim.reference)).toHaveLength(32);
    const again = await callerFor(world.deps, member).promotion.complete({
      campaignId: world.campaignId,
      promotionId: world.promotionId,
    });
    expect(again).toEqual(claim);
  });

  it('tells the member’s live status stream about the new claim, as a read of its progress shows it', async () => {
    const member = await createMember(world);
    const heard: unknown[] = [];
    const unsubscribe = await world.deps.store.subscribe(statusChannel(member.userId), (message) =>
      heard.push(JSON.parse(message)),
    );
    try {
      const claim = await callerFor(world.deps, member).promotion.complete({
        campaignId: world.campaignId,
        promotionId: world.promotionId,
      });
      await vi.waitFor(() => expect(heard).toHaveLength(1));
      const nft = await nftById(world.deps, claim.nftId);
      if (!nft) throw new Error('the claim was not stored');
      expect(heard[0]).toEqual((await progressOf(world.deps, [nft]))[0]);
    } finally {
      await unsubscribe();
    }
  });

  it('refuses a member who is not eligible, saying so, and creates nothing', async () => {
    const member = await createMember(world, { eligibleFor: null });
    const refusal = await refusalOf(
      callerFor(world.deps, member).promotion.complete({
        campaignId: world.campaignId,
        promotionId: world.promotionId,
      }),
    );
    expect(refusal).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'not_eligible' });
    expect(refusal.message).toMatch(/not eligible/);
    const n = world.deps.db.t.userNfts;
    expect(await world.deps.db.db.select().from(n).where(eq(n.userId, member.userId))).toEqual([]);
  });

  it('names the required activities a member has not completed, then lets them claim', async () => {
    const { campaignId, promotionId, activityId } = await createCampaign(world.deps, 'sol', {
      requiredActivity: 'Follow Puffy on X',
    });
    const member = await createMember(world, { eligibleFor: campaignId });
    const caller = callerFor(world.deps, member);
    const refusal = await refusalOf(caller.promotion.complete({ campaignId, promotionId }));
    expect(refusal).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'activities_missing' });
    expect(refusal.message).toContain('Follow Puffy on X');
    await world.deps.db.db.insert(world.deps.db.t.userActivities).values({
      userId: member.userId,
      activityId: activityId as number,
      campaignId,
      scopeKey: String(campaignId),
      status: 'completed',
      completedAt: START,
    });
    await expect(caller.promotion.complete({ campaignId, promotionId })).resolves.toMatchObject({
      sequence: 1,
      status: 'new',
    });
  });

  it('refuses a promotion that is not linked to the campaign', async () => {
    const other = await createCampaign(world.deps, 'sol');
    const member = await createMember(world);
    const refusal = await refusalOf(
      callerFor(world.deps, member).promotion.complete({
        campaignId: world.campaignId,
        promotionId: other.promotionId,
      }),
    );
    expect(refusal).toMatchObject({ code: 'NOT_FOUND', reason: 'promotion_not_found' });
  });

  it('gives 500 members claiming at once 500 distinct numbers, and the same member one record', async () => {
    const { campaignId, promotionId } = await createCampaign(world.deps, 'sol');
    const members = await createMembers(world, 500, { eligibleFor: campaignId, fund: false });
    const claims = await Promise.all(
      members.map((m) => callerFor(world.deps, m).promotion.complete({ campaignId, promotionId })),
    );
    const sequences = claims.map((c) => c.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(new Set(claims.map((c) => c.reference)).size).toBe(500);
    const [first] = members;
    if (!first) throw new Error('no member');
    const twice = await Promise.all(
      Array.from({ length: 10 }, () =>
        callerFor(world.deps, first).promotion.complete({ campaignId, promotionId }),
      ),
    );
    expect(new Set(twice.map((c) => c.nftId)).size).toBe(1);
  }, 120_000);

  it('works the same on the soon network, with its own campaign', async () => {
    const { campaignId, promotionId } = await createCampaign(world.deps, 'soon');
    const member = await createMember(world, { eligibleFor: campaignId });
    const claim = await callerFor(world.deps, member).promotion.complete({ campaignId, promotionId });
    expect(claim).toMatchObject({ network: 'soon', sequence: 1 });
  });
});
