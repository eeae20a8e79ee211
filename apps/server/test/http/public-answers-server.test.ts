import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { campaignFields, HOST, passPromotion } from '../support/campaign-desk';
import { clientFor } from '../support/helpers';
import { signInSolana } from '../support/signin';
import { solanaWallet } from '../support/wallets';

/*
 * Public answers served from memory by the fast path (src/http/public-answers.ts), seen from outside:
 * the same bytes and ETag as a fresh answer, 304 on revalidation, every call still spending the
 * default rate limit, and an operator's edit seen on the very next read.
 */
const [sqlite] = testDatabases();
if (!sqlite) throw new Error('SQLite is always available to the tests');

describe('public answers from memory, through the server', () => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const adminWallet = solanaWallet();
  let admin: ReturnType<typeof clientFor<AppRouter>>;
  let campaign: { id: number; slug: string };
  const getPath = () => `/trpc/campaign.get?input=${encodeURIComponent(JSON.stringify({ id: campaign.id }))}`;
  /** Reads the campaign page as a guest from `ip`, uncompressed unless asked. */
  const read = (ip: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${getPath()}`, {
      headers: { 'x-forwarded-for': ip, 'accept-encoding': 'identity', ...headers },
    });

  beforeAll(async () => {
    const { url, db, drop: dropDatabase } = await sqlite.create();
    await db.close();
    drop = dropDatabase;
    const env = { TRUST_PROXY: 'true', ADMIN_WALLETS: `sol:${adminWallet.address}` };
    server = await startTestServer({ env: { ...env, DATABASE_URL: url, RATE_LIMIT_IP_PER_MINUTE: '3' } });
    const signedIn = await signInSolana(server.url, adminWallet);
    // The operator's calls come from a new address each (the limit per address is 3 a minute here).
    let adminCalls = 0;
    admin = clientFor<AppRouter>(server.url, {
      headers: {
        authorization: `Bearer ${signedIn.session.accessToken}`,
        get 'x-forwarded-for'() {
          adminCalls += 1;
          return `10.8.${adminCalls >> 8}.${adminCalls & 255}`;
        },
      },
    });
    await admin.admin.settings.setMediaHosts.mutate({ hosts: [HOST] });
    const made = await admin.admin.campaigns.create.mutate(campaignFields({ name: 'Before the edit' }));
    await admin.admin.campaigns.savePromotion.mutate({ campaignId: made.id, fields: passPromotion });
    await admin.admin.campaigns.setState.mutate({ campaignId: made.id, action: 'activate' });
    campaign = { id: made.id, slug: made.slug };
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  it('answers the same bytes and ETag from memory, and 304 to a client that holds them', async () => {
    const first = await read('10.9.1.1');
    const second = await read('10.9.1.2');
    expect(first.status).toBe(200);
    const body = await first.text();
    expect(await second.text()).toBe(body);
    expect(JSON.parse(body).result.data.name).toBe('Before the edit');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(second.headers.get('etag')).toBe(etag);
    const revalidated = await read('10.9.1.3', { 'if-none-match': etag ?? '' });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    // Compressed once and reused: the same bytes for every client that takes gzip.
    const gz1 = await read('10.9.1.4', { 'accept-encoding': 'gzip' });
    const gz2 = await read('10.9.1.5', { 'accept-encoding': 'gzip' });
    expect(gz1.headers.get('content-encoding')).toBe('gzip');
    expect(await gz1.text()).toBe(body);
    expect(await gz2.text()).toBe(body);
    expect(gz2.headers.get('etag')).toBe(`W/${etag}`);
  });

  it('still spends the default rate limit on every call answered from memory', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await read('10.9.2.1')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Each call of a batch counts too.
    const batch = await fetch(
      `${server.url}/trpc/campaign.get,campaign.get?batch=1&input=${encodeURIComponent(
        JSON.stringify({ 0: { id: campaign.id }, 1: { id: campaign.id } }),
      )}`,
      { headers: { 'x-forwarded-for': '10.9.2.2' } },
    );
    expect(batch.status).toBe(200);
  });

  it("shows an operator's edit on the very next read", async () => {
    const nameIn = async (response: Response) =>
      ((await response.json()) as { result: { data: { name: string } } }).result.data.name;
    expect(await nameIn(await read('10.9.3.1'))).toBe('Before the edit');
    await admin.admin.campaigns.update.mutate({
      campaignId: campaign.id,
      fields: campaignFields({ name: 'After the edit', slug: campaign.slug }),
    });
    const after = await read('10.9.3.2');
    expect(await nameIn(after)).toBe('After the edit');
    // The SPA's batched read sees it too.
    const batched = await fetch(
      `${server.url}/trpc/campaign.get?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { id: campaign.id } }))}`,
      { headers: { 'x-forwarded-for': '10.9.3.3' } },
    );
    const [first] = (await batched.json()) as Array<{ result: { data: { name: string } } }>;
    expect(first?.result.data.name).toBe('After the edit');
  });
});
