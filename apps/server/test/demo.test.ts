import type { AppRouter } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { clientFor } from './support/helpers';
import { signInSolana } from './support/signin';

/**
 * What `pnpm start` gives a person on a fresh machine: the seeded Solana campaign is reachable with the
 * demo referral code, and its promotion can be claimed (docs/product/claims.md's demo).
 */
describe('the demo data', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SEED_DEMO: 'true' } });
  });
  afterAll(() => server.close());

  it('lets a new member join with PUFFY-DEMO, become eligible and claim the promotion', async () => {
    const { session } = await signInSolana(server.url);
    const member = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    const campaign = await member.campaign.get.query({ slug: 'puffy-genesis-solana' });
    const before = await member.campaign.checkEligible.mutate({ campaignId: campaign.id });
    expect(before.outcome).toBe('not_eligible');

    await member.referral.set.mutate({ campaignId: campaign.id, code: 'PUFFY-DEMO' });
    const after = await member.campaign.checkEligible.mutate({ campaignId: campaign.id });
    expect(after, JSON.stringify(after)).toMatchObject({ outcome: 'eligible' });

    const promotions = await member.campaign.promotions.query({ campaignId: campaign.id });
    const promotion = promotions.items[0];
    expect(promotion).toBeDefined();
    const claim = await member.promotion.complete.mutate({
      campaignId: campaign.id,
      promotionId: promotion?.id ?? 0,
    });
    expect(claim).toMatchObject({ network: 'sol', status: 'new' });
    expect(BigInt(claim.gasFee)).toBeGreaterThan(0n);
  });
});
