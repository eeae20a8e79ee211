import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../src/index';
import {
  createEffectTables,
  effectsOf,
  harness,
  recordEffect,
  recordRun,
  runsOf,
  sleep,
  type TestDatabase,
  testDatabases,
  uniqueName,
  waitFor,
} from './support/jobs';

describe.each(testDatabases())('jobs on $label', ({ create }) => {
  let database: TestDatabase;
  const h = harness(() => database);
  beforeAll(async () => {
    database = await create();
    await createEffectTables(database.db);
  });
  afterEach(() => h.cleanup());
  afterAll(async () => {
    await database?.drop();
  });

  it('runs a job with its payload', async () => {
    const job = defineJob({
      name: uniqueName('greet'),
      payload: z.object({ who: z.string(), times: z.number() }),
    });
    const jobs = h.jobs();
    const seen: unknown[] = [];
    jobs.worker.register(job, async (payload, ctx) => {
      seen.push({ payload, attempt: ctx.attempt, id: ctx.jobId });
    });
    await jobs.worker.start();
    const id = await jobs.queue.enqueue(job, { who: 'ada', times: 2 });
    expect(id).toEqual(expect.any(String));
    await waitFor(
      () => seen.length,
      (n) => n === 1,
      { what: 'the job to run' },
    );
    expect(seen).toEqual([{ payload: { who: 'ada', times: 2 }, attempt: 1, id }]);
  });

  it('refuses a payload its schema refuses at enqueue, with the zod error', async () => {
    const job = defineJob({
      name: uniqueName('strict'),
      payload: z.object({ n: z.number().int().positive() }),
    });
    const dated = defineJob({ name: uniqueName('dated'), payload: z.object({ at: z.date() }) });
    const jobs = h.jobs();
    let calls = 0;
    jobs.worker.register(job, async () => {
      calls += 1;
    });
    jobs.worker.register(dated, async () => {
      calls += 1;
    });
    await jobs.worker.start();
    await expect(jobs.queue.enqueue(job, { n: -1 })).rejects.toBeInstanceOf(z.ZodError);
    // A payload that would not survive JSON storage is refused too, not found out by the worker.
    await expect(jobs.queue.enqueue(dated, { at: new Date() })).rejects.toBeInstanceOf(z.ZodError);
    await jobs.queue.enqueue(job, { n: 1 });
    await waitFor(
      () => calls,
      (n) => n === 1,
      { what: 'the valid job' },
    );
    await sleep(150);
    expect(calls).toBe(1);
  });

  it('sends a payload its schema refuses at receipt straight to the dead letters, unretried', async () => {
    const name = uniqueName('drifted');
    const loose = defineJob({ name, payload: z.object({ n: z.number() }) });
    const strict = defineJob({ name, payload: z.object({ n: z.number().positive() }), retryLimit: 3 });
    const jobs = h.jobs();
    let calls = 0;
    jobs.worker.register(strict, async () => {
      calls += 1;
    });
    await jobs.worker.start();
    const id = await jobs.queue.enqueue(loose, { n: -5 });
    const [dead] = await waitFor(
      () => jobs.deadLetters({ job: name }),
      (rows) => rows.length === 1,
      { what: 'the dead letter' },
    );
    expect(calls).toBe(0);
    expect(dead?.payload).toEqual({ n: -5 });
    expect(dead?.error).toContain('payload rejected by its schema');
    expect(dead?.error).toMatch(/expected number to be >0[\s\S]*n/);
    if (database.url.startsWith('file:')) expect(dead?.id).toBe(id);
  });

  it('retries a throwing handler with growing delays, then dead-letters it with its error', async () => {
    const job = defineJob({
      name: uniqueName('flaky'),
      payload: z.object({ k: z.string() }),
      retryLimit: 2,
      retryDelaySeconds: 1,
      retryBackoff: true,
    });
    const jobs = h.jobs();
    const attempts: { attempt: number; at: number }[] = [];
    jobs.worker.register(job, async (_payload, ctx) => {
      attempts.push({ attempt: ctx.attempt, at: Date.now() });
      throw new Error(`boom on attempt ${ctx.attempt}`);
    });
    await jobs.worker.start();
    await jobs.queue.enqueue(job, { k: 'x' });
    const [dead] = await waitFor(
      () => jobs.deadLetters({ job: job.name }),
      (rows) => rows.length === 1,
      { what: 'the dead letter', timeoutMs: 20_000 },
    );
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(dead?.error).toBe('boom on attempt 3');
    expect(dead?.payload).toEqual({ k: 'x' });
    const [first, second, third] = attempts.map((a) => a.at);
    // Backoff: the first retry waits 1–2 s, the second 2–4 s (a fixed delay would wait 1 s both times).
    expect(second! - first!).toBeGreaterThanOrEqual(950);
    expect(third! - second!).toBeGreaterThanOrEqual(1950);
    await sleep(300);
    expect(attempts).toHaveLength(3);
    expect((await jobs.stats()).dead).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('a job enqueued in a transaction that rolls back never runs; one that commits runs', async () => {
    const job = defineJob({ name: uniqueName('tx'), payload: z.object({ key: z.string() }) });
    const jobs = h.jobs();
    const { db } = database;
    const prefix = `${job.name}:`;
    jobs.worker.register(job, async ({ key }, ctx) => {
      await recordRun(db, db.db, { key, worker: 'w', attempt: ctx.attempt });
    });
    const rolledBack = db.withTransaction(async (tx) => {
      await recordEffect(db, tx, { key: `${prefix}change-a`, worker: 'app' });
      await jobs.queue.enqueue(job, { key: `${prefix}a` }, { tx });
      throw new Error('the change failed');
    });
    await expect(rolledBack).rejects.toThrow('the change failed');
    await db.withTransaction(async (tx) => {
      await recordEffect(db, tx, { key: `${prefix}change-b`, worker: 'app' });
      await jobs.queue.enqueue(job, { key: `${prefix}b` }, { tx });
    });
    await jobs.worker.start();
    await waitFor(
      () => runsOf(db, prefix),
      (runs) => runs.length >= 1,
      { what: 'the committed job' },
    );
    await sleep(200);
    expect((await runsOf(db, prefix)).map((r) => r.key)).toEqual([`${prefix}b`]);
    expect(await effectsOf(db, prefix)).toEqual([`${prefix}change-b`]);
  });

  it('dedupes by singletonKey while a job is queued or running, and frees the key once done', async () => {
    const job = defineJob({ name: uniqueName('single'), payload: z.object({ n: z.number() }) });
    const jobs = h.jobs();
    const ran: number[] = [];
    jobs.worker.register(job, async ({ n }) => {
      ran.push(n);
    });
    const first = await jobs.queue.enqueue(job, { n: 1 }, { singletonKey: 'order-1' });
    const second = await jobs.queue.enqueue(job, { n: 2 }, { singletonKey: 'order-1' });
    const other = await jobs.queue.enqueue(job, { n: 3 }, { singletonKey: 'order-2' });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(other).toEqual(expect.any(String));
    await jobs.worker.start();
    await waitFor(
      () => ran.length,
      (n) => n === 2,
      { what: 'both keys to run' },
    );
    await waitFor(
      () => jobs.stats(),
      (s) => s.running === 0 && s.queued === 0,
      { what: 'the jobs to finish' },
    );
    const again = await jobs.queue.enqueue(job, { n: 4 }, { singletonKey: 'order-1' });
    expect(again).toEqual(expect.any(String));
    await waitFor(
      () => ran.length,
      (n) => n === 3,
      { what: 'the key to run again' },
    );
    expect([...ran].sort()).toEqual([1, 3, 4]);
  });

  it('singletonKey holds against concurrent enqueues in separate transactions', async () => {
    const job = defineJob({ name: uniqueName('race'), payload: z.object({ n: z.number() }) });
    const jobs = h.jobs();
    await jobs.prepare([job]);
    const ids = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        database.db.withTransaction(async (tx) => {
          const id = await jobs.queue.enqueue(job, { n }, { singletonKey: 'same', tx });
          // Held open, so the others enqueue while this insert is not yet committed.
          await sleep(50);
          return id;
        }),
      ),
    );
    expect(ids.filter((id) => id !== null)).toHaveLength(1);
  });

  it('does not start a job before startAfter', async () => {
    const job = defineJob({ name: uniqueName('later'), payload: z.object({}) });
    const jobs = h.jobs();
    let ranAt = 0;
    jobs.worker.register(job, async () => {
      ranAt = Date.now();
    });
    await jobs.worker.start();
    const startAfter = new Date(Date.now() + 1200);
    await jobs.queue.enqueue(job, {}, { startAfter });
    expect((await jobs.stats()).scheduled).toBeGreaterThanOrEqual(1);
    await waitFor(
      () => ranAt,
      (at) => at > 0,
      { what: 'the delayed job' },
    );
    expect(ranAt).toBeGreaterThanOrEqual(startAfter.getTime() - 20);
  });
});
