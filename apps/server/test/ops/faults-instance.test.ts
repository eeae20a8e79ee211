import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startTestServer, type TestServer, testSecrets } from '../../src/testing';
import { clientFor } from '../support/helpers';
import { createCampaign } from '../support/promotion-harness';
import { signInSolana } from '../support/signin';
import { usAddress } from '../support/store-harness';
import { repoRoot } from './support/scripts';

const redisUrl = process.env.TEST_REDIS_URL;
const MEMBERS = 24;
/** Every instance started, so that a failing test still leaves none running. */
const spawned: ChildProcess[] = [];

/** A server instance in a process of its own, so that the test can kill it outright (SIGKILL). */
async function killableInstance(
  env: Record<string, string>,
): Promise<{ url: string; kill(): void; exited: Promise<void> }> {
  const port = await freePort();
  // node itself with tsx's loader, not the tsx CLI: the CLI runs the server in a child process of
  // its own, which a SIGKILL to the CLI would leave running.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'apps/server/src/main.ts')],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: 'ignore',
    },
  );
  spawned.push(child);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the instance exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      return { url, kill: () => child.kill('SIGKILL'), exited };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the killable instance did not become ready within 60 s');
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

const settle = <T>(call: () => Promise<T>): Promise<Outcome<T>> =>
  call().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

/**
 * Sends a third of the calls to the doomed instance and lets them finish; then, with `table` locked
 * against writes, sends the rest and kills the instance once at least one of them waits on that lock.
 * The lock makes "cut off mid-request" certain: killing after a count of answers raced the kill
 * signal against fast requests, and sometimes every request had been answered before it landed.
 */
