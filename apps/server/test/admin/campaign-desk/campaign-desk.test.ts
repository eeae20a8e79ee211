import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCampaignState } from '../../../../../packages/api/src/admin/campaign-desk/campaigns';
import { startTestServer, type TestServer } from '../../../src/testing';
import { campaignFields, HOST, passPromotion } from '../../support/campaign-desk';
import { clientFor, failure } from '../../support/helpers';
import { signInSolana } from '../../support/signin';
import { solanaWallet } from '../../support/wallets';

const promotion = { ...passPromotion, royaltyPercent: '5.5' };

describe.each(testDatabases())('campaign builder on $label', (database) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const adminWallet = solanaWallet();
  let admin: ReturnType<typeof clientFor<AppRouter>>;
  let adminId: string;
  let token: string;

  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    await created.db.close();
    server = await startTestServer({
      env: { DATABASE_URL: created.url, TRUST_PROXY: 'true', ADMIN_WALLETS: `sol:${adminWallet.address}` },
    });
    const signedIn = await signInSolana(server.url, adminWallet);
    adminId = signedIn.session.user.id;
    token = signedIn.session.accessToken ?? '';
    admin = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${signedIn.session.accessToken}`, 'x-forwarded-for': '10.7.0.1' },
    });
    await admin.admin.settings.setMediaHosts.mutate({ hosts: [HOST] });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  it('refuses what a person can fix, field by field, and changes nothing', async () => {
    const endBeforeStart = await failure(
      admin.admin.campaigns.create.mutate(
        campaignFields({ startAt: '2030-02-01T00:00:00.000Z', endAt: '2030-01-01T00:00:00.000Z' }),
      ),
    );
    expect(endBeforeStart.data?.code).toBe('BAD_REQUEST');
    expect(endBeforeStart.message).toContain('The end must come after the start');

    const gas = await failure(admin.admin.campaigns.create.mutate(campaignFields({ nftGasFeeSol: 'abc' })));
    expect(gas.message).toContain('"abc" is not an amount of SOL');
    const tooPrecise = await failure(
      admin.admin.campaigns.create.mutate(campaignFields({ nftGasFeeSol: '0.0000000001' })),
    );
    expect(tooPrecise.message).toContain('not an amount of SOL');

    const noData = await failure(
      admin.admin.campaigns.create.mutate(campaignFields({ methods: [{ method: 'eth', config: {} }] })),
    );
    expect(noData.message).toContain('The eth method needs a collection address');

    const media = await failure(
      admin.admin.campaigns.create.mutate(
        campaignFields({ media: { image: 'https://evil.example.net/x.png' } }),
      ),
    );
    expect(media.message).toContain('evil.example.net is not allowed');

    const list = await admin.admin.campaigns.list.query({});
    expect(list.items).toEqual([]);
  });

  it('builds a campaign, converts SOL exactly, previews it and opens it to members', async () => {
    const campaign = await admin.admin.campaigns.create.mutate(
      campaignFields({
        nftGasFeeSol: '0.000000001',
        collectionAddress: 'So11111111111111111111111111111111111111112',
        methods: [
          { method: 'sol', config: {} },
          { method: 'referral', config: { minLevel: 1 } },
        ],
      }),
    );
    expect(campaign).toMatchObject({ nftGasFeeLamports: '1', nftGasFeeSol: '0.000000001', isReady: false });
    const edited = await admin.admin.campaigns.update.mutate({
      campaignId: campaign.id,
      fields: campaignFields({
        slug: campaign.slug,
        nftGasFeeSol: '0.1',
        methods: [{ method: 'bypass', config: {} }],
      }),
    });
    expect(edited.nftGasFeeLamports).toBe('100000000');
    expect(edited.methods).toEqual([{ method: 'bypass', config: {} }]);

    const incomplete = await failure(
      admin.admin.campaigns.setState.mutate({ campaignId: campaign.id, action: 'activate' }),
    );
    expect(incomplete.message).toContain('Add the promotion');

    const withPromotion = await admin.admin.campaigns.savePromotion.mutate({
      campaignId: campaign.id,
      fields: promotion,
    });
    expect(withPromotion.promotions).toHaveLength(1);
    expect(withPromotion.promotions[0]).toMatchObject({ name: 'Puffy Pass', royaltyPercent: '5.5' });
    const withActivity = await admin.admin.campaigns.saveActivity.mutate({
      campaignId: campaign.id,
      activity: { kind: 'link_x', name: 'Link your X account' },
      points: 50,
      required: true,
    });
    expect(withActivity.activities[0]).toMatchObject({
      name: 'Link your X account',
      points: 50,
      required: true,
    });

    const preview = await admin.admin.campaigns.preview.query({ campaignId: campaign.id });
    expect(preview).toMatchObject({ visibleToMembers: false, missing: [], gasFeeSol: '0.1' });
    expect(preview.campaign).toMatchObject({
      name: 'Puffy Genesis',
      methods: ['bypass'],
      nftGasFeeLamports: '100000000',
    });

    const member = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.7.0.9' } });
    expect((await failure(member.campaign.get.query({ id: campaign.id }))).data?.code).toBe('NOT_FOUND');
    const active = await admin.admin.campaigns.setState.mutate({
      campaignId: campaign.id,
      action: 'activate',
    });
    expect(active).toMatchObject({ isReady: true, isActive: true });
    const seen = await member.campaign.get.query({ id: campaign.id });
    expect(seen).toMatchObject({ phase: 'active', name: 'Puffy Genesis' });
    expect((await member.campaign.promotions.query({ campaignId: campaign.id })).items[0]?.symbol).toBe(
      'PUFFY',
    );

    await admin.admin.campaigns.setState.mutate({ campaignId: campaign.id, action: 'archive' });
    expect((await failure(member.campaign.get.query({ id: campaign.id }))).data?.code).toBe('NOT_FOUND');
    const again = await failure(
      admin.admin.campaigns.setState.mutate({ campaignId: campaign.id, action: 'activate' }),
    );
    expect(again.message).toContain('archived');

    const audit = await admin.admin.auditLog.query({ targetType: 'campaign', targetId: String(campaign.id) });
    expect(audit.items.map((e) => e.action).sort()).toEqual(
      [
        'campaign.activate',
        'campaign.activity_saved',
        'campaign.archive',
        'campaign.created',
        'campaign.updated',
      ].sort(),
    );
    const updated = audit.items.find((e) => e.action === 'campaign.updated');
    expect(updated).toMatchObject({
      actorUserId: adminId,
      before: { nftGasFeeLamports: '1' },
      after: { nftGasFeeLamports: '100000000' },
    });
  });

  it('schedules only with a future start, and groups campaigns', async () => {
    const group = await admin.admin.groups.create.mutate({
      slug: 'season-1',
      name: 'Season 1',
      description: null,
    });
    const start = new Date(Date.now() + 86_400_000).toISOString();
    const campaign = await admin.admin.campaigns.create.mutate(
      campaignFields({ groupId: group.id, startAt: start }),
    );
    await admin.admin.campaigns.savePromotion.mutate({ campaignId: campaign.id, fields: promotion });
    const scheduled = await admin.admin.campaigns.setState.mutate({
      campaignId: campaign.id,
      action: 'schedule',
    });
    expect(scheduled).toMatchObject({ isReady: true, isActive: true, startAt: start });
    const member = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.7.0.10' } });
    expect((await member.campaign.get.query({ id: campaign.id })).phase).toBe('upcoming');
    const grouped = await member.campaign.group.query({ slug: 'season-1' });
    expect(grouped.campaigns.items.map((c) => c.id)).toEqual([campaign.id]);
    const duplicate = await failure(
      admin.admin.groups.create.mutate({ slug: 'season-1', name: 'x', description: null }),
    );
    expect(duplicate.data?.code).toBe('CONFLICT');
  });

  it('writes the audit row in the transaction of the change: both roll back together', async () => {
    const campaign = await admin.admin.campaigns.create.mutate(campaignFields());
    const deps = server.deps;
    const failing = {
      ...deps,
      db: {
        ...deps.db,
        // The change and its audit row are written, then the transaction fails before it commits.
        withTransaction: <T>(
          work: (tx: Parameters<Parameters<typeof deps.db.withTransaction>[0]>[0]) => Promise<T>,
        ) =>
          deps.db.withTransaction(async (tx) => {
            await work(tx);
            throw new Error('disk full');
          }),
      },
    };
    await expect(
      setCampaignState(failing, { userId: adminId, requestId: 'rollback-test' }, campaign.id, 'archive'),
    ).rejects.toThrow('disk full');
    const { db, t } = deps.db;
    const [row] = await db.select().from(t.campaigns).where(eq(t.campaigns.id, campaign.id));
    expect(row?.archivedAt).toBeNull();
    const rows = await db.select().from(t.auditLog).where(eq(t.auditLog.requestId, 'rollback-test'));
    expect(rows).toEqual([]);
  });

  it('lets exactly one of many parallel saves take a slug; the others hear it is taken', async () => {
    const unbatched = clientFor<AppRouter>(server.url, {
      batch: false,
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '10.7.0.2' },
    });
    const fields = campaignFields();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => unbatched.admin.campaigns.create.mutate(fields)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(refused.every((e) => e.data?.code === 'CONFLICT')).toBe(true);
  });

  it('refuses members and admins without the campaigns scope', async () => {
    const member = await signInSolana(server.url);
    const api = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${member.session.accessToken}` },
    });
    const refused = await failure(api.admin.campaigns.create.mutate(campaignFields()));
    expect(refused.data?.code).toBe('FORBIDDEN');
  });
});
