import { type AppRouter, botSignature } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../src/testing';
import { campaignFields, HOST } from '../../support/campaign-desk';
import { clientFor, failure } from '../../support/helpers';
import { signInSolana } from '../../support/signin';
import { evmWallet, solanaWallet } from '../../support/wallets';

describe.each(testDatabases())('referral codes, allow-lists and bot secrets on $label', (database) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const adminWallet = solanaWallet();
  let token: string;
  let admin: ReturnType<typeof clientFor<AppRouter>>;
  let campaignId: number;

  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    await created.db.close();
    server = await startTestServer({
      env: { DATABASE_URL: created.url, TRUST_PROXY: 'true', ADMIN_WALLETS: `sol:${adminWallet.address}` },
    });
    token = (await signInSolana(server.url, adminWallet)).session.accessToken ?? '';
    admin = clientFor<AppRouter>(server.url, { headers: { authorization: `Bearer ${token}` } });
    await admin.admin.settings.setMediaHosts.mutate({ hosts: [HOST] });
    campaignId = (
      await admin.admin.campaigns.create.mutate(
        campaignFields({
          methods: [
            { method: 'bypass', config: {} },
            { method: 'referral', config: {} },
          ],
        }),
      )
    ).id;
    await admin.admin.campaigns.savePromotion.mutate({
      campaignId,
      fields: {
        name: 'Pass',
        symbol: 'PASS',
        description: null,
        image: `https://${HOST}/p.png`,
        collectionAddress: null,
        network: 'sol',
        royaltyPercent: '5',
      },
    });
    await admin.admin.campaigns.setState.mutate({ campaignId, action: 'activate' });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  it('issues codes singly and in bulk of every type, with the form errors a person can fix', async () => {
    const bulk = await admin.admin.codes.issue.mutate({
      campaignId,
      type: 'limited',
      maxUses: 1,
      count: 25,
      level: 2,
    });
    expect(bulk).toHaveLength(25);
    expect(new Set(bulk.map((c) => c.code)).size).toBe(25);
    expect(bulk[0]).toMatchObject({ type: 'limited', maxUses: 1, level: 2, campaignId, uses: 0 });
    const unlimited = await admin.admin.codes.issue.mutate({
      campaignId,
      type: 'unlimited',
      code: 'open-door',
    });
    expect(unlimited[0]).toMatchObject({ code: 'OPEN-DOOR', maxUses: null });
    const global = await admin.admin.codes.issue.mutate({ type: 'gunlimited' });
    expect(global[0]).toMatchObject({ campaignId: null, type: 'gunlimited' });

    expect(
      (await failure(admin.admin.codes.issue.mutate({ campaignId, type: 'limited' }))).message,
    ).toContain('A limited code needs its maximum uses');
    expect(
      (await failure(admin.admin.codes.issue.mutate({ campaignId, type: 'gunlimited' }))).message,
    ).toContain('A gunlimited code has no campaign');
    expect(
      (await failure(admin.admin.codes.issue.mutate({ campaignId, type: 'unlimited', code: 'OPEN-DOOR' })))
        .data?.code,
    ).toBe('CONFLICT');
    const listed = await admin.admin.codes.list.query({ campaignId, limit: 100 });
    expect(listed.items).toHaveLength(26);
  });

  it('shows a code’s uses and disables it', async () => {
    const [code] = await admin.admin.codes.issue.mutate({ campaignId, type: 'limited', maxUses: 5 });
    if (!code) throw new Error('no code');
    const member = await signInSolana(server.url);
    const api = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${member.session.accessToken}` },
    });
    await api.referral.set.mutate({ campaignId, code: code.code });
    const uses = await admin.admin.codes.uses.query({ codeId: code.id });
    expect(uses.items).toHaveLength(1);
    expect(uses.items[0]).toMatchObject({ userId: member.session.user.id, outcome: 'accepted' });

    const disabled = await admin.admin.codes.disable.mutate({ codeId: code.id });
    expect(disabled.disabledAt).not.toBeNull();
    const other = await signInSolana(server.url);
    const otherApi = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${other.session.accessToken}` },
    });
    const refused = await failure(otherApi.referral.set.mutate({ campaignId, code: code.code }));
    expect(refused.message).toContain('expired');
    const audit = await admin.admin.auditLog.query({ targetType: 'referral_code', targetId: code.id });
    expect(audit.items.map((a) => a.action)).toEqual(['referral_code.disabled']);
  });

  it('keeps the bypass allow-list in the one spelling eligibility compares', async () => {
    const wallet = evmWallet();
    const added = await admin.admin.allowlist.add.mutate({
      campaignId,
      entries: [
        { chain: 'evm', address: wallet.address.toLowerCase() },
        { chain: 'evm', address: wallet.address },
      ],
    });
    expect(added.changed).toBe(1);
    expect((await admin.admin.allowlist.list.query({ campaignId })).items).toEqual([wallet.address]);
    const guest = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.6.0.3' } });
    const answer = await guest.campaign.checkEligibleDryRun.query({
      campaignId,
      wallet: { chain: 'evm', address: wallet.address.toLowerCase() },
    });
    expect(answer).toMatchObject({ outcome: 'eligible', method: 'bypass' });

    const bad = await failure(
      admin.admin.allowlist.add.mutate({
        campaignId,
        entries: [
          { chain: 'sol', address: solanaWallet().address },
          { chain: 'ton', address: 'not-a-ton-address' },
        ],
      }),
    );
    expect(bad.message).toContain('nothing was changed');
    expect((await admin.admin.allowlist.list.query({ campaignId })).items).toHaveLength(1);
    const removed = await admin.admin.allowlist.remove.mutate({
      campaignId,
      entries: [{ chain: 'evm', address: wallet.address.toLowerCase() }],
    });
    expect(removed.changed).toBe(1);
  });

  it('creates a bot secret shown once, rotates it with a grace period, and revokes it', async () => {
    const botCall = (secret: string, discordUserId: string) => {
      const body = JSON.stringify({ campaignId, discordUserId, discordUsername: 'puffy' });
      const timestamp = String(Math.floor(Date.now() / 1000));
      return fetch(`${server.url}/bot/discord/codes`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-bot-timestamp': timestamp,
          'x-bot-signature': botSignature(secret, timestamp, body),
        },
        body,
      }).then((r) => r.status);
    };
    const first = await admin.admin.botSecret.create.mutate({ campaignId });
    expect(first.secret).toMatch(/^[\w-]{40,}$/);
    expect(JSON.stringify(await admin.admin.botSecret.status.query({ campaignId }))).not.toContain(
      first.secret,
    );
    expect(await botCall(first.secret, '100000001')).toBe(201);
    expect((await failure(admin.admin.botSecret.create.mutate({ campaignId }))).data?.code).toBe('CONFLICT');

    const second = await admin.admin.botSecret.rotate.mutate({ campaignId, graceMinutes: 30 });
    expect(second.secret).not.toBe(first.secret);
    expect(second.status.secrets.map((s) => s.status).sort()).toEqual(['active', 'grace']);
    expect(await botCall(first.secret, '100000002')).toBe(201);
    expect(await botCall(second.secret, '100000003')).toBe(201);

    const third = await admin.admin.botSecret.rotate.mutate({ campaignId, graceMinutes: 0 });
    expect(await botCall(second.secret, '100000004')).toBe(401);
    expect(await botCall(third.secret, '100000005')).toBe(201);

    const revoked = await admin.admin.botSecret.revoke.mutate({ campaignId });
    expect(revoked.secrets.every((s) => s.status === 'revoked')).toBe(true);
    expect(await botCall(first.secret, '100000006')).toBe(401);
    expect(await botCall(third.secret, '100000007')).toBe(401);
  });

  it('creates one bot secret when many creates race, and issues unique codes in parallel', async () => {
    const unbatched = clientFor<AppRouter>(server.url, {
      batch: false,
      headers: { authorization: `Bearer ${token}` },
    });
    const other = await admin.admin.campaigns.create.mutate(campaignFields());
    const creates = await Promise.allSettled(
      Array.from({ length: 20 }, () => unbatched.admin.botSecret.create.mutate({ campaignId: other.id })),
    );
    expect(creates.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const status = await admin.admin.botSecret.status.query({ campaignId: other.id });
    expect(status.secrets.filter((s) => s.status === 'active')).toHaveLength(1);

    const batches = await Promise.all(
      Array.from({ length: 25 }, () =>
        unbatched.admin.codes.issue.mutate({ campaignId: other.id, type: 'unlimited', count: 40 }),
      ),
    );
    const codes = batches.flat().map((c) => c.code);
    expect(codes).toHaveLength(1000);
    expect(new Set(codes).size).toBe(1000);
  });

  it('exports participants, referrals and points as CSV for the campaigns scope', async () => {
    const csv = await fetch(`${server.url}/admin/exports/referrals.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('id,created_at,campaign_id,code,referrer_user_id,referee_user_id');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const name of ['participants', 'points']) {
      const res = await fetch(`${server.url}/admin/exports/${name}.json`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(Array.isArray(await res.json())).toBe(true);
    }
  });
});
