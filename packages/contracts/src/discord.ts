import { z } from 'zod';
import { ZId } from './ids';
import { text } from './text';

/*
 * Discord linking (docs/product/profile.md): a campaign's bot asks `POST /bot/discord/codes` for a one-time
 * code for a Discord user, and the member redeems it with `campaign.discord.auth`.
 */

/** Eight characters without look-alikes (no 0/O, 1/I/L), shown by the bot and typed by the member. */
export const DISCORD_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const DISCORD_CODE_LENGTH = 8;

export const ZDiscordCode = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .pipe(
    z
      .string()
      .length(DISCORD_CODE_LENGTH, `A Discord code has ${DISCORD_CODE_LENGTH} characters`)
      .regex(/^[A-Z0-9]+$/, 'A Discord code has only letters and digits'),
  );

/** The body the bot signs and sends. */
export const ZDiscordBotCodeRequest = z.object({
  campaignId: ZId,
  discordUserId: z.string().regex(/^\d{5,25}$/, 'discordUserId is a Discord snowflake (digits)'),
  discordUsername: text().min(1).max(100),
});
export type TDiscordBotCodeRequest = z.infer<typeof ZDiscordBotCodeRequest>;

export const ZDiscordBotCodeResponse = z.object({
  code: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type TDiscordBotCodeResponse = z.infer<typeof ZDiscordBotCodeResponse>;

export const ZDiscordAuthInput = z.object({ campaignId: ZId, code: ZDiscordCode });

export const ZDiscordAuthOutput = z.object({
  discordId: z.string(),
  discordUsername: z.string().nullable(),
  campaignId: z.number().int(),
});
export type TDiscordAuthOutput = z.infer<typeof ZDiscordAuthOutput>;

/** A dry run tells whether `campaign.discord.auth` would accept the code, without using it. */
export const ZDiscordAuthDryRunOutput = z.object({
  valid: z.boolean(),
  /** Why not, in words a member understands; null when valid. */
  reason: z.string().nullable(),
  discordUsername: z.string().nullable(),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TDiscordAuthDryRunOutput = z.infer<typeof ZDiscordAuthDryRunOutput>;
