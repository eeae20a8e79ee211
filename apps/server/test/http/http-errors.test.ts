import { botSignature, encryptBotSecret } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, startUserServer, type UserServer, variants } from '../support/user-harness';
import { solanaWallet } from '../support/wallets';

interface ErrorFields {
  code: string;
  httpStatus: number;
  reason: string | null;
  retryAfterSeconds: number | null;
  requestId: string | null;
}

/**
 * A plain HTTP route (outside tRPC) answers an error with the status and fields a procedure gives the
 * same error: one map for both (apps/server/src/http/access.ts, packages/api/src/trpc/error-status.ts).
 */
describe.each(variants())('errors of the plain HTTP routes on $label', (variant) => {
  let server: UserServer;
  let campaignId: number;
  const secret = `bot-secret-${crypto.randomUUID()}`;

  beforeAll(async () => {
    server = await startUserServer(variant);
    campaignId = await createCampaign(server.deps);
    await server.deps.db.db.insert(server.deps.db.t.discordBotSecrets).values({
      campaignId,
      secretEncrypted: encryptBotSecret(server.deps.auth.appSecret, secret),
    });
  });
  afterAll(() => server?.close());

  it('gives an export refused for want of a session the fields of a refused procedure', async () => {
    const route = await fetch(`${server.url}/admin/exports/members.csv`);
    const procedure = await fetch(`${server.url}/trpc/admin.auditLog?input=%7B%7D`);
    const routeError = ((await route.json()) as { error: ErrorFields }).error;
    const procedureError = ((await procedure.json()) as { error: { data: ErrorFields } }).error.data;
    expect(route.status).toBe(procedure.status);
    expect(routeError).toMatchObject({
      code: procedureError.code,
      httpStatus: procedureError.httpStatus,
      reason: procedureError.reason,
      retryAfterSeconds: null,
      requestId: route.headers.get('x-request-id'),
    });
  });

  it('answers a store outage during a bot request as a procedure does: 503 with a wait, not 500', async () => {
    const body = JSON.stringify({ campaignId, discordUserId: '223456789012345678', discordUsername: 'fan' });
    const timestamp = String(Math.floor(server.clock.now().getTime() / 1000));
    // The signature is checked against the database; the replay mark is the first write to the store.
    await server.deps.store.close();
    const route = await fetch(`${server.url}/bot/discord/codes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-bot-timestamp': timestamp,
        'x-bot-signature': botSignature(secret, timestamp, body),
      },
      body,
    });
    const procedure = await fetch(`${server.url}/trpc/auth.challenge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.66.0.1' },
      body: JSON.stringify({ chain: 'sol', address: solanaWallet().address }),
    });
    const routeError = ((await route.json()) as { error: ErrorFields }).error;
    const procedureError = ((await procedure.json()) as { error: { data: ErrorFields } }).error.data;
    expect(route.status).toBe(503);
    expect(procedure.status).toBe(503);
    expect(route.headers.get('retry-after')).toBe(String(procedureError.retryAfterSeconds));
    expect(routeError).toMatchObject({
      code: procedureError.code,
      reason: procedureError.reason,
      retryAfterSeconds: procedureError.retryAfterSeconds,
    });
  });
});
