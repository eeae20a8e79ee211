import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/admin/campaign-desk/exports';
import { exportDataset } from '../../src/admin/exports';
import type { Deps } from '../../src/deps';
import { createCampaign, createMember, NOW, newAddress, refer } from '../support/campaign';

/** The campaign desk's downloads: each table's rows newest first, narrowed by `?campaignId=`. */
describe.each(testDatabases())('campaign exports on $label', (database) => {
  let test: TestDatabase;
  // The campaign datasets read the database only.
  let deps: Deps;
  let campaigns: { id: number }[];
  let members: string[];
  beforeAll(async () => {
    test = await database.create();
    deps = { db: test.db } as Pick<Deps, 'db'> as Deps;
    campaigns = [await createCampaign(test.db), await createCampaign(test.db)];
    members = [
      await createMember(test.db, { chain: 'sol', address: newAddress.sol() }),
      await createMember(test.db, { chain: 'sol', address: newAddress.sol() }),
    ];
    const { db, t } = test.db;
    for (const [i, campaign] of campaigns.entries()) {
      const at = new Date(NOW.getTime() + i * 1000);
      await db.insert(t.userCampaignEligibles).values({
        userId: members[0] as string,
        campaignId: campaign.id,
        method: 'bypass',
        createdAt: at,
      });
      await db.insert(t.pointsLedger).values({
        userId: members[1] as string,
        campaignId: campaign.id,
        scopeKey: String(campaign.id),
        points: 5 + i,
        reason: 'activity',
        sourceKey: `export-test-${campaign.id}`,
        createdAt: at,
      });
    }
    await refer(test.db, {
      referrerId: members[0] as string,
      refereeId: members[1] as string,
      campaignId: campaigns[1]?.id ?? null,
      scopeCampaignId: campaigns[1]?.id ?? null,
    });
  });
  afterAll(() => test.drop());

  const page = (name: string, query = '') => {
    const dataset = exportDataset(name);
    if (!dataset) throw new Error(`no dataset ${name}`);
    return dataset.page(deps, undefined, new URLSearchParams(query));
  };

  it('lists participants newest first with the campaign columns leading', async () => {
    expect(exportDataset('participants')?.columns).toEqual([
      'id',
      'created_at',
      'campaign_id',
      'user_id',
      'method',
      'wallet_chain',
      'wallet_address',
    ]);
    const all = await page('participants');
    expect(all.nextCursor).toBeNull();
    expect(all.rows.map((r) => r.slice(1))).toEqual([
      [new Date(NOW.getTime() + 1000).toISOString(), campaigns[1]?.id, members[0], 'bypass', null, null],
      [NOW.toISOString(), campaigns[0]?.id, members[0], 'bypass', null, null],
    ]);
    const one = await page('participants', `campaignId=${campaigns[0]?.id}`);
    expect(one.rows.map((r) => r[2])).toEqual([campaigns[0]?.id]);
  });

  it('lists points entries and referrals of a campaign', async () => {
    const points = await page('points', `campaignId=${campaigns[1]?.id}`);
    expect(exportDataset('points')?.columns.slice(3)).toEqual(['user_id', 'points', 'reason', 'source_key']);
    expect(points.rows.map((r) => r.slice(2))).toEqual([
      [campaigns[1]?.id, members[1], 6, 'activity', `export-test-${campaigns[1]?.id}`],
    ]);
    const referrals = await page('referrals', `campaignId=${campaigns[1]?.id}`);
    expect(exportDataset('referrals')?.columns.slice(3)).toEqual([
      'code',
      'referrer_user_id',
      'referee_user_id',
    ]);
    expect(referrals.rows.map((r) => [r[2], typeof r[3], r[4], r[5]])).toEqual([
      [campaigns[1]?.id, 'string', members[0], members[1]],
    ]);
    expect((await page('referrals', `campaignId=${campaigns[0]?.id}`)).rows).toEqual([]);
  });
});
