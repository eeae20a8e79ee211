import { createHash, randomBytes } from 'node:crypto';
import type { AppRouter } from '@puffy/api';
import type { TSnapshotProgress } from '@puffy/contracts';
import { testDatabases } from '@puffy/db/testing';
import bs58 from 'bs58';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../src/testing';
import { campaignFields, HOST } from '../../support/campaign-desk';
import { clientFor, failure } from '../../support/helpers';
import { signInSolana } from '../../support/signin';
import { solanaWallet } from '../../support/wallets';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const address = () => bs58.encode(randomBytes(32));

describe.each(testDatabases())('snapshot upload on $label', (database) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const adminWallet = solanaWallet();
  let token: string;
  let admin: ReturnType<typeof clientFor<AppRouter>>;
  let campaignId: number;
  const guest = () =>
    clientFor<AppRouter>(server.url, {
      headers: {
        'x-forwarded-for': `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      },
    });

  const upload = (snapshotId: string, body: string | ReadableStream<Uint8Array>, auth = token) =>
    fetch(`${server.url}/admin/snapshots/${snapshotId}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${auth}`, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);

  async function importFile(csv: string) {
    const begun = await admin.admin.snapshots.begin.mutate({
      campaignId,
      network: 'sol',
      fileSha256: sha256(csv),
      bytes: Buffer.byteLength(csv),
    });
    if (begun.reused) return { begun, final: begun.progress };
    const response = await upload(begun.progress.snapshotId, csv);
    expect(response.status).toBe(200);
    return { begun, final: (await response.json()) as TSnapshotProgress };
  }

  const eligible = async (wallet: string) =>
    (
      await guest().campaign.checkEligibleDryRun.query({
        campaignId,
        wallet: { chain: 'sol', address: wallet },
      })
    ).outcome;

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
    const campaign = await admin.admin.campaigns.create.mutate(
      campaignFields({
        collectionAddress: 'So11111111111111111111111111111111111111112',
        methods: [{ method: 'sol', config: {} }],
      }),
    );
    campaignId = campaign.id;
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

  const holderA = address();
  const firstFile = `wallet,chain,amount\n${holderA},sol,1\nnot-an-address,sol,1\n${address()},eth,2\n${holderA},sol,3\n${address()},,x\n${address()},sol\n`;

  it('streams a CSV in, reports bad rows by line, keeps the good ones, and re-importing changes nothing', async () => {
    const { final } = await importFile(firstFile);
    expect(final).toMatchObject({ status: 'active', rowsRead: 6, rowsAccepted: 2, rowsRejected: 4 });
    expect(final.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(final.errors[0]?.reason).toContain('is not a valid sol address');
    expect(final.errors[2]?.reason).toContain('duplicate address');
    expect(await eligible(holderA)).toBe('eligible');

    const again = await importFile(firstFile);
    expect(again.begun.reused).toBe(true);
    expect(again.final.snapshotId).toBe(final.snapshotId);
    const list = await admin.admin.snapshots.list.query({ campaignId });
    expect(list.items.map((s) => s.status)).toEqual(['active']);
  });

  it('switches atomically: checks during an import still see the old snapshot', async () => {
    const holderB = address();
    // More than one batch on either dialect (2,000 rows on SQLite, 10,000 on Postgres).
    const rows = Array.from({ length: 12_000 }, () => `${address()},sol`);
    const head = `${holderB},sol\n${rows.join('\n')}\n`;
    const tail = `${address()},sol\n`;
    const begun = await admin.admin.snapshots.begin.mutate({
      campaignId,
      network: 'sol',
      fileSha256: sha256(head + tail),
      bytes: Buffer.byteLength(head + tail),
    });
    let finish: (() => void) | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(head));
        finish = () => {
          controller.enqueue(new TextEncoder().encode(tail));
          controller.close();
        };
      },
    });
    const response = upload(begun.progress.snapshotId, body);
    // Wait until the first batch is written: the import is visibly under way.
    let progress = begun.progress;
    for (let i = 0; i < 600 && progress.rowsRead === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      progress = await admin.campaign.snapshot.progress.query({ snapshotId: begun.progress.snapshotId });
    }
    expect(progress).toMatchObject({ status: 'importing' });
    expect(progress.rowsRead).toBeGreaterThanOrEqual(2_000);
    expect(progress.rowsRead).toBeLessThan(12_002);
    expect(await eligible(holderA)).toBe('eligible');
    expect(await eligible(holderB)).toBe('not_eligible');

    finish?.();
    const done = (await (await response).json()) as TSnapshotProgress;
    expect(done).toMatchObject({ status: 'active', rowsAccepted: 12_002, rowsRejected: 0 });
    expect(await eligible(holderA)).toBe('not_eligible');
    expect(await eligible(holderB)).toBe('eligible');
  });

  it('refuses a file other than the one declared, leaving the active snapshot as it was', async () => {
    const active = (await admin.admin.snapshots.list.query({ campaignId })).items.find(
      (s) => s.status === 'active',
    );
    const holderC = address();
    const begun = await admin.admin.snapshots.begin.mutate({
      campaignId,
      network: 'sol',
      fileSha256: sha256('something else'),
      bytes: 10,
    });
    const response = await upload(begun.progress.snapshotId, `${holderC},sol\n`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('not the one declared');
    const list = (await admin.admin.snapshots.list.query({ campaignId })).items;
    expect(list.find((s) => s.snapshotId === begun.progress.snapshotId)?.status).toBe('failed');
    expect(list.find((s) => s.status === 'active')?.snapshotId).toBe(active?.snapshotId);
    expect(await eligible(holderC)).toBe('not_eligible');
    const twice = await upload(begun.progress.snapshotId, `${holderC},sol\n`);
    expect(twice.status).toBe(412);
  });

  it('lets only admins with the campaigns scope upload', async () => {
    const begun = await admin.admin.snapshots.begin.mutate({
      campaignId,
      network: 'sol',
      fileSha256: sha256('x'),
      bytes: 1,
    });
    const member = await signInSolana(server.url);
    expect((await upload(begun.progress.snapshotId, 'x', member.session.accessToken)).status).toBe(403);
    expect((await upload(begun.progress.snapshotId, 'x', 'nonsense')).status).toBe(401);
    const memberApi = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${member.session.accessToken}` },
    });
    expect(
      (
        await failure(
          memberApi.admin.snapshots.begin.mutate({
            campaignId,
            network: 'sol',
            fileSha256: sha256('x'),
            bytes: 1,
          }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');
  });
});
