import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from '../../../../packages/api/test/support/campaign';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor } from '../support/helpers';
import { signInSolana } from '../support/signin';
import { solanaWallet } from '../support/wallets';

const redisUrl = process.env.TEST_REDIS_URL;
const postgres = testDatabases().find((d) => d.name === 'postgres');

/** The pub/sub message reaches the other instance after this turn; this waits for it, briefly. */
async function answerOnceSettled<T>(ask: () => Promise<T>, settled: (answer: T) => boolean): Promise<T> {
  let answer = await ask();
  // Far below the rules cache's 5 s lifetime, so only the announcement can change the answer.
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
      const dir = mkdtempSync(join(tmpdir(), 'puffy-full-'));
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
 * A campaign that has just filled on one instance says "full" at once on the other, whose cached rules
 * still carried the old count.
 */
describe.skipIf(!redisUrl).each(databases)(
  'a full campaign across two instances on $label [redis]',
  (database) => {
    let a: TestServer;
    let b: TestServer;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      const created = await database.create();
      drop = created.drop;
      const env = {
        PUBLIC_ORIGIN: 'https://rewards.example.test',
        TRUST_PROXY: 'true',
        REDIS_URL: redisUrl ?? '',
        REDIS_PREFIX: `test-${crypto.randomUUID()}:`,
        DATABASE_URL: created.url,
      };
      a = await startTestServer({ env });
      b = await startTestServer({ env });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await drop?.();
    });

    it('tells a guest and eligibility.first "full" right after the last place is taken on the other instance', async () => {
      const campaign = await createCampaign(a.deps.db, {
        methods: ['bypass'],
        limit: 1,
        startAt: null,
        endAt: null,
      });
      const guest = solanaWallet().address;
      const member = solanaWallet();
      const { db, t } = a.deps.db;
      await db.insert(t.campaignAllowlist).values([
        { campaignId: campaign.id, address: guest },
        { campaignId: campaign.id, address: member.address },
      ]);
      const onA = clientFor<AppRouter>(a.url, { headers: { 'x-forwarded-for': '10.41.0.1' } });
      const dryRun = () =>
        onA.campaign.checkEligibleDryRun.query({
          campaignId: campaign.id,
          wallet: { chain: 'sol', address: guest },
        });
      const first = () =>
        onA.eligibility.first.query({ campaignIds: [campaign.id], wallet: { chain: 'sol', address: guest } });
      // Instance A reads the rules now, with the place still free, and keeps them.
      expect((await dryRun()).reason).toBe('eligible');
      expect((await first()).firstEligibleCampaignId).toBe(campaign.id);

      const { session } = await signInSolana(b.url, member);
      const onB = clientFor<AppRouter>(b.url, {
        headers: { authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': '10.41.0.2' },
      });
      expect(await onB.campaign.checkEligible.mutate({ campaignId: campaign.id })).toMatchObject({
        recorded: true,
      });

      expect((await answerOnceSettled(dryRun, (answer) => answer.reason === 'campaign_full')).reason).toBe(
        'campaign_full',
      );
      expect((await first()).answers[0]?.reason).toBe('campaign_full');
    });
  },
);
