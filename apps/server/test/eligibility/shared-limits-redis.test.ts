import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from '../../../../packages/api/test/support/campaign';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor, failure } from '../support/helpers';
import { solanaWallet } from '../support/wallets';

const redisUrl = process.env.TEST_REDIS_URL;

/** The dry run's and eligibility.first's limits hold across instances: they count in Redis. */
describe.skipIf(!redisUrl)('eligibility limits shared by two instances [redis]', () => {
  let a: TestServer;
  let b: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'puffy-elig-shared-'));
  beforeAll(async () => {
    const env = {
      PUBLIC_ORIGIN: 'https://rewards.example.test',
      TRUST_PROXY: 'true',
      REDIS_URL: redisUrl ?? '',
      REDIS_PREFIX: `test-${crypto.randomUUID()}:`,
      DATABASE_URL: `file:${join(dir, 'shared.sqlite')}`,
    };
    a = await startTestServer({ env });
    b = await startTestServer({ env });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const api = (server: TestServer, ip: string) =>
    clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': ip } });

  it('20 dry runs a minute per IP in total, whichever instance answers', async () => {
    const campaign = await createCampaign(a.deps.db, {
      methods: ['sol'],
      startAt: new Date(Date.now() - 60_000),
      endAt: new Date(Date.now() + 86_400_000),
    });
    const input = {
      campaignId: campaign.id,
      wallet: { chain: 'sol' as const, address: solanaWallet().address },
    };
    for (let i = 0; i < 20; i += 1) {
      await api(i % 2 === 0 ? a : b, '10.40.0.1').campaign.checkEligibleDryRun.query(input);
    }
    expect((await failure(api(a, '10.40.0.1').campaign.checkEligibleDryRun.query(input))).data?.code).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect((await failure(api(b, '10.40.0.1').campaign.checkEligibleDryRun.query(input))).data?.code).toBe(
      'TOO_MANY_REQUESTS',
    );
  });

  it('eligibility.first spends its per-campaign points in the shared counter', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 20; i += 1) ids.push((await createCampaign(a.deps.db, { methods: ['bypass'] })).id);
    const input = { wallet: { chain: 'sol' as const, address: solanaWallet().address }, campaignIds: ids };
    await api(a, '10.40.0.2').eligibility.first.query(input);
    await api(b, '10.40.0.2').eligibility.first.query(input);
    await api(a, '10.40.0.2').eligibility.first.query(input);
    expect((await failure(api(b, '10.40.0.2').eligibility.first.query(input))).data?.code).toBe(
      'TOO_MANY_REQUESTS',
    );
  });
});
