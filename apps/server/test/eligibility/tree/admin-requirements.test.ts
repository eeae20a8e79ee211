import type { AppRouter } from '@puffy/api';
import type { TRequirement } from '@puffy/contracts';
import { testDatabases } from '@puffy/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../src/testing';
import { campaignFields, HOST } from '../../support/campaign-desk';
import { clientFor, failure } from '../../support/helpers';
import { signInSolana } from '../../support/signin';
import { solanaWallet } from '../../support/wallets';

/*
 * admin.requirements.*: an operator sets a campaign's tree (scope campaigns, validated, audited), a
 * refused tree changes nothing, the builder previews a draft against a wallet, and members' checks then
 * go through the stored tree and see it explained.
 */
describe.each(testDatabases())('admin.requirements on $label', (database) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const adminWallet = solanaWallet();
  let admin: ReturnType<typeof clientFor<AppRouter>>;

  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    await created.db.close();
    server = await startTestServer({
      env: { DATABASE_URL: created.url, TRUST_PROXY: 'true', ADMIN_WALLETS: `sol:${adminWallet.address}` },
    });
    const signedIn = await signInSolana(server.url, adminWallet);
    admin = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${signedIn.session.accessToken}`, 'x-forwarded-for': '10.21.0.1' },
    });
    await admin.admin.settings.setMediaHosts.mutate({ hosts: [HOST] });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  const bypass: TRequirement = { kind: 'method', method: 'bypass', config: {} };

  async function storedTree(campaignId: number) {
    const { db, t } = server.deps.db;
    const [row] = await db
      .select({ requirements: t.campaigns.requirements })
      .from(t.campaigns)
      .where(eq(t.campaigns.id, campaignId));
    return row?.requirements ?? null;
  }

  async function auditCount(campaignId: number) {
    const { db, t } = server.deps.db;
    const rows = await db
      .select({ id: t.auditLog.id })
      .from(t.auditLog)
      .where(
        and(eq(t.auditLog.action, 'campaign.requirements'), eq(t.auditLog.targetId, String(campaignId))),
      );
    return rows.length;
  }

  it('shows the converted tree, sets a tree with one audit entry, and clears it again', async () => {
    const campaign = await admin.admin.campaigns.create.mutate(
      campaignFields({
        collectionAddress: solanaWallet().address,
        methods: [
          { method: 'sol', config: {} },
          { method: 'bypass', config: {} },
        ],
      }),
    );
    const converted = await admin.admin.requirements.get.query({ campaignId: campaign.id });
    expect(converted).toEqual({
      campaignId: campaign.id,
      requirements: null,
      effective: {
        kind: 'all',
        children: [
          {
            kind: 'any',
            children: [
              { kind: 'method', method: 'bypass', config: {} },
              { kind: 'method', method: 'sol', config: {} },
            ],
          },
        ],
      },
    });

    const tree: TRequirement = {
      kind: 'all',
      children: [bypass, { kind: 'points', scope: 'overall', min: 100 }],
    };
    const set = await admin.admin.requirements.set.mutate({ campaignId: campaign.id, requirements: tree });
    expect(set.requirements).toEqual(tree);
    expect(set.effective).toEqual(tree);
    expect(await storedTree(campaign.id)).toEqual(tree);
    expect(await auditCount(campaign.id)).toBe(1);
    const log = await admin.admin.auditLog.query({ targetType: 'campaign', targetId: String(campaign.id) });
    expect(log.items.find((e) => e.action === 'campaign.requirements')).toMatchObject({
      before: { requirements: null },
      after: { requirements: tree },
    });

    await admin.admin.requirements.set.mutate({ campaignId: campaign.id, requirements: null });
    expect(await storedTree(campaign.id)).toBeNull();
    expect(await auditCount(campaign.id)).toBe(2);
  });

  it('refuses an empty group, N out of bounds, a loop, an unknown activity and a path without a method, changing nothing', async () => {
    const campaign = await admin.admin.campaigns.create.mutate(campaignFields());
    const kept: TRequirement = { kind: 'any', children: [bypass] };
    await admin.admin.requirements.set.mutate({ campaignId: campaign.id, requirements: kept });
    const refusals: Array<[unknown, string]> = [
      [{ kind: 'all', children: [] }, 'A group needs at least one requirement'],
      [
        { kind: 'at_least', n: 3, children: [bypass, bypass] },
        'At least N cannot ask for more requirements than the group holds',
      ],
      [{ kind: 'all', children: [bypass, { kind: 'eligible_for', campaignId: campaign.id }] }, 'itself'],
      [
        { kind: 'all', children: [bypass, { kind: 'activities', activityIds: [987654] }] },
        'an activity that does not exist',
      ],
      [
        { kind: 'any', children: [bypass, { kind: 'account', account: 'email' }] },
        'Every way to qualify must include',
      ],
    ];
    for (const [requirements, words] of refusals) {
      const refused = await failure(
        admin.admin.requirements.set.mutate({
          campaignId: campaign.id,
          requirements: requirements as TRequirement,
        }),
      );
      expect(refused.data?.code).toBe('BAD_REQUEST');
      expect(refused.message).toContain(words);
    }
    expect(await storedTree(campaign.id)).toEqual(kept);
    expect(await auditCount(campaign.id)).toBe(1);
  });

  it('is for operators of campaigns only', async () => {
    const member = await signInSolana(server.url, solanaWallet());
    const client = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${member.session.accessToken}`, 'x-forwarded-for': '10.21.0.2' },
    });
    const refused = await failure(
      client.admin.requirements.set.mutate({ campaignId: 1, requirements: null }),
    );
    expect(refused.data?.code).toBe('FORBIDDEN');
  });

  it('previews a draft against a wallet, and members see the stored tree explained', async () => {
    const campaign = await admin.admin.campaigns.create.mutate(campaignFields());
    const memberWallet = solanaWallet();
    await admin.admin.allowlist.add.mutate({
      campaignId: campaign.id,
      entries: [{ chain: 'sol', address: memberWallet.address }],
    });
    const draft: TRequirement = {
      kind: 'all',
      children: [bypass, { kind: 'points', scope: 'overall', min: 5 }],
    };
    const preview = await admin.admin.requirements.preview.query({
      campaignId: campaign.id,
      wallet: { chain: 'sol', address: memberWallet.address },
      requirements: draft,
    });
    // A bare wallet cannot show points: the preview says a sign-in would decide.
    expect(preview).toMatchObject({ outcome: 'not_eligible', reason: 'sign_in_required' });
    expect(preview.requirements).toMatchObject({
      kind: 'all',
      outcome: 'unknown',
      children: [
        { kind: 'method', outcome: 'passed' },
        { kind: 'points', outcome: 'unknown' },
      ],
    });
    expect(await storedTree(campaign.id)).toBeNull();

    await admin.admin.requirements.set.mutate({ campaignId: campaign.id, requirements: draft });
    await admin.admin.campaigns.savePromotion.mutate({
      campaignId: campaign.id,
      fields: {
        name: 'Puffy Pass',
        symbol: 'PUFFY',
        description: 'The pass',
        image: `https://${HOST}/pass.png`,
        collectionAddress: null,
        network: 'sol',
        royaltyPercent: '5',
      },
    });
    await admin.admin.campaigns.setState.mutate({ campaignId: campaign.id, action: 'activate' });

    const signedIn = await signInSolana(server.url, memberWallet);
    const member = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${signedIn.session.accessToken}`, 'x-forwarded-for': '10.21.0.3' },
    });
    const answer = await member.campaign.checkEligible.mutate({ campaignId: campaign.id });
    expect(answer).toMatchObject({
      outcome: 'not_eligible',
      reason: 'requirements_not_met',
      recorded: false,
    });
    expect(answer.requirements?.children?.[1]).toMatchObject({ kind: 'points', outcome: 'failed' });
    expect(answer.message).toMatch(
      /^Not eligible yet\. To qualify: earn \d+ more points? overall \(has \d+ of 5\)\.$/,
    );

    const { db, t } = server.deps.db;
    await db
      .insert(t.userPoints)
      .values({ userId: signedIn.session.user.id, scopeKey: 'global', points: 5, updatedAt: new Date() })
      .onConflictDoUpdate({ target: [t.userPoints.userId, t.userPoints.scopeKey], set: { points: 5 } });
    const passed = await member.campaign.checkEligible.mutate({ campaignId: campaign.id });
    expect(passed).toMatchObject({
      outcome: 'eligible',
      reason: 'eligible',
      method: 'bypass',
      recorded: true,
    });
  });
});
