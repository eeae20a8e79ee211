import type { AppRouter } from '@puffy/api';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor, failure } from '../support/helpers';
import { signInSolana } from '../support/signin';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each([
  ['the fast handler', 'true'],
  ['the stock handler', 'false'],
])('request ids in security events, on %s', (_name, fastPath) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRPC_FAST_PATH: fastPath } });
  });
  afterAll(() => server.close());

  it("records the server's own request id, and the caller's in a field of its own", async () => {
    const { wallet, challenge } = await signInSolana(server.url);
    // Replaying the answered challenge is a security event; the caller names a request id of its choosing.
    const callerId = `victims-request-${crypto.randomUUID().slice(0, 8)}`;
    const replay = clientFor<AppRouter>(server.url, { headers: { 'x-request-id': callerId } });
    const refused = await failure(
      replay.auth.verify.mutate({
        challengeId: challenge.challengeId,
        proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
        delivery: 'body',
      }),
    );
    expect(refused.data?.code).toBe('UNAUTHORIZED');

    const { db, t } = server.deps.db;
    const events = await db
      .select()
      .from(t.securityEvents)
      .where(eq(t.securityEvents.type, 'challenge_replayed'));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.requestId).toMatch(UUID);
    expect(event?.requestId).toBe(refused.data?.requestId);
    expect(event?.detail).toMatchObject({ callerRequestId: callerId });
  });
});
