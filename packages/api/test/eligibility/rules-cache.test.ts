import { normalizeEvmAddress } from '@puffy/chains';
import { createDb } from '@puffy/db';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidateCampaignRules } from '../../src/eligibility/rules-cache';
import { checkEligibleDryRun } from '../../src/eligibility/service';
import { parseHolderRow, prepareHolderRows } from '../../src/snapshot/holder-rows';
import { campaignDeps, createCampaign, newAddress } from '../support/campaign';

describe.each(testDatabases())('cached campaign rules on $label', (database) => {
  let test: TestDatabase;
  let deps: ReturnType<typeof campaignDeps>;

  beforeAll(async () => {
    test = await database.create();
    deps = campaignDeps(test.db);
  });
  afterAll(() => test.drop());

  it('the dry run reuses the rules until they are invalidated, in this instance and through the store in another', async () => {
    const { db, t } = test.db;
    const wallet = newAddress.sol();
    const campaign = await createCampaign(test.db, { methods: ['bypass'] });
    await db.insert(t.campaignAllowlist).values({ campaignId: campaign.id, address: wallet });
    const ask = (on: typeof deps) =>
      checkEligibleDryRun(on, { campaignId: campaign.id, wallet: { chain: 'sol', address: wallet } });
    // A second server instance: its own database handle (so its own cache), the same store.
    const otherDb = createDb({ url: test.url });
    const other = { ...deps, db: otherDb };
    try {
      expect((await ask(deps)).reason).toBe('eligible');
      expect((await ask(other)).reason).toBe('eligible');
      await db.update(t.campaigns).set({ isActive: false }).where(eq(t.campaigns.id, campaign.id));
      // Within the cache window both instances still answer from the rules they read.
      expect((await ask(deps)).reason).toBe('eligible');
      expect((await ask(other)).reason).toBe('eligible');

      await invalidateCampaignRules(deps, campaign.id);
      expect((await ask(deps)).reason).toBe('not_active');
      // The other instance hears it through the store's pub/sub, delivered after this turn.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await ask(other)).reason).toBe('not_active');
    } finally {
      await otherDb.close();
    }
  });

  it('never caches a campaign it could not find', async () => {
    const campaign = await createCampaign(test.db, { methods: ['bypass'], isReady: false });
    const ask = () =>
      checkEligibleDryRun(deps, {
        campaignId: campaign.id,
        wallet: { chain: 'sol', address: newAddress.sol() },
      });
    await expect(ask()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { db, t } = test.db;
    await db.update(t.campaigns).set({ isReady: true }).where(eq(t.campaigns.id, campaign.id));
    expect((await ask()).reason).toBe('no_method_matched');
  });
});

describe('EVM checksums of snapshot rows', () => {
  it('match viem for every address, and refuse a mixed-case address with a wrong checksum', async () => {
    await prepareHolderRows();
    for (let i = 0; i < 300; i += 1) {
      const lower = newAddress.evmLower();
      const expected = normalizeEvmAddress(lower) ?? '';
      for (const spelled of [lower, `0x${lower.slice(2).toUpperCase()}`, expected]) {
        expect(parseHolderRow(`${spelled},eth`, 'eth')).toEqual({
          kind: 'holder',
          address: expected,
          amount: null,
        });
      }
      const letter = expected.slice(2).search(/[a-fA-F]/);
      if (letter < 0) continue;
      const c = expected[letter + 2] ?? '';
      const flipped = `${expected.slice(0, letter + 2)}${c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()}${expected.slice(letter + 3)}`;
      const body = flipped.slice(2);
      if (body === body.toLowerCase() || body === body.toUpperCase()) continue;
      expect(parseHolderRow(`${flipped},eth`, 'eth')).toMatchObject({ kind: 'error' });
    }
  });
});
