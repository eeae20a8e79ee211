import type { TestServer } from '@puffy/server/testing';

/**
 * Written straight into the test server's database: an open Solana campaign that lets anyone in
 * (bypass) with one promotion to claim, for browser tests that need a claim without an operator's
 * screens first.
 */
export async function seedClaimCampaign(
  server: TestServer,
  options: { slug: string; gasFeeLamports: bigint },
): Promise<{ campaignId: number; promotionId: number }> {
  const { db, t } = server.deps.db;
  const now = new Date();
  const [campaign] = await db
    .insert(t.campaigns)
    .values({
      slug: options.slug,
      name: 'E2E NFT drop',
      description: 'Claim the pass and pay its gas.',
      network: 'sol',
      vmType: 'svm',
      nftGasFeeLamports: options.gasFeeLamports,
      isReady: true,
      isActive: true,
      startAt: new Date(now.getTime() - 86_400_000),
      endAt: new Date(now.getTime() + 86_400_000),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: t.campaigns.id });
  const [promotion] = await db
    .insert(t.promotions)
    .values({
      name: 'E2E Pass',
      symbol: 'E2EP',
      description: 'A pass minted in a browser test.',
      media: {},
      royaltyBps: 550,
      network: 'sol',
    })
    .returning({ id: t.promotions.id });
  if (!campaign || !promotion) throw new Error('campaign not created');
  await db
    .insert(t.campaignEligibleMethods)
    .values({ campaignId: campaign.id, method: 'bypass', config: {} });
  await db.insert(t.campaignPromotions).values({ campaignId: campaign.id, promotionId: promotion.id });
  return { campaignId: campaign.id, promotionId: promotion.id };
}
