import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../src/testing';
import { campaignFields, HOST } from '../../support/campaign-desk';
import { clientFor, failure } from '../../support/helpers';
import { signInSolana } from '../../support/signin';
import { solanaWallet } from '../../support/wallets';

/**
 * The demo seed points campaigns at the artwork the app ships (`/media/demo/…`); an operator who opens
 * such a campaign and saves it must not be told its own picture is not allowed.
 */
describe.each(testDatabases())('shipped artwork in the campaign builder on $label', (database) => {
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
      headers: { authorization: `Bearer ${signedIn.session.accessToken}`, 'x-forwarded-for': '10.7.0.9' },
    });
    await admin.admin.settings.setMediaHosts.mutate({ hosts: [HOST] });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  it('accepts the app’s own artwork by its path, and saves it again unchanged', async () => {
    const created = await admin.admin.campaigns.create.mutate(
      campaignFields({
        media: { image: '/media/demo/genesis.svg', banner: '/media/demo/genesis-banner.svg' },
      }),
    );
    expect(created.media.image).toBe('/media/demo/genesis.svg');
    const saved = await admin.admin.campaigns.update.mutate({
      campaignId: created.id,
      fields: campaignFields({ slug: created.slug, media: created.media }),
    });
    expect(saved.media).toEqual(created.media);
  });

  it.each([
    ['another site without a scheme', '//evil.example.net/x.png'],
    ['a path outside the shipped artwork', '/api/secret.png'],
    ['a path that climbs out of it', '/media/../index.html'],
    ['plain http', `http://${HOST}/x.png`],
  ])('still refuses %s, and creates nothing', async (_what, image) => {
    const before = await admin.admin.campaigns.list.query({});
    const refused = await failure(admin.admin.campaigns.create.mutate(campaignFields({ media: { image } })));
    expect(refused.data?.code).toBe('BAD_REQUEST');
    expect((await admin.admin.campaigns.list.query({})).items).toHaveLength(before.items.length);
  });
});
