import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobs, defineJob } from '../../src/index';
import { type TestDatabase, testDatabases } from '../support/jobs';

const sqlite = testDatabases(undefined).filter((factory) => factory.name === 'sqlite');

describe.each(sqlite)('the SQLite runner on $label', ({ create }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await create();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('reads run times and leases from the injected clock', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const jobs = createJobs(database.db, { now: () => now, pollIntervalMs: 10 });
    const job = defineJob({ name: 'clock.tick', payload: z.object({}), expireInSeconds: 60 });
    await jobs.queue.enqueue(job, {}, { startAfter: new Date('2030-01-01T01:00:00Z') });
    expect(await jobs.stats()).toMatchObject({ queued: 0, scheduled: 1 });
    now = new Date('2030-01-01T01:00:30Z');
    expect(await jobs.stats()).toMatchObject({ queued: 1, scheduled: 0, oldestQueuedAgeSeconds: 30 });
    await jobs.close();
  });
});
