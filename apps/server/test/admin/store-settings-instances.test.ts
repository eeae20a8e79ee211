import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '@puffy/api';
import type { TCatalog } from '@puffy/contracts';
import { testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor } from '../support/helpers';
import { signInSolana } from '../support/signin';
import { solanaWallet } from '../support/wallets';

const redisUrl = process.env.TEST_REDIS_URL;
const postgres = testDatabases().find((d) => d.name === 'postgres');

/** Asks again every 25 ms, 20 times at most: far below the catalog cache's 5 s, so only the announcement can change the answer. */
async function answerOnceSettled<T>(ask: () => Promise<T>, settled: (answer: T) => boolean): Promise<T> {
  let answer = await ask();
  for (let i = 0; i < 20 && !settled(answer); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    answer = await ask();
  }
  return answer;
}

const databases = [
  {
    label: 'sqlite',
    create: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'puffy-store-settings-'));
      return {
        url: `file:${join(dir, 'shared.sqlite')}`,
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  ...(postgres
    ? [
        {
          label: 'postgres [pg]',
          create: async () => {
            const created = await postgres.create();
            await created.db.close();
            return { url: created.url, drop: created.drop };
          },
        },
      ]
    : []),
];

/**
 * An operator's store edit on one instance is what the other instance's public catalog says right
 * away, although that instance keeps the catalog cached (docs/product/admin.md, Store).
 */
describe.skipIf(!redisUrl).each(databases)(
  'store edits across two instances on $label [redis]',
  (database) => {
    let a: TestServer;
    let b: TestServer;
    let drop: () => Promise<void>;
    const adminWallet = solanaWallet();
    let admin: ReturnType<typeof clientFor<AppRouter>>;
    const onB = () => clientFor<AppRouter>(b.url, { headers: { 'x-forwarded-for': '10.42.0.2' } });

    beforeAll(async () => {
      const created = await database.create();
      drop = created.drop;
      const env = {
        PUBLIC_ORIGIN: 'https://rewards.example.test',
        TRUST_PROXY: 'true',
        REDIS_URL: redisUrl ?? '',
        REDIS_PREFIX: `test-${crypto.randomUUID()}:`,
        DATABASE_URL: created.url,
        ADMIN_WALLETS: `sol:${adminWallet.address}`,
      };
      a = await startTestServer({ env });
      b = await startTestServer({ env });
      const { session } = await signInSolana(a.url, adminWallet);
      admin = clientFor<AppRouter>(a.url, {
        headers: { authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': '10.42.0.1' },
      });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await drop?.();
    });

    const catalogOnB = () => onB().store.catalog.query();

    /**
     * Makes sure B answers from its cache: a name changed behind its back (straight in the database,
     * with no announcement) must not show. Until B's subscription is up it caches nothing, so this asks
     * again until it does.
     */
    async function bServesFromCache(): Promise<void> {
      const { db, t } = a.deps.db;
      for (let i = 0; i < 40; i += 1) {
        const seen = await catalogOnB();
        const probe = `Puffy pods (probe ${i})`;
        await db.update(t.rcProducts).set({ name: probe }).where(eq(t.rcProducts.sku, 'pods'));
        const again = await catalogOnB();
        if (again.products.find((p) => p.sku === 'pods')?.name !== probe) {
          expect(again).toEqual(seen);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('instance B never cached the catalog');
    }

    const edits: Array<{
      edit: string;
      run: () => Promise<unknown>;
      shows: (catalog: TCatalog) => boolean;
    }> = [
      {
        edit: 'a price',
        run: () =>
          admin.admin.store.updateProduct.mutate({
            sku: 'device-vape',
            name: 'Puffy device (vape)',
            price: '79.00',
            active: true,
          }),
        shows: (c) => c.products.find((p) => p.sku === 'device-vape')?.price === '79.00',
      },
      {
        edit: 'colorways',
        run: () =>
          admin.admin.store.setColorways.mutate({ sku: 'device-fresh', colorways: ['community', 'black'] }),
        shows: (c) =>
          c.products.find((p) => p.sku === 'device-fresh')?.colorways.join() === 'community,black',
      },
      {
        edit: 'pod options',
        run: () =>
          admin.admin.store.setPodOptions.mutate({
            sku: 'pods',
            flavors: ['watermelon_ice'],
            nicotine: { vape: ['0'], fresh: [] },
          }),
        shows: (c) => c.products.find((p) => p.sku === 'pods')?.flavors.join() === 'watermelon_ice',
      },
      {
        edit: 'shipping fees',
        run: () => admin.admin.store.setShipping.mutate({ defaultFee: '25.00', byCountry: [] }),
        shows: (c) => c.shipping.defaultFee === '25.00',
      },
      {
        edit: 'the vape countries',
        run: () => admin.admin.store.setVapeCountries.mutate({ countries: ['SE'] }),
        shows: (c) => c.vapeCountries.join() === 'SE',
      },
    ];

    it.each(edits)('instance B shows $edit edited on instance A at once', async ({ run, shows }) => {
      await bServesFromCache();
      expect(shows(await catalogOnB())).toBe(false);
      await run();
      expect(shows(await answerOnceSettled(catalogOnB, shows))).toBe(true);
    });
  },
);
