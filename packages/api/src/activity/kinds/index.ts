import type { TSocialTaskKind } from '@puffy/contracts';
import type { SocialVerifier } from '../social/verifier';
import { discordMember, discordRole } from './discord-member';
import { telegramJoin } from './telegram-join';
import { xFollow } from './x-follow';
import { xLike } from './x-like';
import { xRepost } from './x-repost';
import { xTagPost } from './x-tag-post';

/** Each checked task kind's verifier (docs/product/social-tasks.md has the call each one makes). */
export const socialVerifiers: Record<TSocialTaskKind, SocialVerifier> = {
  x_follow: xFollow,
  x_repost: xRepost,
  x_like: xLike,
  x_tag_post: xTagPost,
  discord_member: discordMember,
  discord_role: discordRole,
  telegram_join: telegramJoin,
};
