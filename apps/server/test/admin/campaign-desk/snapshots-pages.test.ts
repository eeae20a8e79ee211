import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from '../../../../../packages/api/test/support/campaign';
import { startTestServer, type TestServer } from '../../../src/testing';
import { clientFor, failure } from '../../support/helpers';
import { signInSolana } from '../../support/signin';
import { solanaWallet } from '../../support/wallets';

describe.each(testDatabases())('admin.snapshots.list pages on $label', (database) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let admin: ReturnType<typeof clientFor<AppRouter>>;
  const adminWallet = solanaWallet();
  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    await created.db.close();
    server = await startTestServer({
      env: { DATABASE_URL: created.url, TRUST_PROXY: 'true', ADMIN_WALLETS: `sol:${adminWallet.address}` },
    });
    const { session } = await signInSolana(server.url, adminWallet);
    admin = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': '10.7.2.1' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  it('answers 20 versions by default and the older ones through the cursor, each once, newest first', async () => {
    const campaign = await createCampaign(server.deps.db, { methods: ['sol'] });
    const { db, t } = server.deps.db;
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    // 55 versions: more than the 50 the list used to cut at, without a word, and never page past.
    const versions = Array.from({ length: 55 }, (_, i) => i + 1);
    await db.insert(t.holderSnapshots).values(
      versions.map((version) => ({
        campaignId: campaign.id,
        network: 'sol' as const,
        status: 'failed' as const,
        version,
        createdAt: new Date(start + version * 60_000),
      })),
    );
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await admin.admin.snapshots.list.query({ campaignId: campaign.id, cursor });
      expect(page.items.length).toBeLessThanOrEqual(20);
      seen.push(...page.items.map((s) => s.version));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...versions].reverse());
    const tooMany = await failure(admin.admin.snapshots.list.query({ campaignId: campaign.id, limit: 101 }));
    expect(tooMany.data?.code).toBe('BAD_REQUEST');
  });
});
