import { z } from 'zod';
import { ZId } from './ids';
import { text } from './text';

/*
 * Tasks the server checks with the service itself (docs/product/social-tasks.md): X through the
 * member's own OAuth token, Discord and Telegram through our bot. Each kind's `parameter` is one of
 * the schemas below; the service each kind asks decides whether the server can offer it at all.
 */

/** The service a checked task asks, and the account the member must have linked for it. */
export const socialTaskService = {
  x_follow: 'x',
  x_repost: 'x',
  x_like: 'x',
  x_tag_post: 'x',
  discord_member: 'discord',
  discord_role: 'discord',
  telegram_join: 'telegram',
} as const;
export type TSocialTaskKind = keyof typeof socialTaskService;
export type TSocialService = (typeof socialTaskService)[TSocialTaskKind];

export function isSocialTaskKind(kind: string): kind is TSocialTaskKind {
  return Object.hasOwn(socialTaskService, kind);
}

const snowflake = (what: string) =>
  text()
    .trim()
    .regex(/^\d{1,25}$/, `The ${what} is a number (copy it from the service).`);
const xHandle = text()
  .trim()
  .transform((handle) => handle.replace(/^@/, ''))
  .pipe(z.string().regex(/^[A-Za-z0-9_]{1,15}$/, 'An X handle has 1 to 15 letters, digits or _.'));

/** The operator's settings any activity may carry (review, a product grant) stay allowed beside these. */
const settings = { review: z.boolean().optional(), grantsProductSku: z.string().min(1).optional() };

export const ZXFollowParameter = z.object({
  ...settings,
  /** X's numeric user id of the account to follow: handles change, ids do not. */
  accountId: snowflake('X account id'),
  handle: xHandle,
});
export const ZXPostParameter = z.object({ ...settings, postId: snowflake('post number') });
export const ZXTagPostParameter = z
  .object({
    ...settings,
    hashtag: text()
      .trim()
      .transform((tag) => tag.replace(/^#/, ''))
      .pipe(z.string().regex(/^\w{1,100}$/u, 'A hashtag is letters, digits or _.'))
      .optional(),
    mention: xHandle.optional(),
  })
  .refine((p) => p.hashtag !== undefined || p.mention !== undefined, {
    message: 'Name a hashtag, an account to mention, or both.',
    path: ['hashtag'],
  });
export const ZDiscordMemberParameter = z.object({
  ...settings,
  guildId: snowflake('server id'),
  /** Shown to members ("Join Puffy on Discord"); the id is what is checked. */
  guildName: text().trim().min(1).max(100),
  inviteUrl: z.url().max(300).optional(),
});
export const ZDiscordRoleParameter = ZDiscordMemberParameter.extend({
  roleId: snowflake('role id'),
  roleName: text().trim().min(1).max(100),
});
export const ZTelegramJoinParameter = z.object({
  ...settings,
  /** `@channelname` or the numeric chat id (-100…) our bot can see. */
  chatId: text()
    .trim()
    .regex(/^(@[A-Za-z0-9_]{5,32}|-?\d{1,20})$/, 'Use @channelname or the numeric chat id.'),
  chatTitle: text().trim().min(1).max(100),
  inviteUrl: z.url().max(300).optional(),
});

export const socialTaskParameters = {
  x_follow: ZXFollowParameter,
  x_repost: ZXPostParameter,
  x_like: ZXPostParameter,
  x_tag_post: ZXTagPostParameter,
  discord_member: ZDiscordMemberParameter,
  discord_role: ZDiscordRoleParameter,
  telegram_join: ZTelegramJoinParameter,
} as const satisfies Record<TSocialTaskKind, z.ZodType>;
export type TSocialTaskParameter<K extends TSocialTaskKind> = z.output<(typeof socialTaskParameters)[K]>;

/** `activity.verify`: the member asks us to check a task with the service; `x_tag_post` takes the post's link. */
export const ZActivityVerifyInput = z.object({
  campaignId: ZId,
  activityId: ZId,
  proof: z.object({ url: text().trim().min(1).max(500) }).optional(),
});
export type TActivityVerifyInput = z.infer<typeof ZActivityVerifyInput>;

export const ZActivityVerifyOutput = z.object({
  campaignId: z.number().int(),
  activityId: z.number().int(),
  /**
   * `completed` / `pending_review`: the service confirmed it; `not_done`: the service says it is not
   * done yet; `checking`: the service asked us to wait, the check runs again at `retryAt` by itself.
   */
  outcome: z.enum(['completed', 'pending_review', 'not_done', 'checking']),
  pointsAwarded: z.number().int(),
  retryAt: z.iso.datetime().nullable(),
});
export type TActivityVerifyOutput = z.infer<typeof ZActivityVerifyOutput>;

/** What the Telegram Login Widget hands the page after the member confirms (its own field names). */
export const ZTelegramLoginData = z.object({
  id: z.union([z.number().int().positive(), z.string().regex(/^\d{1,20}$/)]).transform(String),
  first_name: text().max(256).optional(),
  last_name: text().max(256).optional(),
  username: text().max(64).optional(),
  photo_url: text().max(1000).optional(),
  auth_date: z.union([z.number().int().positive(), z.string().regex(/^\d{1,12}$/)]).transform(Number),
  hash: text().regex(/^[0-9a-f]{64}$/, 'The Telegram signature is missing.'),
});
export type TTelegramLoginData = z.infer<typeof ZTelegramLoginData>;

export const ZTelegramLink = z.object({ id: z.string(), username: z.string().nullable() });
export type TTelegramLink = z.infer<typeof ZTelegramLink>;

/** `system.socialTasks`-style announcement: which services this server can check, and the widget's bot. */
export const ZSocialServices = z.object({
  x: z.boolean(),
  discord: z.boolean(),
  telegram: z.object({ botUsername: z.string() }).nullable(),
});
export type TSocialServices = z.infer<typeof ZSocialServices>;

/** `admin.activities.recheck`: check one completion again now. */
export const ZRecheckInput = z.object({ userActivityId: text().min(1).max(64) });
export const ZRecheckOutput = z.object({
  userActivityId: z.string(),
  /** `revoked`: the service no longer confirms it, its points were reversed through the ledger. */
  status: z.enum(['completed', 'revoked', 'checking']),
  pointsReversed: z.number().int(),
});
export type TRecheckOutput = z.infer<typeof ZRecheckOutput>;

/** `admin.activities.recheckCampaign`: queue a re-check of every checked completion of a campaign. */
export const ZRecheckCampaignInput = z.object({ campaignId: ZId });
export const ZRecheckCampaignOutput = z.object({ queued: z.number().int() });
