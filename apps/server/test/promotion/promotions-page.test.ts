import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymousCaller,
  createCampaign,
  type PromotionWorld,
  startPromotionWorld,
} from '../support/promotion-harness';

describe.each(testDatabases())('campaign.promotions pages on $label', (factory) => {
  let world: PromotionWorld;
  beforeAll(async () => {
    world = await startPromotionWorld(factory);
  });
  afterAll(() => world.close());

  it('pages a campaign’s promotions newest first with the cursor, and only that campaign’s', async () => {
    const { campaignId, promotionId: first } = await createCampaign(world.deps, 'sol');
    await createCampaign(world.deps, 'sol'); // another campaign's promotion stays out
    const { t, db } = world.deps.db;
    const more = await db
      .insert(t.promotions)
      .values(['Second', 'Third'].map((name) => ({ name, symbol: 'PUFFY', network: 'sol' as const })))
      .returning({ id: t.promotions.id });
    await db.insert(t.campaignPromotions).values(more.map((p) => ({ campaignId, promotionId: p.id })));
    const ids = [first, ...more.map((p) => p.id)].sort((a, b) => b - a);

    const api = anonymousCaller(world.deps);
    const one = await api.campaign.promotions({ campaignId, limit: 2 });
    expect(one.items.map((p) => p.id)).toEqual(ids.slice(0, 2));
    expect(one.nextCursor).not.toBeNull();
    const two = await api.campaign.promotions({ campaignId, limit: 2, cursor: one.nextCursor ?? undefined });
    expect(two.items.map((p) => p.id)).toEqual(ids.slice(2));
    expect(two.nextCursor).toBeNull();
  });
});
