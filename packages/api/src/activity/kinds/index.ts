import type { TSocialTaskKind } from '@puffy/contracts';
import { isTaskKind, type TTaskInput, type TTaskView } from '@puffy/contracts';
import type { Deps } from '../../deps';
import { PreconditionFailed } from '../../platform/errors';
import { campaignActivity, visibleCampaign } from '../catalog';
import type { SocialVerifier } from '../social/verifier';
import { discordMember, discordRole } from './discord-member';
import { onchainView } from './onchain';
import { quizView } from './quiz';
import { telegramJoin } from './telegram-join';
import { visitLinkView } from './visit-link';
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

/** `activity.task`: what a member needs to do a self-checking task, never a quiz's answers. */
export async function taskView(deps: Deps, userId: string | null, input: TTaskInput): Promise<TTaskView> {
  const campaign = await visibleCampaign(deps, deps.db.db, input.campaignId);
  const { kind } = await campaignActivity(deps, input.campaignId, input.activityId);
  if (!isTaskKind(kind))
    throw new PreconditionFailed('This activity has nothing more to show.', 'not_a_task');
  switch (kind) {
    case 'quiz':
      return quizView(deps, userId, input);
    case 'visit_link':
      return visitLinkView(deps, userId, input);
    case 'onchain_tx':
      return onchainView(deps, input, campaign);
    case 'partner_api':
      return { kind };
  }
}

/** Kinds `activity.complete` does not take: each completes through its own door. */
export const completedElsewhere: Partial<Record<string, string>> = {
  quiz: 'Answer the quiz to complete this task.',
  visit_link: 'Open the task’s link to complete it.',
};
