import { type AppRouter, botSignature, encryptBotSecret } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor, failure } from '../support/helpers';
import { createCampaign, signedInMember } from '../support/user-harness';
import { codeIn, linkIn, startMailbox } from './support/mailbox';

describe('codes of linked accounts stay out of the logs', () => {
  let server: TestServer;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  beforeAll(async () => {
    mailbox = await startMailbox();
    server = await startTestServer({
      env: { SMTP_URL: mailbox.url, TRUST_PROXY: 'true', LOG_LEVEL: 'debug' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await mailbox?.close();
  });

  it('never logs an email code, a link token, a Discord code or a bot signature', async () => {
    const member = await signedInMember(server.url);
    const email = `logs-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await member.client.user.email.sendCode.mutate({ email });
    const mail = await mailbox.lastTo(email);
    const code = codeIn(mail);
    const token = linkIn(mail).searchParams.get('token') ?? '';
    await failure(
      member.client.user.email.verifyCode.mutate({ code: code === '999999' ? '000000' : '999999' }),
    );
    const anonymous = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.8.0.1' } });
    await anonymous.user.email.verifyLink.mutate({ token });

    const campaignId = await createCampaign(server.deps);
    const secret = `bot-${crypto.randomUUID()}`;
    await server.deps.db.db
      .insert(server.deps.db.t.discordBotSecrets)
      .values({ campaignId, secretEncrypted: encryptBotSecret(server.deps.auth.appSecret, secret) });
    const body = JSON.stringify({
      campaignId,
      discordUserId: '223456789012345678',
      discordUsername: 'logfan',
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = botSignature(secret, timestamp, body);
    const response = await fetch(`${server.url}/bot/discord/codes`, {
      method: 'POST',
      headers: {
        'x-bot-timestamp': timestamp,
        'x-bot-signature': signature,
        'content-type': 'application/json',
      },
      body,
    });
    const { code: discordCode } = (await response.json()) as { code: string };
    await member.client.campaign.discord.authDryRun.mutate({ campaignId, code: discordCode });
    await member.client.campaign.discord.auth.mutate({ campaignId, code: discordCode });

    const logged = JSON.stringify(server.logs);
    expect(server.logs.length).toBeGreaterThan(5);
    for (const secretValue of [code, token, discordCode, signature, secret]) {
      expect(logged).not.toContain(secretValue);
    }
  });
});
