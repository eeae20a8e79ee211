import { createHash } from 'node:crypto';
import type { AppRouter } from '@puffy/api';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, NOW } from '../../../../packages/api/test/support/campaign';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor, failure } from '../support/helpers';
import { signInSolana } from '../support/signin';
import { solanaWallet } from '../support/wallets';

const client = (url: string, ip: string, token?: string) =>
  clientFor<AppRouter>(url, {
    headers: { 'x-forwarded-for': ip, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });

describe.each(testDatabases())('campaign procedures over HTTP on $label', (factory) => {
  let database: TestDatabase;
  let server: TestServer;
  const admin = solanaWallet();

  beforeAll(async () => {
    database = await factory.create({ migrate: false });
    server = await startTestServer({
      env: {
        TRUST_PROXY: 'true',
        DATABASE_URL: database.url,
        ADMIN_WALLETS: `sol:${admin.address}`,
        JOBS_POLL_INTERVAL_MS: '50',
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('lists by phase and network with pagination, and gets by id or slug', async () => {
    const db = server.deps.db;
    const now = Date.now();
    const past = new Date(now - 86_400_000);
    const future = new Date(now + 86_400_000);
    const active = await createCampaign(db, {
      network: 'berachain',
      startAt: past,
      endAt: future,
      methods: ['bypass'],
    });
    const upcoming = await createCampaign(db, { network: 'berachain', startAt: future, endAt: null });
    const ended = await createCampaign(db, { network: 'berachain', startAt: null, endAt: past });
    await createCampaign(db, { network: 'berachain', isReady: false });
    const api = client(server.url, '10.20.0.1');

    const byPhase = async (phase: 'active' | 'upcoming' | 'ended') =>
      (await api.campaign.list.query({ phase, network: 'berachain' })).items.map((c) => c.id);
    expect(await byPhase('active')).toEqual([active.id]);
    expect(await byPhase('upcoming')).toEqual([upcoming.id]);
    expect(await byPhase('ended')).toEqual([ended.id]);

    const first = await api.campaign.list.query({ network: 'berachain', limit: 2 });
    expect(first.items.map((c) => c.id)).toEqual([ended.id, upcoming.id]);
    const second = await api.campaign.list.query({
      network: 'berachain',
      limit: 2,
      cursor: first.nextCursor ?? '',
    });
    expect(second).toMatchObject({
      items: [{ id: active.id, phase: 'active', methods: ['bypass'] }],
      nextCursor: null,
    });
    expect((await failure(api.campaign.list.query({ limit: 101 }))).data?.code).toBe('BAD_REQUEST');

    const got = await api.campaign.get.query({ slug: active.slug });
    expect(got).toMatchObject({
      id: active.id,
      network: 'berachain',
      vmType: 'evm',
      nftGasFeeLamports: '5000000',
    });
    expect((await api.campaign.get.query({ id: active.id })).slug).toBe(active.slug);
    expect((await failure(api.campaign.get.query({ id: 987_654 }))).data).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'campaign_not_found',
    });
  });

  it('groups and promotions', async () => {
    const { db, t } = server.deps.db;
    const [group] = await db
      .insert(t.campaignGroups)
      .values({ slug: `group-${Date.now()}`, name: 'Season 1', createdAt: NOW })
      .returning();
    if (!group) throw new Error('no group');
    const member = await createCampaign(server.deps.db, { groupId: group.id });
    const [promotion] = await db
      .insert(t.promotions)
      .values({ name: 'Puffy Pass', symbol: 'PUFF', network: 'sol', createdAt: NOW })
      .returning({ id: t.promotions.id });
    if (!promotion) throw new Error('no promotion');
    await db.insert(t.campaignPromotions).values({ campaignId: member.id, promotionId: promotion.id });
    const api = client(server.url, '10.20.0.2');
    expect(await api.campaign.group.query({ slug: group.slug })).toMatchObject({
      group: { id: group.id, name: 'Season 1' },
      campaigns: { items: [{ id: member.id }], nextCursor: null },
    });
    expect(await api.campaign.promotions.query({ campaignId: member.id })).toEqual({
      items: [
        {
          id: promotion.id,
          name: 'Puffy Pass',
          symbol: 'PUFF',
          description: null,
          metadataUrl: null,
          collectionAddress: null,
          media: {},
          network: 'sol',
        },
      ],
      nextCursor: null,
    });
  });

  it("checkEligible records; campaign.info shows the member's standing from every domain's tables", async () => {
    const { session, wallet } = await signInSolana(server.url);
    const userId = session.user.id;
    const { db, t } = server.deps.db;
    const campaign = await createCampaign(server.deps.db, {
      methods: ['bypass'],
      startAt: new Date(Date.now() - 60_000),
      endAt: new Date(Date.now() + 86_400_000),
    });
    await db.insert(t.campaignAllowlist).values({ campaignId: campaign.id, address: wallet.address });
    const [task] = await db
      .insert(t.activities)
      .values({ scope: 'campaign', kind: 'manual', name: 'Say hi', createdAt: NOW })
      .returning({ id: t.activities.id });
    if (!task) throw new Error('no activity');
    await db
      .insert(t.campaignActivities)
      .values({ campaignId: campaign.id, activityId: task.id, points: 10 });
    await db.insert(t.pointsLedger).values([
      {
        userId,
        campaignId: campaign.id,
        scopeKey: String(campaign.id),
        points: 10,
        reason: 'x',
        sourceKey: `a-${userId}`,
        createdAt: NOW,
      },
      {
        userId,
        campaignId: campaign.id,
        scopeKey: String(campaign.id),
        points: -3,
        reason: 'y',
        sourceKey: `b-${userId}`,
        createdAt: NOW,
      },
    ]);
    await db.insert(t.referralCodes).values({
      code: `ME${Date.now()}`,
      type: 'limited',
      ownerUserId: userId,
      maxUses: 5,
      uses: 2,
      createdAt: NOW,
    });

    const api = client(server.url, '10.20.0.3', session.accessToken);
    const answer = await api.campaign.checkEligible.mutate({ campaignId: campaign.id });
    expect(answer).toMatchObject({
      outcome: 'eligible',
      method: 'bypass',
      recorded: true,
      wallet: { chain: 'sol', address: wallet.address },
    });
    const info = await api.campaign.info.query({ campaignId: campaign.id });
    expect(info).toMatchObject({
      campaignId: campaign.id,
      eligibility: { eligible: true, method: 'bypass', wallet: { chain: 'sol', address: wallet.address } },
      activities: [
        {
          activityId: task.id,
          name: 'Say hi',
          points: 10,
          required: false,
          status: 'open',
          completedAt: null,
        },
      ],
      requiredCompleted: 0,
      requiredTotal: 0,
      points: 7,
      referral: { uses: 2, maxUses: 5, referredCount: 0, referred: false },
      nft: null,
    });
    expect(info.referral.code).toMatch(/^ME/);
    const rows = await db
      .select()
      .from(t.userCampaignEligibles)
      .where(eq(t.userCampaignEligibles.userId, userId));
    expect(rows).toHaveLength(1);
    // The standing's reads go out together; a campaign that is not there is still NOT_FOUND.
    expect((await failure(api.campaign.info.query({ campaignId: 987_654 }))).data).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'campaign_not_found',
    });
    expect(
      (await failure(client(server.url, '10.20.0.4').campaign.info.query({ campaignId: campaign.id }))).data
        ?.code,
    ).toBe('UNAUTHORIZED');
  });

  it('the dry run needs no sign-in and is strictly limited per IP', async () => {
    const campaign = await createCampaign(server.deps.db, {
      methods: ['sol'],
      startAt: new Date(Date.now() - 60_000),
      endAt: new Date(Date.now() + 86_400_000),
    });
    const api = client(server.url, '10.20.0.5');
    const wallet = { chain: 'sol' as const, address: solanaWallet().address };
    for (let i = 0; i < 20; i += 1) {
      const answer = await api.campaign.checkEligibleDryRun.query({ campaignId: campaign.id, wallet });
      expect(answer.reason).toBe('no_method_matched');
    }
    const limited = await failure(
      api.campaign.checkEligibleDryRun.query({ campaignId: campaign.id, wallet }),
    );
    expect(limited.data).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(limited.data?.retryAfterSeconds).toBeGreaterThan(0);
    const elsewhere = await client(server.url, '10.20.0.6').campaign.checkEligibleDryRun.query({
      campaignId: campaign.id,
      wallet,
    });
    expect(elsewhere.campaignId).toBe(campaign.id);
  });

  it('an operator imports a snapshot through the one audited upload and follows its progress', async () => {
    const campaign = await createCampaign(server.deps.db, {
      methods: ['sol'],
      startAt: new Date(Date.now() - 60_000),
      endAt: new Date(Date.now() + 86_400_000),
    });
    const holder = solanaWallet().address;
    const { session } = await signInSolana(server.url, admin);
    const operator = client(server.url, '10.20.0.7', session.accessToken);
    const csv = `wallet,chain\n${holder},sol\nbad,sol\n`;
    const declare = () =>
      operator.admin.snapshots.begin.mutate({
        campaignId: campaign.id,
        network: 'sol',
        fileSha256: createHash('sha256').update(csv).digest('hex'),
        bytes: Buffer.byteLength(csv),
      });
    const begun = await declare();
    expect(begun).toMatchObject({ reused: false, progress: { campaignId: campaign.id, version: 1 } });
    const uploaded = await fetch(`${server.url}/admin/snapshots/${begun.progress.snapshotId}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.accessToken}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(uploaded.status).toBe(200);
    const progress = await operator.campaign.snapshot.progress.query({
      snapshotId: begun.progress.snapshotId,
    });
    expect(progress).toMatchObject({
      status: 'active',
      rowsRead: 2,
      rowsAccepted: 1,
      rowsRejected: 1,
      errors: [{ line: 3, reason: '"bad" is not a valid sol address' }],
    });
    // The same file again is the same snapshot, not a second import.
    const again = await declare();
    expect(again).toMatchObject({ reused: true, progress: { snapshotId: begun.progress.snapshotId } });
    const { db, t } = server.deps.db;
    const audit = await db
      .select({ action: t.auditLog.action, actor: t.auditLog.actorUserId })
      .from(t.auditLog)
      .where(eq(t.auditLog.targetId, String(campaign.id)));
    expect(audit).toEqual([{ action: 'snapshot.started', actor: session.user.id }]);
    // The unaudited text import is gone: there is one way in.
    const legacy = await fetch(`${server.url}/trpc/campaign.snapshot.import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ campaignId: campaign.id, network: 'sol', csv }),
    });
    expect(legacy.status).toBe(404);
    const answer = await client(server.url, '10.20.0.8').campaign.checkEligibleDryRun.query({
      campaignId: campaign.id,
      wallet: { chain: 'sol', address: holder },
    });
    expect(answer).toMatchObject({ outcome: 'eligible', method: 'sol' });
  });

  it('eligibility.first counts once per campaign checked', async () => {
    const ids = [];
    for (let i = 0; i < 20; i += 1)
      ids.push((await createCampaign(server.deps.db, { methods: ['bypass'] })).id);
    const api = client(server.url, '10.20.0.9');
    const input = { wallet: { chain: 'sol' as const, address: solanaWallet().address }, campaignIds: ids };
    for (let i = 0; i < 3; i += 1)
      expect((await api.eligibility.first.query(input)).answers).toHaveLength(20);
    expect((await failure(api.eligibility.first.query(input))).data?.code).toBe('TOO_MANY_REQUESTS');
    const tooMany = await failure(
      client(server.url, '10.20.0.10').eligibility.first.query({ ...input, campaignIds: [...ids, 999_999] }),
    );
    expect(tooMany.data?.code).toBe('BAD_REQUEST');
  });

  it('proves a second wallet that holds the asset, then records eligibility with it', async () => {
    const second = solanaWallet();
    const campaign = await createCampaign(server.deps.db, {
      methods: ['bypass'],
      startAt: new Date(Date.now() - 60_000),
      endAt: new Date(Date.now() + 86_400_000),
    });
    const { db, t } = server.deps.db;
    await db.insert(t.campaignAllowlist).values({ campaignId: campaign.id, address: second.address });
    const { session } = await signInSolana(server.url);
    const api = client(server.url, '10.20.0.11', session.accessToken);
    expect((await api.campaign.checkEligible.mutate({ campaignId: campaign.id })).reason).toBe(
      'no_method_matched',
    );

    const challenge = await api.campaign.eligibleSignIn.mutate({
      campaignId: campaign.id,
      chain: 'sol',
      address: second.address,
    });
    const answer = await api.campaign.eligibleVerify.mutate({
      campaignId: campaign.id,
      challengeId: challenge.challengeId,
      proof: { chain: 'sol', address: second.address, signature: second.signMessage(challenge.message) },
    });
    expect(answer).toMatchObject({
      outcome: 'eligible',
      recorded: true,
      wallet: { chain: 'sol', address: second.address },
    });

    // The wallet now belongs to this member: nobody else can prove it into their account.
    const other = await signInSolana(server.url);
    const otherApi = client(server.url, '10.20.0.12', other.session.accessToken);
    const otherChallenge = await otherApi.campaign.eligibleSignIn.mutate({
      campaignId: campaign.id,
      chain: 'sol',
      address: second.address,
    });
    const taken = await failure(
      otherApi.campaign.eligibleVerify.mutate({
        campaignId: campaign.id,
        challengeId: otherChallenge.challengeId,
        proof: {
          chain: 'sol',
          address: second.address,
          signature: second.signMessage(otherChallenge.message),
        },
      }),
    );
    expect(taken.data).toMatchObject({ code: 'CONFLICT', reason: 'wallet_taken' });
  });
});
