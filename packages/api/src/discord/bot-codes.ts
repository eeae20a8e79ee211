import { createHmac, randomInt } from 'node:crypto';
import {
  DISCORD_CODE_ALPHABET,
  DISCORD_CODE_LENGTH,
  type TDiscordBotCodeResponse,
  ZDiscordBotCodeRequest,
} from '@puffy/contracts';
import { and, eq, gt, or } from 'drizzle-orm';
import type { AuthConfig } from '../auth/config';
import { hmac, safeEqual } from '../auth/secrets';
import type { Deps } from '../deps';
import { BadInput, Conflict, RateLimited, Unauthorized } from '../platform/errors';
import { decryptBotSecret } from './bot-secrets';
import { requireOpenCampaign } from './open-campaign';

type BotDeps = Pick<Deps, 'db' | 'store' | 'limiter' | 'clock'> & { auth: Pick<AuthConfig, 'appSecret'> };

/** Signed requests older (or further in the future) than this are refused. */
export const BOT_SIGNATURE_WINDOW_SECONDS = 5 * 60;
export const DISCORD_CODE_TTL_MS = 10 * 60 * 1000;
const perCampaign = { name: 'discord.bot.codes', points: 120, durationSeconds: 60 };

/** Codes are looked up by HMAC: the table never holds one a member could type. */
export const discordCodeHash = (deps: { auth: Pick<AuthConfig, 'appSecret'> }, code: string) =>
  hmac(deps.auth.appSecret, `discord-code:${code}`);

/** What the bot signs: `timestamp + "." + body`, HMAC-SHA256, hex. */
export const botSignature = (secret: string, timestamp: string, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

function newCode(): string {
  let code = '';
  for (let i = 0; i < DISCORD_CODE_LENGTH; i += 1)
    code += DISCORD_CODE_ALPHABET[randomInt(DISCORD_CODE_ALPHABET.length)];
  return code;
}

function parseBody(body: string) {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new BadInput(
      'The body must be JSON: { campaignId, discordUserId, discordUsername }.',
      undefined,
      'bot_request_invalid',
    );
  }
  const parsed = ZDiscordBotCodeRequest.safeParse(json);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.') || 'body';
      fieldErrors[path] = [...(fieldErrors[path] ?? []), issue.message];
    }
    throw new BadInput('The body is not a valid code request.', fieldErrors, 'bot_request_invalid');
  }
  return parsed.data;
}

/** The campaign's usable secrets: the active ones and rotated-out ones still in their grace period. */
async function campaignSecrets(deps: BotDeps, campaignId: number): Promise<string[]> {
  const s = deps.db.t.discordBotSecrets;
  const usable = or(eq(s.status, 'active'), and(eq(s.status, 'grace'), gt(s.graceUntil, deps.clock.now())));
  const rows = await deps.db.db
    .select({ secretEncrypted: s.secretEncrypted })
    .from(s)
    .where(and(eq(s.campaignId, campaignId), usable));
  return rows.flatMap((row) => decryptBotSecret(deps.auth.appSecret, row.secretEncrypted) ?? []);
}

/**
 * `POST /bot/discord/codes`: checks the bot's signature (timestamp window, campaign secret, no replay),
 * then issues a single-use code for the Discord user. One answer for an unknown campaign and a wrong
 * signature, so the endpoint does not reveal which campaigns have bots.
 */
export async function issueDiscordCodeForBot(
  deps: BotDeps,
  request: { timestamp: string | undefined; signature: string | undefined; body: string },
): Promise<TDiscordBotCodeResponse> {
  const { timestamp, signature, body } = request;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature || !/^[0-9a-f]{64}$/i.test(signature)) {
    throw new Unauthorized(
      'Send x-bot-timestamp (unix seconds) and x-bot-signature (hex HMAC-SHA256).',
      'bot_unsigned',
    );
  }
  const nowSeconds = Math.floor(deps.clock.now().getTime() / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > BOT_SIGNATURE_WINDOW_SECONDS) {
    throw new Unauthorized(
      'The request timestamp is outside the 5-minute window. Check the bot clock.',
      'bot_stale',
    );
  }
  const input = parseBody(body);
  const secrets = await campaignSecrets(deps, input.campaignId);
  const expected = signature.toLowerCase();
  if (!secrets.some((secret) => safeEqual(botSignature(secret, timestamp, body), expected))) {
    throw new Unauthorized('The signature does not match this campaign’s bot secret.', 'bot_signature');
  }
  // The signature covers timestamp and body, so it names the request: the first use claims it.
  const fresh = await deps.store.set(`discord:bot-request:${expected}`, '1', {
    onlyIfAbsent: true,
    ttlMs: 2 * BOT_SIGNATURE_WINDOW_SECONDS * 1000,
  });
  if (!fresh)
    throw new Conflict('This signed request was already used; sign each request anew.', 'bot_replay');
  const limited = await deps.limiter.consume(perCampaign, String(input.campaignId));
  if (!limited.allowed) throw new RateLimited(limited.retryAfterSeconds);

  await requireOpenCampaign(deps, deps.db.db, input.campaignId);
  const { db, t } = deps.db;
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + DISCORD_CODE_TTL_MS);
  const code = newCode();
  await db.insert(t.discordAuthCodes).values({
    id: crypto.randomUUID(),
    campaignId: input.campaignId,
    codeHash: discordCodeHash(deps, code),
    discordUserId: input.discordUserId,
    discordUsername: input.discordUsername,
    expiresAt,
    createdAt: now,
  });
  return { code, expiresAt: expiresAt.toISOString() };
}
