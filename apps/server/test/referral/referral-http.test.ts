import type { AppRouter } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { createCampaign } from '../support/activity-fixtures';
import { clientFor, failure } from '../support/helpers';
import { signInSolana } from '../support/signin';

type Client = ReturnType<typeof clientFor<AppRouter>>;

describe('referral procedures over HTTP', () => {
  let server: TestServer;
  let owner: Client;
  let ownerWallet: string;

  const signedIn = async (ip: string) => {
    const { session, wallet } = await signInSolana(server.url);
    const client = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': ip },
    });
    return { client, userId: session.user.id, wallet: wallet.address };
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: 'true', REFERRAL_DEFAULT_MAX_USES: '7' } });
    const signed = await signedIn('10.20.0.1');
    owner = signed.client;
    ownerWallet = signed.wallet;
  });
  afterAll(() => server.close());

  it('gives a member one own code, limited to the configured uses', async () => {
    const [first, second] = await Promise.all([
      owner.referral.myCode.mutate(),
      owner.referral.myCode.mutate(),
    ]);
    expect(first).toEqual(second);
    expect(first).toMatchObject({ type: 'limited', campaignId: null, maxUses: 7, uses: 0, remainingUses: 7 });
    expect(first.code).toMatch(/^[A-Z2-9]{8}$/);
  });

  it('redeems a code in a campaign and lists the relation from both sides, a page at a time', async () => {
    const { code } = await owner.referral.myCode.mutate();
    const campaignId = await createCampaign(server.deps);
    const referees: Client[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { client } = await signedIn(`10.20.1.${i + 1}`);
      const done = await client.referral.set.mutate({ campaignId, code: code.toLowerCase() });
      expect(done).toMatchObject({ campaignId, alreadyApplied: false });
      expect(done.referrerWalletShort).toBe(`${ownerWallet.slice(0, 4)}…${ownerWallet.slice(-4)}`);
      referees.push(client);
    }
    const page1 = await owner.referral.relations.query({ campaignId, limit: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await owner.referral.relations.query({
      campaignId,
      limit: 2,
      cursor: page1.nextCursor ?? '',
    });
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const ids = new Set([...page1.items, ...page2.items].map((r) => r.id));
    expect(ids.size).toBe(3);
    expect((await owner.referral.relations.query({})).items).toHaveLength(3);
    expect((await owner.referral.relations.query({ campaignId: campaignId + 1000 })).items).toHaveLength(0);
    const mine = await referees[0]?.referral.relations.query({ direction: 'referrer' });
    expect(mine?.items).toEqual([expect.objectContaining({ campaignId, code })]);
    expect((await owner.referral.myCode.mutate()).uses).toBe(3);
  });

  it('answers a bad code with field errors and changes nothing', async () => {
    const error = await failure(owner.referral.set.mutate({ code: 'x!' }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.data?.fieldErrors).toHaveProperty('code');
  });

  it('rate-limits referral.dryRun per IP, for guests too', async () => {
    const guest = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.20.9.9' } });
    for (let i = 0; i < 10; i += 1) {
      const answer = await guest.referral.dryRun.query({ code: `GUESS${1000 + i}` });
      expect(answer).toMatchObject({ valid: false, reason: 'unknown_code' });
    }
    const limited = await failure(guest.referral.dryRun.query({ code: 'GUESS2000' }));
    expect(limited.data?.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.data?.retryAfterSeconds).toBeGreaterThan(0);
    const elsewhere = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.20.9.10' } });
    expect(await elsewhere.referral.dryRun.query({ code: 'GUESS2000' })).toMatchObject({ valid: false });
  });

  it('rate-limits referral.set per member across IPs', async () => {
    const { session } = await signInSolana(server.url);
    const attempt = (i: number) =>
      clientFor<AppRouter>(server.url, {
        headers: { authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': `10.21.0.${i}` },
      }).referral.set.mutate({ code: `WRONG${1000 + i}` });
    for (let i = 0; i < 10; i += 1) expect((await failure(attempt(i))).data?.code).toBe('NOT_FOUND');
    expect((await failure(attempt(11))).data?.code).toBe('TOO_MANY_REQUESTS');
  });
});
