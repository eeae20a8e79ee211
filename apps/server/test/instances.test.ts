import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { clientFor, failure } from './support/helpers';
import { solanaWallet } from './support/wallets';

const redisUrl = process.env.TEST_REDIS_URL;
const postgres = testDatabases().find((d) => d.name === 'postgres');

/**
 * Two server instances behind one load balancer: they share the database and Redis, and nothing
 * else. A challenge issued by one is consumed by the other; revocation reaches both at once.
 */
describe.skipIf(!redisUrl)('two instances sharing Redis [redis]', () => {
  let a: TestServer;
  let b: TestServer;
  let dropDatabase: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    let databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), 'puffy-shared-')), 'shared.sqlite')}`;
    if (postgres) {
      const created = await postgres.create();
      databaseUrl = created.url;
      dropDatabase = created.drop;
      await created.db.close();
    }
    // Both sit behind one load balancer: one public origin, as in production.
    const env = {
      PUBLIC_ORIGIN: 'https://rewards.example.test',
      TRUST_PROXY: 'true',
      REDIS_URL: redisUrl ?? '',
      REDIS_PREFIX: `test-${crypto.randomUUID()}:`,
      DATABASE_URL: databaseUrl,
    };
    a = await startTestServer({ env });
    b = await startTestServer({ env });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropDatabase?.();
  });

  it('verifies on one instance a challenge issued by the other, and refuses the replay on either', async () => {
    const wallet = solanaWallet();
    const challenge = await clientFor<AppRouter>(a.url).auth.challenge.mutate({
      chain: 'sol',
      address: wallet.address,
    });
    const proof = {
      chain: 'sol' as const,
      address: wallet.address,
      signature: wallet.signMessage(challenge.message),
    };
    const session = await clientFor<AppRouter>(b.url).auth.verify.mutate({
      challengeId: challenge.challengeId,
      proof,
      delivery: 'body',
    });
    expect(session.user.walletAddress).toBe(wallet.address);
    for (const server of [a, b]) {
      const replay = await failure(
        clientFor<AppRouter>(server.url).auth.verify.mutate({ challengeId: challenge.challengeId, proof }),
      );
      expect(replay.data?.reason).toBe('challenge_used');
    }
  });

  it('a logout on one instance is refused at once by the other', async () => {
    const wallet = solanaWallet();
    const challenge = await clientFor<AppRouter>(a.url).auth.challenge.mutate({
      chain: 'sol',
      address: wallet.address,
    });
    const session = await clientFor<AppRouter>(a.url).auth.verify.mutate({
      challengeId: challenge.challengeId,
      proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
      delivery: 'body',
    });
    const onA = clientFor<AppRouter>(a.url, { headers: { authorization: `Bearer ${session.accessToken}` } });
    const onB = clientFor<AppRouter>(b.url, { headers: { authorization: `Bearer ${session.accessToken}` } });
    expect((await onB.auth.session.query()).signedIn).toBe(true);
    await onA.auth.logout.mutate();
    expect((await onB.auth.session.query()).signedIn).toBe(false);
  });

  it('shares rate limits between instances', async () => {
    const wallet = solanaWallet();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        clientFor<AppRouter>((i % 2 ? a : b).url, {
          headers: { 'x-forwarded-for': '10.9.9.9' },
        }).auth.challenge.mutate({
          chain: 'sol',
          address: wallet.address,
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
  });

  it('reports postgres and redis in system.version', async () => {
    const version = await clientFor<AppRouter>(a.url).system.version.query();
    expect(version.store).toBe('redis');
    expect(version.database).toBe(postgres ? 'postgres' : 'sqlite');
  });
});
