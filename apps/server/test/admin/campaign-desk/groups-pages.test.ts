import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../src/testing';
import { clientFor, failure } from '../../support/helpers';
import { signInSolana } from '../../support/signin';
import { solanaWallet } from '../../support/wallets';

describe.each(testDatabases())('admin.groups.list pages on $label', (database) => {
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
      headers: { authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': '10.7.1.1' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  it('answers 20 groups by default and the rest through the cursor, each once, oldest first', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 23; i += 1) {
      const group = await admin.admin.groups.create.mutate({
        slug: `g-${i}`,
        name: `Group ${23 - i}`,
        description: null,
      });
      ids.push(group.id);
    }
    const first = await admin.admin.groups.list.query({});
    expect(first.items).toHaveLength(20);
    const second = await admin.admin.groups.list.query({ cursor: first.nextCursor ?? undefined });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((g) => g.id)).toEqual(ids);
    const tooMany = await failure(admin.admin.groups.list.query({ limit: 101 }));
    expect(tooMany.data?.code).toBe('BAD_REQUEST');
  });
});
