import type { AppRouter } from '@puffy/api';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { addActivity, createCampaign } from '../support/activity-fixtures';
import { clientFor, failure } from '../support/helpers';

describe.each(testDatabases())('activity.list pages on $label', (factory) => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await factory.create({ migrate: false });
    server = await startTestServer({ env: { TRUST_PROXY: 'true', DATABASE_URL: database.url } });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('answers 20 activities by default and the rest through the cursor, each once, in order', async () => {
    const campaignId = await createCampaign(server.deps);
    const ids: number[] = [];
    for (let i = 0; i < 25; i += 1)
      ids.push(await addActivity(server.deps, [campaignId], { kind: 'manual' }));
    const guest = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.9.1.1' } });

    const first = await guest.activity.list.query({ campaignId });
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await guest.activity.list.query({ campaignId, cursor: first.nextCursor ?? undefined });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((a) => a.activityId)).toEqual(ids);

    const small = await guest.activity.list.query({ campaignId, limit: 10 });
    expect(small.items.map((a) => a.activityId)).toEqual(ids.slice(0, 10));

    const tooMany = await failure(guest.activity.list.query({ campaignId, limit: 101 }));
    expect(tooMany.data?.code).toBe('BAD_REQUEST');
    const forged = await failure(guest.activity.list.query({ campaignId, cursor: 'not-a-cursor' }));
    expect(forged.data?.code).toBe('BAD_REQUEST');
  });
});
