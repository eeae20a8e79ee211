import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor } from '../support/helpers';
import { signInSolana } from '../support/signin';
import { solanaWallet } from '../support/wallets';

const redisUrl = process.env.TEST_REDIS_URL;
const postgres = testDatabases().find((d) => d.name === 'postgres');

/** The sources of one directive of a page answer's CSP, e.g. `img-src`. */
async function sourcesOn(server: TestServer, name: string, path = '/'): Promise<string[]> {
  const response = await fetch(`${server.url}${path}`);
  await response.body?.cancel();
  const csp = response.headers.get('content-security-policy') ?? '';
  const found = csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name);
  return found?.slice(1) ?? [];
}

/** Asks again every 25 ms, 40 times at most: only the announcement through the store can change the answer. */
async function settled<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  let answer = await ask();
  for (let i = 0; i < 40 && !done(answer); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    answer = await ask();
  }
  return answer;
}

const databases = [
  {
    label: 'sqlite',
    create: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'puffy-media-hosts-'));
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
 * A host an operator saves in Settings is allowed by the CSP of every instance's next answer, beside
 * MEDIA_HOSTS, and leaves it when removed (docs/runbooks/observability.md, the content security policy).
 */
describe.skipIf(!redisUrl).each(databases)(
  'media hosts in the CSP across two instances on $label [redis]',
  (database) => {
    let a: TestServer;
    let b: TestServer;
    let drop: () => Promise<void>;
    const adminWallet = solanaWallet();
    let admin: ReturnType<typeof clientFor<AppRouter>>;
    const both = () => [a, b];

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
        MEDIA_HOSTS: 'static.example.org',
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

    it('allows a saved host on both instances, pages and /trpc alike, and takes it away when removed', async () => {
      for (const server of both()) {
        expect(await sourcesOn(server, 'img-src')).not.toContain('https://cdn.example.com');
      }
      await admin.admin.settings.setMediaHosts.mutate({ hosts: ['cdn.example.com'] });
      for (const server of both()) {
        for (const [directive, path] of [
          ['img-src', '/'],
          ['media-src', '/'],
          ['img-src', '/trpc/system.version'],
        ] as const) {
          const sources = await settled(
            () => sourcesOn(server, directive, path),
            (s) => s.includes('https://cdn.example.com'),
          );
          expect(sources).toContain('https://cdn.example.com');
          expect(sources).toContain('https://static.example.org');
        }
      }
      await admin.admin.settings.setMediaHosts.mutate({ hosts: [] });
      for (const server of both()) {
        const sources = await settled(
          () => sourcesOn(server, 'media-src'),
          (s) => !s.includes('https://cdn.example.com'),
        );
        expect(sources).toEqual(["'self'", 'https://static.example.org']);
      }
    });

    it('refuses a bad host and leaves every CSP as it was', async () => {
      await admin.admin.settings.setMediaHosts.mutate({ hosts: ['cdn.example.com'] });
      const before = await Promise.all(
        both().map((server) =>
          settled(
            () => sourcesOn(server, 'media-src'),
            (s) => s.includes('https://cdn.example.com'),
          ),
        ),
      );
      await expect(
        admin.admin.settings.setMediaHosts.mutate({
          hosts: ['cdn.example.com', "evil.example.com 'unsafe-inline'"],
        }),
      ).rejects.toThrow();
      expect(await admin.admin.settings.mediaHosts.query()).toEqual({ hosts: ['cdn.example.com'] });
      // A later save is announced after the refused one would have been: once it shows, nothing else did.
      await admin.admin.settings.setMediaHosts.mutate({ hosts: ['cdn.example.com', 'img.example.net'] });
      for (const [i, server] of both().entries()) {
        const after = await settled(
          () => sourcesOn(server, 'media-src'),
          (s) => s.includes('https://img.example.net'),
        );
        expect(after).toEqual([...(before[i] ?? []), 'https://img.example.net']);
      }
    });
  },
);
