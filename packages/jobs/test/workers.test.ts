import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../src/index';
import { simulateCrash } from '../src/testing';
import {
  createEffectTables,
  effectsOf,
  gate,
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

describe.each(testDatabases())('job workers on $label', ({ create }) => {
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

  it('two workers on one database run each of 50 jobs exactly once', async () => {
    const job = defineJob({ name: uniqueName('fanout'), payload: z.object({ key: z.string() }) });
    const prefix = `${job.name}:`;
    const handles = [database.db, h.otherHandle()];
    const workers = handles.map((db, i) => {
      const jobs = h.jobs({ workerId: `w${i}` }, db);
      jobs.worker.register(
        job,
        async ({ key }, ctx) => {
          await sleep(5);
          await recordRun(db, db.db, { key, worker: `w${i}`, attempt: ctx.attempt });
        },
        { concurrency: 4 },
      );
      return jobs;
    });
    const [first] = workers;
    await first!.prepare([job]);
    for (let n = 0; n < 50; n += 1)
      await first!.queue.enqueue(job, { key: `${prefix}${String(n).padStart(2, '0')}` });
    await Promise.all(workers.map((jobs) => jobs.worker.start()));
    const runs = await waitFor(
      () => runsOf(database.db, prefix),
      (r) => r.length >= 50,
      { what: '50 runs' },
    );
    await sleep(300);
    const settled = await runsOf(database.db, prefix);
    expect(settled).toHaveLength(50);
    expect(new Set(settled.map((r) => r.key)).size).toBe(50);
    expect(settled.every((r) => r.attempt === 1)).toBe(true);
    // Both took part, so the claims really raced.
    expect(new Set(runs.map((r) => r.worker))).toEqual(new Set(['w0', 'w1']));
  });

  it('a job whose worker dies mid-run runs again on another worker, its effect once', async () => {
    const job = defineJob({
      name: uniqueName('orphan'),
      payload: z.object({ key: z.string() }),
      expireInSeconds: 1,
      retryDelaySeconds: 0,
      retryBackoff: false,
    });
    const key = `${job.name}:effect`;
    const { db } = database;
    const started = gate();
    const doomed = h.jobs({ workerId: 'doomed' });
    doomed.worker.register(job, async (payload, ctx) => {
      await recordRun(db, db.db, { key: payload.key, worker: 'doomed', attempt: ctx.attempt });
      await recordEffect(db, db.db, { key: payload.key, worker: 'doomed' });
      started.open();
      await new Promise<never>(() => {});
    });
    await doomed.worker.start();
    await doomed.queue.enqueue(job, { key });
    await started.promise;
    await simulateCrash(doomed);

    const survivor = h.jobs({ workerId: 'survivor' }, h.otherHandle());
    const attempts: number[] = [];
    survivor.worker.register(job, async (payload, ctx) => {
      attempts.push(ctx.attempt);
      await recordRun(db, db.db, { key: payload.key, worker: 'survivor', attempt: ctx.attempt });
      await recordEffect(db, db.db, { key: payload.key, worker: 'survivor' });
    });
    await survivor.worker.start();
    await waitFor(
      () => attempts.length,
      (n) => n === 1,
      { what: 'the survivor to take the job', timeoutMs: 20_000 },
    );
    await waitFor(
      () => survivor.stats(),
      (s) => s.running === 0 && s.queued === 0,
      { what: 'the job to finish' },
    );
    expect(await runsOf(db, key)).toEqual([
      { key, worker: 'doomed', attempt: 1 },
      { key, worker: 'survivor', attempt: 2 },
    ]);
    expect(await effectsOf(db, key)).toEqual([key]);
  }, 30_000);

  it('a handler that outlives its lease has its signal aborted and its job retried', async () => {
    const job = defineJob({
      name: uniqueName('slow'),
      payload: z.object({}),
      expireInSeconds: 1,
      retryDelaySeconds: 0,
      retryBackoff: false,
    });
    const jobs = h.jobs();
    const aborted: number[] = [];
    const attempts: number[] = [];
    jobs.worker.register(job, async (_payload, ctx) => {
      attempts.push(ctx.attempt);
      if (ctx.attempt > 1) return;
      await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
      aborted.push(ctx.attempt);
    });
    await jobs.worker.start();
    await jobs.queue.enqueue(job, {});
    await waitFor(
      () => attempts,
      (a) => a.length === 2,
      { what: 'the retry' },
    );
    expect(aborted).toEqual([1]);
    expect(attempts).toEqual([1, 2]);
  });

  it('stop() lets running jobs finish, then takes no more', async () => {
    const job = defineJob({ name: uniqueName('drain'), payload: z.object({ key: z.string() }) });
    const { db } = database;
    const jobs = h.jobs();
    const started = gate();
    jobs.worker.register(job, async ({ key }, ctx) => {
      started.open();
      await sleep(300);
      await recordRun(db, db.db, { key, worker: 'w', attempt: ctx.attempt });
    });
    await jobs.worker.start();
    await jobs.queue.enqueue(job, { key: `${job.name}:a` });
    await started.promise;
    await jobs.worker.stop();
    expect(await runsOf(db, job.name)).toHaveLength(1);
    const after = await jobs.stats();
    expect(after.running).toBe(0);
    await jobs.queue.enqueue(job, { key: `${job.name}:b` });
    await sleep(200);
    expect(await runsOf(db, job.name)).toHaveLength(1);
    expect((await jobs.stats()).queued).toBeGreaterThanOrEqual(1);
  });

  it('stop() past its timeout aborts the handler and fails the attempt for a prompt retry', async () => {
    const job = defineJob({
      name: uniqueName('stuck'),
      payload: z.object({}),
      retryDelaySeconds: 0,
      retryBackoff: false,
    });
    const jobs = h.jobs();
    const started = gate();
    let abortedWith: unknown;
    jobs.worker.register(job, async (_payload, ctx) => {
      started.open();
      await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
      abortedWith = ctx.signal.reason;
    });
    await jobs.worker.start();
    await jobs.queue.enqueue(job, {});
    await started.promise;
    const t0 = Date.now();
    await jobs.worker.stop({ timeoutMs: 200 });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(abortedWith).toBe('stopped');
    const next = h.jobs();
    const attempts: number[] = [];
    next.worker.register(job, async (_payload, ctx) => {
      attempts.push(ctx.attempt);
    });
    await next.worker.start();
    await waitFor(
      () => attempts,
      (a) => a.length === 1,
      { what: 'the retry' },
    );
    expect(attempts).toEqual([2]);
  });
});

describe.each(testDatabases())('job engine start-up on $label', ({ create }) => {
  it('two instances booting at once on a fresh database both get ready and share the queue', async () => {
    const database = await create();
    const h = harness(() => database);
    try {
      const job = defineJob({ name: uniqueName('boot'), payload: z.object({ n: z.number() }) });
      const [a, b] = [h.jobs({}, database.db), h.jobs({}, h.otherHandle())];
      await Promise.all([a!.prepare([job]), b!.prepare([job])]);
      const ran: number[] = [];
      b!.worker.register(job, async ({ n }) => {
        ran.push(n);
      });
      await b!.worker.start();
      await a!.queue.enqueue(job, { n: 7 });
      await waitFor(
        () => ran,
        (r) => r.length === 1,
        { what: 'the job to run on the other instance' },
      );
      expect(ran).toEqual([7]);
    } finally {
      await h.cleanup();
      await database.drop();
    }
  });
});

describe.each(testDatabases())('job stats on $label', ({ create }) => {
  let database: TestDatabase;
  const h = harness(() => database);
  beforeAll(async () => {
    database = await create();
  });
  afterEach(() => h.cleanup());
  afterAll(async () => {
    await database?.drop();
  });

  it('counts queued, scheduled, running, failed and dead jobs, and the backlog age', async () => {
    const jobs = h.jobs();
    const empty = await jobs.stats();
    expect(empty).toEqual({
      queued: 0,
      scheduled: 0,
      running: 0,
      failed: 0,
      dead: 0,
      oldestQueuedAgeSeconds: null,
    });

    const held = defineJob({ name: uniqueName('held'), payload: z.object({ n: z.number() }) });
    const failing = defineJob({
      name: uniqueName('failing'),
      payload: z.object({}),
      retryLimit: 1,
      retryDelaySeconds: 60,
      retryBackoff: false,
    });
    const doomed = defineJob({ name: uniqueName('doomed'), payload: z.object({}), retryLimit: 0 });
    await jobs.queue.enqueue(held, { n: 1 });
    await jobs.queue.enqueue(held, { n: 2 });
    await jobs.queue.enqueue(held, { n: 3 }, { startAfter: new Date(Date.now() + 3_600_000) });
    await sleep(1100);
    const waiting = await jobs.stats();
    expect(waiting).toMatchObject({ queued: 2, scheduled: 1, running: 0, failed: 0, dead: 0 });
    expect(waiting.oldestQueuedAgeSeconds).toBeGreaterThanOrEqual(1);
    expect(waiting.oldestQueuedAgeSeconds).toBeLessThan(30);

    const release = gate();
    const running = gate();
    jobs.worker.register(
      held,
      async () => {
        running.open();
        await release.promise;
      },
      { concurrency: 1 },
    );
    jobs.worker.register(failing, async () => {
      throw new Error('not yet');
    });
    jobs.worker.register(doomed, async () => {
      throw new Error('never');
    });
    await jobs.worker.start();
    await running.promise;
    await jobs.queue.enqueue(failing, {});
    await jobs.queue.enqueue(doomed, {});
    const busy = await waitFor(
      () => jobs.stats(),
      (s) => s.failed === 1 && s.dead === 1,
      { what: 'one failed and one dead job' },
    );
    expect(busy).toMatchObject({ queued: 1, scheduled: 1, running: 1, failed: 1, dead: 1 });
    release.open();
    const drained = await waitFor(
      () => jobs.stats(),
      (s) => s.queued === 0 && s.running === 0,
      { what: 'the held jobs to finish' },
    );
    expect(drained).toEqual({
      queued: 0,
      scheduled: 1,
      running: 0,
      failed: 1,
      dead: 1,
      oldestQueuedAgeSeconds: null,
    });
  });
});