async function burstThenKill<T>(
  database: TestServer['deps']['db'],
  table: 'orders' | 'user_nfts',
  calls: Array<() => Promise<T>>,
  kill: () => void,
): Promise<Outcome<T>[]> {
  const split = Math.ceil(calls.length / 3);
  const answered = await Promise.all(calls.slice(0, split).map(settle));
  let pending: Promise<Outcome<T>[]> = Promise.resolve([]);
  const { db } = database;
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`LOCK TABLE ${table} IN EXCLUSIVE MODE`));
    pending = Promise.all(calls.slice(split).map(settle));
    const until = Date.now() + 30_000;
    for (;;) {
      // Another connection than the lock's: pg_locks shows who waits on it.
      const result: unknown = await db.execute(
        sql.raw(
          `SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted AND relation = '${table}'::regclass`,
        ),
      );
      const waiting = Array.isArray(result) ? Number(result[0]?.waiting ?? 0) : 0;
      if (waiting > 0) break;
      if (Date.now() > until) throw new Error(`no request waited on ${table} within 30 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
    kill();
  });
  return [...answered, ...(await pending)];
}

/**
 * A server instance killed in the middle of requests (SIGKILL, no graceful stop) while members check
 * out and claim: each member's retry through the other instance, with the same idempotency key (or,
 * for a claim, simply again), finds what the first attempt made, or makes it once.
 */
// Several instances is the production shape (Postgres and Redis); SQLite is one process by design, and
// two processes on one SQLite file only measure its write lock, not the retry rule under test.
const postgres = testDatabases().filter((d) => d.name === 'postgres');

describe.skipIf(!redisUrl || postgres.length === 0).each(postgres.length > 0 ? postgres : testDatabases())(
  'an instance killed mid-request on $label [redis]',
  (factory) => {
    let survivor: TestServer;
    let drop: () => Promise<void> = async () => {};
    let env: Record<string, string>;

    beforeAll(async () => {
      const database = await factory.create();
      await database.db.close();
      drop = database.drop;
      env = {
        ...testSecrets(),
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl ?? '',
        REDIS_PREFIX: `killed-${crypto.randomUUID()}:`,
        PUBLIC_ORIGIN: 'http://rewards.example.test',
        TRUST_PROXY: 'true',
        MIGRATE_ON_START: 'false',
        RUN_WORKER: 'false',
        LOG_LEVEL: 'silent',
      };
      survivor = await startTestServer({ env: { ...env, SEED_DEMO: 'true' } });
    }, 120_000);
    afterAll(async () => {
      for (const child of spawned) if (child.exitCode === null) child.kill('SIGKILL');
      await survivor?.close();
      await drop();
    });

    const bearer = (url: string, token: string, ip: string) =>
      clientFor<AppRouter>(url, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': ip } });

    async function members(count: number) {
      return Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const { session } = await signInSolana(survivor.url);
          return { userId: session.user.id, token: session.accessToken ?? '', ip: `10.66.${count}.${i}` };
        }),
      );
    }

    it('a checkout retried with the same idempotency key makes one order', async () => {
      const people = await members(MEMBERS);
      const prepared = await Promise.all(
        people.map(async (m) => {
          const quote = await bearer(survivor.url, m.token, m.ip).device.quote.mutate({
            items: [{ kind: 'device', variant: 'vape', colorway: 'white', quantity: 1 }],
            country: 'US',
          });
          return { ...m, quoteId: quote.quoteId, idempotencyKey: crypto.randomUUID() };
        }),
      );
      const doomed = await killableInstance(env);
      const checkout = (url: string, m: (typeof prepared)[number]) =>
        bearer(url, m.token, m.ip).order.checkout.mutate({
          quoteId: m.quoteId,
          shippingAddress: usAddress,
          idempotencyKey: m.idempotencyKey,
        });
      const first = await burstThenKill(
        survivor.deps.db,
        'orders',
        prepared.map((m) => () => checkout(doomed.url, m)),
        doomed.kill,
      );
      await doomed.exited;
      // Some calls were answered before the kill and some were cut off by it.
      expect(first.some((r) => r.ok)).toBe(true);
      expect(first.some((r) => !r.ok)).toBe(true);
      const retried = await Promise.all(prepared.map((m) => checkout(survivor.url, m)));
      const { db, t } = survivor.deps.db;
      for (const [i, m] of prepared.entries()) {
        const answer = first[i];
        if (answer?.ok) expect(retried[i]?.id).toBe(answer.value.id);
        const orders = await db
          .select({ id: t.orders.id })
          .from(t.orders)
          .where(eq(t.orders.userId, m.userId));
        expect(orders.map((o) => o.id)).toEqual([retried[i]?.id]);
      }
    }, 180_000);

    it('a claim sent again after the instance died makes one claim', async () => {
      const { db, t } = survivor.deps.db;
      // A campaign of its own (the demo one asks for activities first), running now.
      const { campaignId, promotionId } = await createCampaign(survivor.deps, 'sol', { around: new Date() });
      const people = await members(MEMBERS);
      await db
        .insert(t.userCampaignEligibles)
        .values(people.map((m) => ({ userId: m.userId, campaignId, method: 'bypass' as const })));
      const input = { campaignId, promotionId };
      const doomed = await killableInstance(env);
      const first = await burstThenKill(
        survivor.deps.db,
        'user_nfts',
        people.map((m) => () => bearer(doomed.url, m.token, m.ip).promotion.complete.mutate(input)),
        doomed.kill,
      );
      await doomed.exited;
      // Some calls were answered before the kill and some were cut off by it.
      expect(first.some((r) => r.ok)).toBe(true);
      expect(first.some((r) => !r.ok)).toBe(true);
      const retried = await Promise.all(
        people.map((m) => bearer(survivor.url, m.token, m.ip).promotion.complete.mutate(input)),
      );
      for (const [i, m] of people.entries()) {
        const answer = first[i];
        if (answer?.ok) expect(retried[i]?.nftId).toBe(answer.value.nftId);
        const claims = await db
          .select({ id: t.userNfts.id })
          .from(t.userNfts)
          .where(and(eq(t.userNfts.userId, m.userId), eq(t.userNfts.promotionId, promotionId)));
        expect(claims.map((c) => c.id)).toEqual([retried[i]?.nftId]);
      }
    }, 180_000);
  },
);
