/*
 * A campaign as members and as operators receive it, byte for byte as JSON: every field, and no other.
 * Members get the computed phase and the VM; operators get the stored state (ready, archived), the
 * gas fee in SOL as they typed it and each method's configuration. The two views share one mapper, so
 * this pins what each of them must keep saying.
 */
import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { campaignFields, HOST } from '../support/campaign-desk';
import { clientFor } from '../support/helpers';
import { signInSolana } from '../support/signin';
import { solanaWallet } from '../support/wallets';

const START = '2020-01-01T00:00:00.000Z';
const END = '2099-01-01T00:00:00.000Z';

describe.each(testDatabases())('the campaign on the wire on $label', (database) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let bearer: string;
  let admin: ReturnType<typeof clientFor<AppRouter>>;
  let campaignId: number;
  let groupId: number;
  let slug: string;

  /** The `data` of a GET query exactly as the server wrote it, parsed from the response text. */
  async function wire(path: string, input: unknown, headers: Record<string, string> = {}) {
    const query = encodeURIComponent(JSON.stringify(input));
    const response = await fetch(`${server.url}/trpc/${path}?input=${query}`, { headers });
    expect(response.status).toBe(200);
    const body = JSON.parse(await response.text()) as { result: { data: unknown } };
    return body.result.data;
  }

  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    await created.db.close();
    const adminWallet = solanaWallet();
    server = await startTestServer({
      env: { DATABASE_URL: created.url, ADMIN_WALLETS: `sol:${adminWallet.address}` },
    });
    const signedIn = await signInSolana(server.url, adminWallet);
    bearer = `Bearer ${signedIn.session.accessToken}`;
    admin = clientFor<AppRouter>(server.url, { headers: { authorization: bearer } });
    await admin.admin.settings.setMediaHosts.mutate({ hosts: [HOST] });
    const group = await admin.admin.groups.create.mutate({
      slug: `wire-${Math.random().toString(36).slice(2, 8)}`,
      name: 'Wire group',
      description: null,
    });
    groupId = group.id;
    const fields = campaignFields({
      description: 'Every field set',
      edition: 'First',
      requirement: 'Hold one',
      collectionAddress: 'So11111111111111111111111111111111111111112',
      collectionName: 'Puffies',
      startAt: START,
      endAt: END,
      limit: 500,
      media: { image: `https://${HOST}/i.png`, banner: `https://${HOST}/b.png` },
      nftGasFeeSol: '0.0125',
      xPostUrl: 'https://x.com/puffy/status/1',
      groupId,
      methods: [
        { method: 'bypass', config: {} },
        { method: 'referral', config: { minLevel: 2 } },
      ],
    });
    slug = fields.slug;
    campaignId = (await admin.admin.campaigns.create.mutate(fields)).id;
    await admin.admin.campaigns.savePromotion.mutate({
      campaignId,
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
    await admin.admin.campaigns.setState.mutate({ campaignId, action: 'activate' });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  const shared = () => ({
    id: campaignId,
    slug,
    name: 'Puffy Genesis',
    description: 'Every field set',
    edition: 'First',
    requirement: 'Hold one',
    collectionAddress: 'So11111111111111111111111111111111111111112',
    collectionName: 'Puffies',
    network: 'sol',
    startAt: START,
    endAt: END,
    limit: 500,
    eligibleCount: 0,
    media: { image: `https://${HOST}/i.png`, banner: `https://${HOST}/b.png` },
    nftGasFeeLamports: '12500000',
    xPostUrl: 'https://x.com/puffy/status/1',
    isActive: true,
    groupId,
  });
  const memberView = () => ({ ...shared(), vmType: 'svm', phase: 'active', methods: ['bypass', 'referral'] });
  const operatorView = () => ({
    ...shared(),
    nftGasFeeSol: '0.0125',
    isReady: true,
    archivedAt: null,
    methods: [
      { method: 'bypass', config: {} },
      { method: 'referral', config: { minLevel: 2 } },
    ],
  });

  it('gives members campaign.get and campaign.list with exactly their fields', async () => {
    expect(await wire('campaign.get', { id: campaignId })).toStrictEqual(memberView());
    const page = (await wire('campaign.list', {})) as { items: unknown[] };
    expect(page.items).toStrictEqual([memberView()]);
  });

  it('gives operators the list, the detail, the preview and every change with exactly their fields', async () => {
    const headers = { authorization: bearer };
    const page = (await wire('admin.campaigns.list', {}, headers)) as { items: unknown[] };
    expect(page.items).toStrictEqual([operatorView()]);
    const detail = (await wire('admin.campaigns.get', { campaignId }, headers)) as { campaign: unknown };
    expect(detail.campaign).toStrictEqual(operatorView());
    const preview = (await wire('admin.campaigns.preview', { campaignId }, headers)) as { campaign: unknown };
    expect(preview.campaign).toStrictEqual(memberView());
    const paused = await admin.admin.campaigns.setState.mutate({ campaignId, action: 'pause' });
    expect(paused).toStrictEqual({ ...operatorView(), isActive: false });
    const resumed = await admin.admin.campaigns.setState.mutate({ campaignId, action: 'activate' });
    expect(resumed).toStrictEqual(operatorView());
  });
});
