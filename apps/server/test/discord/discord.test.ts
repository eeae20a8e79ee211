import { botSignature, encryptBotSecret } from '@puffy/api';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failure } from '../support/helpers';
import {
  createCampaign,
  signedInMember,
  startUserServer,
  type UserServer,
  variants,
} from '../support/user-harness';

const reasonOf = (error: Awaited<ReturnType<typeof failure>>) =>
  (error.data as { reason?: string } | undefined)?.reason;

/** What the bot endpoint answers: a code, or an error with its reason. */
const ZBotAnswer = z.object({
  code: z.string().optional(),
  expiresAt: z.string().optional(),
  error: z.object({ reason: z.string().nullable() }).optional(),
});

let snowflake = 100_000_000_000_000_000n;
const discordUser = () => {
  snowflake += 1n;
  return { discordUserId: String(snowflake), discordUsername: `fan${snowflake % 10_000n}` };
};

describe.each(variants())('Discord bot codes on $label', (variant) => {
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

  const nowSeconds = () => String(Math.floor(server.clock.now().getTime() / 1000));

  async function botRequest(
    body: string,
    options: { timestamp?: string; key?: string; signature?: string } = {},
  ): Promise<{ status: number; json: z.infer<typeof ZBotAnswer> }> {
    const timestamp = options.timestamp ?? nowSeconds();
    const signature = options.signature ?? botSignature(options.key ?? secret, timestamp, body);
    const response = await fetch(`${server.url}/bot/discord/codes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-bot-timestamp': timestamp,
        'x-bot-signature': signature,
      },
      body,
    });
    return { status: response.status, json: ZBotAnswer.parse(await response.json()) };
  }

  async function issueCode(user = discordUser(), campaign = campaignId) {
    const { status, json } = await botRequest(JSON.stringify({ campaignId: campaign, ...user }));
    expect(status).toBe(201);
    if (!json.code) throw new Error('no code');
    return { code: json.code, user };
  }

  it('issues a code to a signed bot request, and the member links Discord with it once', async () => {
    const { code, user } = await issueCode();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const member = await signedInMember(server.url);
    const dry = await member.client.campaign.discord.authDryRun.mutate({
      campaignId,
      code: code.toLowerCase(),
    });
    expect(dry).toMatchObject({ valid: true, reason: null, discordUsername: user.discordUsername });
    const linked = await member.client.campaign.discord.auth.mutate({ campaignId, code });
    expect(linked).toEqual({
      discordId: user.discordUserId,
      discordUsername: user.discordUsername,
      campaignId,
    });
    expect((await member.client.user.info.query()).discord).toEqual({
      id: user.discordUserId,
      username: user.discordUsername,
    });
    const again = await failure(member.client.campaign.discord.auth.mutate({ campaignId, code }));
    expect(reasonOf(again)).toBe('discord_code_used');
    const dryUsed = await member.client.campaign.discord.authDryRun.mutate({ campaignId, code });
    expect(dryUsed.valid).toBe(false);
  });

  it('refuses a wrong signature, a stale or future timestamp, a replay and a missing signature', async () => {
    const body = JSON.stringify({ campaignId, ...discordUser() });
    const wrongKey = await botRequest(body, { key: 'not-the-secret' });
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.json.error?.reason).toBe('bot_signature');

    const old = String(Number(nowSeconds()) - 301);
    expect((await botRequest(body, { timestamp: old })).json.error?.reason).toBe('bot_stale');
    const future = String(Number(nowSeconds()) + 301);
    expect((await botRequest(body, { timestamp: future })).status).toBe(401);

    const timestamp = nowSeconds();
    expect((await botRequest(body, { timestamp })).status).toBe(201);
    const replay = await botRequest(body, { timestamp });
    expect(replay.status).toBe(409);
    expect(replay.json.error?.reason).toBe('bot_replay');

    const response = await fetch(`${server.url}/bot/discord/codes`, { method: 'POST', body });
    expect(response.status).toBe(401);

    const tampered = await botRequest(body, {
      signature: botSignature(secret, nowSeconds(), body.replace(String(campaignId), '999')),
    });
    expect(tampered.status).toBe(401);
  });

  it('refuses a signature a bot of another campaign made, and bad bodies', async () => {
    const other = await createCampaign(server.deps);
    const body = JSON.stringify({ campaignId: other, ...discordUser() });
    expect((await botRequest(body)).status).toBe(401);
    expect((await botRequest('{not json')).status).toBe(400);
    const bad = await botRequest(JSON.stringify({ campaignId, discordUserId: 'abc', discordUsername: '' }));
    expect(bad.status).toBe(400);
  });

  it('accepts a rotated-out secret during its grace period only', async () => {
    const campaign = await createCampaign(server.deps);
    const old = `old-${crypto.randomUUID()}`;
    const now = server.clock.now();
    await server.deps.db.db.insert(server.deps.db.t.discordBotSecrets).values([
      {
        campaignId: campaign,
        secretEncrypted: encryptBotSecret(server.deps.auth.appSecret, old),
        status: 'grace',
        graceUntil: new Date(now.getTime() + 60_000),
      },
      {
        campaignId: campaign,
        secretEncrypted: encryptBotSecret(server.deps.auth.appSecret, 'revoked-secret'),
        status: 'revoked',
      },
    ]);
    const body = () => JSON.stringify({ campaignId: campaign, ...discordUser() });
    expect((await botRequest(body(), { key: old })).status).toBe(201);
    expect((await botRequest(body(), { key: 'revoked-secret' })).status).toBe(401);
    server.clock.advance(61_000);
    try {
      expect((await botRequest(body(), { key: old })).status).toBe(401);
    } finally {
      server.clock.advance(-61_000);
    }
  });

  it('expires codes after 10 minutes (fixed clock)', async () => {
    const { code } = await issueCode();
    const member = await signedInMember(server.url);
    server.clock.advance(10 * 60 * 1000 + 1000);
    try {
      const expired = await failure(member.client.campaign.discord.auth.mutate({ campaignId, code }));
      expect(reasonOf(expired)).toBe('discord_code_expired');
    } finally {
      server.clock.advance(-(10 * 60 * 1000 + 1000));
    }
    const wrongCampaign = await failure(
      member.client.campaign.discord.auth.mutate({ campaignId: await createCampaign(server.deps), code }),
    );
    expect(wrongCampaign.data?.code).toBe('NOT_FOUND');
  });

  it('links one Discord account to one member only', async () => {
    const user = discordUser();
    const first = await issueCode(user);
    // The same body signed in the same second is the same request (a replay): the bot asks again later.
    server.clock.advance(1000);
    const second = await issueCode(user);
    const [a, b] = await Promise.all([signedInMember(server.url), signedInMember(server.url)]);
    await a.client.campaign.discord.auth.mutate({ campaignId, code: first.code });
    const taken = await failure(b.client.campaign.discord.auth.mutate({ campaignId, code: second.code }));
    expect(reasonOf(taken)).toBe('discord_taken');
    expect((await b.client.user.info.query()).discord).toBeNull();
    const dry = await b.client.campaign.discord.authDryRun.mutate({ campaignId, code: second.code });
    expect(dry.valid).toBe(false);
  });

  it('lets one of several members racing for one code use it', async () => {
    const { code } = await issueCode();
    const members = await Promise.all(Array.from({ length: 8 }, () => signedInMember(server.url)));
    const results = await Promise.allSettled(
      members.map((m) => m.client.campaign.discord.auth.mutate({ campaignId, code })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('refuses codes, at the bot and from members, once the campaign has ended or is archived', async () => {
    const { db, t } = server.deps.db;
    const closing = await createCampaign(server.deps);
    await db.insert(t.discordBotSecrets).values({
      campaignId: closing,
      secretEncrypted: encryptBotSecret(server.deps.auth.appSecret, secret),
    });
    const setCampaign = (fields: { endAt?: Date | null; archivedAt?: Date | null }) =>
      db.update(t.campaigns).set(fields).where(eq(t.campaigns.id, closing));
    const member = await signedInMember(server.url);
    const ended = await issueCode(discordUser(), closing);
    const archived = await issueCode(discordUser(), closing);

    await setCampaign({ endAt: new Date(server.clock.now().getTime() - 1000) });
    const bot = await botRequest(JSON.stringify({ campaignId: closing, ...discordUser() }));
    expect([bot.status, bot.json.error?.reason]).toEqual([412, 'campaign_ended']);
    const redeem = await failure(
      member.client.campaign.discord.auth.mutate({ campaignId: closing, code: ended.code }),
    );
    expect(reasonOf(redeem)).toBe('campaign_ended');
    const dry = await member.client.campaign.discord.authDryRun.mutate({
      campaignId: closing,
      code: ended.code,
    });
    expect(dry.valid).toBe(false);

    await setCampaign({ endAt: null, archivedAt: server.clock.now() });
    server.clock.advance(1000);
    const botArchived = await botRequest(JSON.stringify({ campaignId: closing, ...discordUser() }));
    expect([botArchived.status, botArchived.json.error?.reason]).toEqual([404, 'campaign_not_found']);
    const redeemArchived = await failure(
      member.client.campaign.discord.auth.mutate({ campaignId: closing, code: archived.code }),
    );
    expect(reasonOf(redeemArchived)).toBe('campaign_not_found');
    expect((await member.client.user.info.query()).discord).toBeNull();
  });

  it('rate-limits code guessing strictly', async () => {
    const member = await signedInMember(server.url);
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const error = await failure(
        member.client.campaign.discord.auth.mutate({ campaignId, code: 'ZZZZZZZZ' }),
      );
      outcomes.push(String(error.data?.code));
    }
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('NOT_FOUND'));
    expect(outcomes[5]).toBe('TOO_MANY_REQUESTS');
  });
});
