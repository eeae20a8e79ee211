import { announcePublicEdit, publicEditGeneration, publicProcedure } from '@puffy/api';
import { createMemoryStore, createRedisStore, type Store } from '@puffy/store';
import { type AnyTRPCProcedure, TRPCError } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import { publicAnswers } from '../../src/http/public-answers';
import type { CallResult } from '../../src/http/trpc-call';
import type { FastCall } from '../../src/http/trpc-fast';

/*
 * The public answers' copies (src/http/public-answers.ts), driven directly: which calls are kept, and
 * that an edit on any instance drops them (the copies here live a minute, so only an edit can explain
 * a fresh answer). The server-level behaviour (ETag, rate limit per call, an operator's edit seen at
 * once) is in public-answers-server.test.ts.
 */

const page = publicProcedure.meta({ publicCacheSeconds: 10 }).query(() => 'unused') as AnyTRPCProcedure;
const limited = publicProcedure
  .meta({ publicCacheSeconds: 10, rateLimit: { points: 5, durationSeconds: 60 } })
  .query(() => 'unused') as AnyTRPCProcedure;
const uncached = publicProcedure.query(() => 'unused') as AnyTRPCProcedure;

const callOf = (procedure: AnyTRPCProcedure, isBatch = false): FastCall => ({
  paths: ['page'],
  procedures: [procedure],
  isBatch,
  queryInput: null,
});

/** A resolver that counts its runs and answers a new object each time. */
function counter() {
  let runs = 0;
  return {
    runs: () => runs,
    run: async (): Promise<CallResult> => {
      runs += 1;
      return { ok: true, data: { run: runs } };
    },
  };
}

async function listening(store: Store): Promise<void> {
  for (let i = 0; i < 200 && publicEditGeneration(store) === null; i += 1) {
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(publicEditGeneration(store)).not.toBeNull();
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

function ask(cache: ReturnType<typeof publicAnswers>, count: ReturnType<typeof counter>, input: unknown) {
  const shortcut = cache.shortcutFor(callOf(page), 0, async () => input);
  if (!shortcut) throw new Error('a public page should be kept');
  expect(shortcut.at).toBe(1);
  return shortcut.answer(count.run);
}

describe('public answers kept in memory', () => {
  it('keeps only public queries without a rate rule of their own, per input, and not failures', async () => {
    const store = createMemoryStore();
    const cache = publicAnswers(store, { maxAgeMs: 60_000 });
    expect(cache.shortcutFor(callOf(limited), 0, async () => ({}))).toBeUndefined();
    expect(cache.shortcutFor(callOf(uncached), 0, async () => ({}))).toBeUndefined();
    expect(cache.shortcutFor(callOf(page, true), 0, async () => ({}))).toBeDefined();

    const count = counter();
    // Nothing is kept before the edits of other instances can be heard.
    await ask(cache, count, { page: 1 });
    await listening(store);
    const first = await ask(cache, count, { page: 1 });
    const again = await ask(cache, count, { page: 1 });
    expect(again).toEqual(first);
    expect(count.runs()).toBe(2);
    await ask(cache, count, { page: 2 });
    expect(count.runs()).toBe(3);

    const failing = cache.shortcutFor(callOf(page), 0, async () => ({ page: 3 }));
    let failures = 0;
    const fail = async (): Promise<CallResult> => {
      failures += 1;
      return { ok: false, error: new TRPCError({ code: 'NOT_FOUND' }) };
    };
    await failing?.answer(fail);
    await failing?.answer(fail);
    expect(failures).toBe(2);

    // Input that does not parse goes to the chain, which refuses it as it always did.
    const broken = cache.shortcutFor(callOf(page), 0, async () => {
      throw new Error('not JSON');
    });
    await broken?.answer(count.run);
    expect(count.runs()).toBe(4);
    await store.close();
  });

  it('drops its copies at their age, and does not keep an answer computed across an edit', async () => {
    const store = createMemoryStore();
    await listening(store);
    const young = publicAnswers(store, { maxAgeMs: 40 });
    const count = counter();
    await ask(young, count, {});
    await ask(young, count, {});
    expect(count.runs()).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    await ask(young, count, {});
    expect(count.runs()).toBe(2);

    const cache = publicAnswers(store, { maxAgeMs: 60_000 });
    const racing = counter();
    const shortcut = cache.shortcutFor(callOf(page), 0, async () => 'raced');
    await shortcut?.answer(async () => {
      const result = await racing.run();
      await announcePublicEdit(store);
      return result;
    });
    await shortcut?.answer(racing.run);
    expect(racing.runs()).toBe(2);
    await store.close();
  });

  const redisUrl = process.env.TEST_REDIS_URL;
  describe.skipIf(!redisUrl)('across instances sharing Redis [redis]', () => {
    const prefix = `test-answers-${crypto.randomUUID()}:`;
    const stores: Store[] = [];
    afterAll(async () => {
      for (const store of stores) await store.close();
    });

    it('an edit announced on one instance drops the copies of every instance', async () => {
      const a = createRedisStore({ url: redisUrl ?? '', prefix });
      const b = createRedisStore({ url: redisUrl ?? '', prefix });
      stores.push(a, b);
      await listening(a);
      await listening(b);
      const onA = publicAnswers(a, { maxAgeMs: 60_000 });
      const onB = publicAnswers(b, { maxAgeMs: 60_000 });
      const countA = counter();
      const countB = counter();
      await ask(onA, countA, { slug: 'x' });
      await ask(onB, countB, { slug: 'x' });
      await ask(onA, countA, { slug: 'x' });
      await ask(onB, countB, { slug: 'x' });
      expect([countA.runs(), countB.runs()]).toEqual([1, 1]);

      // The instance that made the edit drops its copy at once; the other on hearing of it.
      await announcePublicEdit(a);
      await ask(onA, countA, { slug: 'x' });
      expect(countA.runs()).toBe(2);
      await until(() => (publicEditGeneration(b) ?? 0) > 0);
      await ask(onB, countB, { slug: 'x' });
      expect(countB.runs()).toBe(2);

      // The campaign rules' and the catalog's own announcements count as edits too.
      const before = publicEditGeneration(a) ?? 0;
      await b.publish('eligibility:rules:invalidate', '7');
      await until(() => (publicEditGeneration(a) ?? 0) > before);
      const beforeCatalog = publicEditGeneration(a) ?? 0;
      await b.publish('store:catalog:invalidate', '*');
      await until(() => (publicEditGeneration(a) ?? 0) > beforeCatalog);
      await ask(onA, countA, { slug: 'x' });
      expect(countA.runs()).toBe(3);
    });
  });
});
