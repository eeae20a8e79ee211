import { normalizeEvmAddress, normalizeTonAddress } from '@puffy/chains';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEligible, checkEligibleDryRun } from '../../src/eligibility/service';
import { importSnapshot } from '../../src/snapshot/import';
import {
  campaignDeps,
  createCampaign,
  createMember,
  NOW,
  newAddress,
  placesTakenIn,
  refer,
} from '../support/campaign';

const csv = (...lines: string[]) => [`${lines.join('\n')}\n`];

describe.each(testDatabases())('eligibility methods on $label', (database) => {
  let test: TestDatabase;
  let deps: ReturnType<typeof campaignDeps>;

  beforeAll(async () => {
    test = await database.create();
    deps = campaignDeps(test.db);
  });
  afterAll(() => test.drop());

  /** A campaign accepting one holder method, with a snapshot holding `holder`. */
  async function holderCampaign(network: 'eth' | 'berachain' | 'sol' | 'soon' | 'ton', holder: string) {
    const campaign = await createCampaign(test.db, {
      network,
      methods: [network],
      collectionName: 'Puffy OG',
    });
    await importSnapshot(deps, { campaignId: campaign.id, network, source: csv(`${holder},${network}`) });
    return campaign;
  }

  it.each(['eth', 'berachain'] as const)(
    '%s: a snapshot holder (any case) is eligible, others are told what to hold',
    async (network) => {
      const holder = newAddress.evmLower();
      const campaign = await holderCampaign(network, holder.toUpperCase().replace('0X', '0x'));
      const yes = await checkEligibleDryRun(deps, {
        campaignId: campaign.id,
        wallet: { chain: 'evm', address: holder },
      });
      expect(yes).toMatchObject({
        outcome: 'eligible',
        reason: 'eligible',
        method: network,
        wallet: { chain: 'evm', address: normalizeEvmAddress(holder) },
      });
      expect(yes.message).toBe(`Eligible through ${network}: Holds Puffy OG (holder snapshot).`);

      const no = await checkEligibleDryRun(deps, {
        campaignId: campaign.id,
        wallet: { chain: 'evm', address: newAddress.evmLower() },
      });
      const name = network === 'eth' ? 'Ethereum' : 'Berachain';
      expect(no).toMatchObject({ outcome: 'not_eligible', reason: 'no_method_matched', method: null });
      expect(no.message).toBe(
        `Not eligible yet. To qualify: Not in the holder snapshot: hold an NFT of Puffy OG on ${name}.`,
      );
    },
  );

  it.each(['sol', 'soon'] as const)(
    '%s: a snapshot holder is eligible; a wallet of another family is told to connect one',
    async (network) => {
      const holder = newAddress.sol();
      const campaign = await holderCampaign(network, holder);
      const yes = await checkEligibleDryRun(deps, {
        campaignId: campaign.id,
        wallet: { chain: 'sol', address: holder },
      });
      expect(yes).toMatchObject({
        outcome: 'eligible',
        method: network,
        wallet: { chain: 'sol', address: holder },
      });
      const wrongFamily = await checkEligibleDryRun(deps, {
        campaignId: campaign.id,
        wallet: { chain: 'evm', address: newAddress.evmLower() },
      });
      const name = network === 'sol' ? 'Solana' : 'SOON';
      expect(wrongFamily.methods).toEqual([
        {
          method: network,
          passed: false,
          detail: `Connect a ${name} wallet that can hold an NFT of Puffy OG on ${name}.`,
        },
      ]);
    },
  );

  it('ton: raw and user-friendly spellings are the same holder', async () => {
    const raw = newAddress.tonRaw();
    const friendly = normalizeTonAddress(raw)?.friendly ?? '';
    const campaign = await holderCampaign('ton', friendly);
    for (const address of [raw, friendly]) {
      const answer = await checkEligibleDryRun(deps, {
        campaignId: campaign.id,
        wallet: { chain: 'ton', address },
      });
      expect(answer).toMatchObject({
        outcome: 'eligible',
        method: 'ton',
        wallet: { chain: 'ton', address: raw },
      });
    }
  });

  it('a broken holder setting is reported as misconfigured, never guessed at', async () => {
    const campaign = await createCampaign(test.db, {
      network: 'eth',
      methods: [{ method: 'eth', config: { tokenId: 'seven' } }],
      collectionAddress: newAddress.evmLower(),
    });
    const answer = await checkEligibleDryRun(deps, {
      campaignId: campaign.id,
      wallet: { chain: 'evm', address: newAddress.evmLower() },
    });
    expect(answer.methods).toEqual([
      { method: 'eth', passed: false, detail: 'The Ethereum requirement of this campaign is misconfigured.' },
    ]);
  });

  it('bypass: a wallet on the allow-list is eligible', async () => {
    const wallet = newAddress.sol();
    const campaign = await createCampaign(test.db, { methods: ['bypass'] });
    await test.db.db.insert(test.db.t.campaignAllowlist).values({ campaignId: campaign.id, address: wallet });
    const yes = await checkEligibleDryRun(deps, {
      campaignId: campaign.id,
      wallet: { chain: 'sol', address: wallet },
    });
    expect(yes).toMatchObject({
      reason: 'eligible',
      method: 'bypass',
      message: 'Eligible through bypass: On the allow-list.',
    });
    const no = await checkEligibleDryRun(deps, {
      campaignId: campaign.id,
      wallet: { chain: 'sol', address: newAddress.sol() },
    });
    expect(no.message).toBe('Not eligible yet. To qualify: This wallet is not on the allow-list.');
  });

  it('referral: any code that applies here (campaign or global); c_referral: only the campaign’s own codes', async () => {
    const referrer = await createMember(test.db, { chain: 'sol', address: newAddress.sol() });
    const viaGlobal = await createMember(test.db, { chain: 'sol', address: newAddress.sol() });
    const viaCampaign = await createMember(test.db, { chain: 'sol', address: newAddress.sol() });
    const nobody = await createMember(test.db, { chain: 'sol', address: newAddress.sol() });
    const referral = await createCampaign(test.db, { methods: ['referral'] });
    const cReferral = await createCampaign(test.db, { methods: ['c_referral'] });
    await refer(test.db, {
      referrerId: referrer,
      refereeId: viaGlobal,
      campaignId: null,
      scopeCampaignId: null,
    });
    await refer(test.db, {
      referrerId: referrer,
      refereeId: viaCampaign,
      campaignId: cReferral.id,
      scopeCampaignId: cReferral.id,
    });

    expect(await checkEligible(deps, viaGlobal, { campaignId: referral.id })).toMatchObject({
      reason: 'eligible',
      method: 'referral',
      recorded: true,
      message: 'Eligible through referral: Joined with a valid referral code.',
    });
    const globalOnly = await checkEligible(deps, viaGlobal, { campaignId: cReferral.id });
    expect(globalOnly).toMatchObject({ reason: 'no_method_matched', recorded: false });
    expect(globalOnly.message).toBe(
      "Not eligible yet. To qualify: Join with one of this campaign's referral codes.",
    );
    expect(await checkEligible(deps, viaCampaign, { campaignId: cReferral.id })).toMatchObject({
      method: 'c_referral',
    });
    expect((await checkEligible(deps, nobody, { campaignId: referral.id })).message).toBe(
      'Not eligible yet. To qualify: Join with a valid referral code.',
    );
  });

  it('referral may require a code level', async () => {
    const referrer = await createMember(test.db, { chain: 'sol', address: newAddress.sol() });
    const low = await createMember(test.db, { chain: 'sol', address: newAddress.sol() });
    const campaign = await createCampaign(test.db, {
      methods: [{ method: 'referral', config: { minLevel: 2 } }],
    });
    await refer(test.db, {
      referrerId: referrer,
      refereeId: low,
      campaignId: campaign.id,
      scopeCampaignId: campaign.id,
      level: 1,
    });
    expect((await checkEligible(deps, low, { campaignId: campaign.id })).message).toBe(
      'Not eligible yet. To qualify: Join with a valid referral code of level 2 or higher.',
    );
  });

  it("discord: a Discord link made through the campaign's bot", async () => {
    const linked = await createMember(test.db, { chain: 'sol', address: newAddress.sol() });
    const other = await createMember(test.db, { chain: 'sol', address: newAddress.sol() });
    const campaign = await createCampaign(test.db, { methods: ['discord'] });
    await test.db.db.insert(test.db.t.discordAuthCodes).values({
      campaignId: campaign.id,
      codeHash: crypto.randomUUID(),
      discordUserId: '42',
      expiresAt: NOW,
      usedAt: NOW,
      usedByUserId: linked,
      createdAt: NOW,
    });
    expect(await checkEligible(deps, linked, { campaignId: campaign.id })).toMatchObject({
      method: 'discord',
      recorded: true,
    });
    expect((await checkEligible(deps, other, { campaignId: campaign.id })).message).toBe(
      "Not eligible yet. To qualify: Link your Discord account through the campaign's Discord bot.",
    );
  });

  it('a dry run cannot see member-bound methods and says to sign in', async () => {
    const campaign = await createCampaign(test.db, { methods: ['bypass', 'referral', 'discord'] });
    const answer = await checkEligibleDryRun(deps, {
      campaignId: campaign.id,
      wallet: { chain: 'sol', address: newAddress.sol() },
    });
    expect(answer).toMatchObject({ outcome: 'not_eligible', reason: 'sign_in_required' });
    expect(answer.message).toBe(
      'Not eligible with this wallet alone. Sign in to check the rest: This wallet is not on the allow-list; or Sign in to check your referral; or Sign in to check your Discord link.',
    );
    expect(answer.methods.map((m) => m.passed)).toEqual([false, null, null]);
  });

  it('any one method suffices; the others are not asked once one matched', async () => {
    const wallet = newAddress.sol();
    const campaign = await createCampaign(test.db, { methods: ['sol', 'bypass'] });
    await test.db.db.insert(test.db.t.campaignAllowlist).values({ campaignId: campaign.id, address: wallet });
    const answer = await checkEligibleDryRun(deps, {
      campaignId: campaign.id,
      wallet: { chain: 'sol', address: wallet },
    });
    expect(answer.method).toBe('bypass');
    expect(answer.methods).toEqual([
      { method: 'bypass', passed: true, detail: 'On the allow-list.' },
      { method: 'sol', passed: null, detail: 'Not checked: another method already matched.' },
    ]);
  });

  it('campaign gates: inactive, not started, ended, no methods', async () => {
    const wallet = { chain: 'sol' as const, address: newAddress.sol() };
    const cases = [
      [
        { isActive: false, name: 'Paused' },
        'not_active',
        'Paused is not accepting eligibility checks right now.',
      ],
      [
        { startAt: new Date(NOW.getTime() + 3_600_000), name: 'Soon' },
        'not_started',
        'Soon opens on 2026-06-01T13:00:00.000Z.',
      ],
      [{ endAt: NOW, name: 'Over' }, 'ended', 'Over has ended.'],
      [
        { name: 'Empty' },
        'no_method_matched',
        'Empty does not accept anyone yet: no eligibility method is set.',
      ],
    ] as const;
    for (const [seed, reason, message] of cases) {
      const campaign = await createCampaign(test.db, {
        methods: reason === 'no_method_matched' ? [] : ['bypass'],
        ...seed,
      });
      expect(await checkEligibleDryRun(deps, { campaignId: campaign.id, wallet })).toMatchObject({
        outcome: 'not_eligible',
        reason,
        message,
      });
    }
  });

  it('required activities come on top of a matching method', async () => {
    const { t } = test.db;
    const wallet = newAddress.sol();
    const member = await createMember(test.db, { chain: 'sol', address: wallet });
    const campaign = await createCampaign(test.db, { methods: ['bypass'] });
    await test.db.db.insert(t.campaignAllowlist).values({ campaignId: campaign.id, address: wallet });
    const [follow] = await test.db.db
      .insert(t.activities)
      .values({ scope: 'campaign', kind: 'manual', name: 'Follow Puffy on X', createdAt: NOW })
      .returning({ id: t.activities.id });
    if (!follow) throw new Error('no activity');
    await test.db.db
      .insert(t.campaignActivities)
      .values({ campaignId: campaign.id, activityId: follow.id, required: true });

    const dry = await checkEligibleDryRun(deps, {
      campaignId: campaign.id,
      wallet: { chain: 'sol', address: wallet },
    });
    expect(dry).toMatchObject({ reason: 'activities_missing', method: 'bypass' });
    expect(dry.message).toBe(
      'On the allow-list. Sign in and complete the required activities: Follow Puffy on X.',
    );

    const missing = await checkEligible(deps, member, { campaignId: campaign.id });
    expect(missing).toMatchObject({
      reason: 'activities_missing',
      recorded: false,
      missingActivities: [{ activityId: follow.id, name: 'Follow Puffy on X' }],
      message: 'On the allow-list. Complete the required activities: Follow Puffy on X.',
    });
    await test.db.db.insert(t.userActivities).values({
      userId: member,
      activityId: follow.id,
      campaignId: campaign.id,
      scopeKey: String(campaign.id),
      status: 'completed',
      completedAt: NOW,
      createdAt: NOW,
    });
    expect(await checkEligible(deps, member, { campaignId: campaign.id })).toMatchObject({
      reason: 'eligible',
      recorded: true,
    });
  });

  it('checkEligible records method and wallet once; a second call answers already_eligible', async () => {
    const wallet = newAddress.sol();
    const member = await createMember(test.db, { chain: 'sol', address: wallet });
    const campaign = await holderCampaign('sol', wallet);
    const first = await checkEligible(deps, member, { campaignId: campaign.id });
    expect(first).toMatchObject({ reason: 'eligible', recorded: true, method: 'sol' });
    const again = await checkEligible(deps, member, { campaignId: campaign.id });
    expect(again).toMatchObject({
      outcome: 'eligible',
      reason: 'already_eligible',
      method: 'sol',
      wallet: { chain: 'sol', address: wallet },
    });
    const { db, t } = test.db;
    const rows = await db
      .select()
      .from(t.userCampaignEligibles)
      .where(eq(t.userCampaignEligibles.campaignId, campaign.id));
    expect(rows).toMatchObject([
      { userId: member, method: 'sol', walletChain: 'sol', walletAddress: wallet },
    ]);
    expect(await placesTakenIn(test.db, campaign.id)).toBe(1);
  });

  it("checkEligible refuses a wallet that is not the member's", async () => {
    const member = await createMember(test.db, { chain: 'sol', address: newAddress.sol() });
    const campaign = await createCampaign(test.db, { methods: ['sol'] });
    await expect(
      checkEligible(deps, member, {
        campaignId: campaign.id,
        wallet: { chain: 'sol', address: newAddress.sol() },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', options: { reason: 'wallet_not_linked' } });
  });

  it('bad input: an address of the wrong family is a BAD_REQUEST with a field error; unknown campaigns are NOT_FOUND', async () => {
    const campaign = await createCampaign(test.db, { methods: ['sol'] });
    await expect(
      checkEligibleDryRun(deps, {
        campaignId: campaign.id,
        wallet: { chain: 'evm', address: newAddress.sol() },
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      options: { fieldErrors: { 'wallet.address': ['This is not an EVM address.'] } },
    });
    const hidden = await createCampaign(test.db, { methods: ['sol'], isReady: false });
    await expect(
      checkEligibleDryRun(deps, {
        campaignId: hidden.id,
        wallet: { chain: 'sol', address: newAddress.sol() },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a dry run writes nothing', async () => {
    const { db, t } = test.db;
    const wallet = newAddress.sol();
    const campaign = await holderCampaign('sol', wallet);
    const tables = [
      t.userCampaignEligibles,
      t.users,
      t.userWallets,
      t.holderSnapshots,
      t.snapshotHolders,
      t.referralRelations,
    ];
    const counts = () =>
      Promise.all(tables.map(async (table) => (await db.select({ n: count() }).from(table))[0]?.n));
    const campaignRow = () => db.select().from(t.campaigns).where(eq(t.campaigns.id, campaign.id));
    const before = [await counts(), await campaignRow()];
    for (let i = 0; i < 5; i += 1) {
      const answer = await checkEligibleDryRun(deps, {
        campaignId: campaign.id,
        wallet: { chain: 'sol', address: wallet },
      });
      expect(answer).toMatchObject({ outcome: 'eligible', recorded: false });
    }
    expect([await counts(), await campaignRow()]).toEqual(before);
  });
});
