import {
  isSocialTaskKind,
  type TActivityCompleteInput,
  type TActivityCompleteOutput,
  type TActivityListInput,
  type TActivityListOutput,
} from '@puffy/contracts';
import type { Deps } from '../deps';
import { afterIdCursor, toIdPage } from '../platform/cursor';
import { BadInput, PreconditionFailed } from '../platform/errors';
import { memberColumns } from '../user/member-row';
import { type MemberActivityState, memberActivityStates, shownState } from './campaign-completions';
import { campaignActivity, campaignActivityRows, requireRunning, visibleCampaign } from './catalog';
import { completeActivityOnce, completionRejected, memberCompletion } from './completion';
import { completedElsewhere } from './kinds';
import { onchainProof } from './kinds/onchain';
import { campaignScope, pointsOf } from './ledger';
import { parseXPostUrl, sameXHandle } from './x-post';

const automaticWhen: Record<string, string> = {
  sign_in: 'sign in',
  verify_email: 'verify your email',
  link_x: 'link your X account',
  link_discord: 'link your Discord account',
  refer_friends: 'refer enough friends',
  partner_api: 'do it with our partner, who tells us',
};

/** `activity.complete`: a member completes an activity themself (an X post, a manual task). */
export async function completeActivity(
  deps: Deps,
  userId: string,
  input: TActivityCompleteInput,
): Promise<TActivityCompleteOutput> {
  const campaign = await visibleCampaign(deps, deps.db.db, input.campaignId);
  requireRunning(campaign, deps.clock.now());
  const activity = await campaignActivity(deps, input.campaignId, input.activityId);
  if (!activity.initiatedByUser)
    throw new PreconditionFailed(
      `This activity completes itself when you ${automaticWhen[activity.kind] ?? 'do what it asks'}.`,
      'automatic_activity',
    );
  if (isSocialTaskKind(activity.kind))
    throw new PreconditionFailed('Press Verify: we check this task with the service itself.', 'verify_task');
  const elsewhere = completedElsewhere[activity.kind];
  if (elsewhere) throw new PreconditionFailed(elsewhere, 'task_completes_elsewhere');
  const data =
    activity.kind === 'x_post'
      ? await xPostProof(deps, userId, input.proof?.url)
      : activity.kind === 'onchain_tx'
        ? await onchainProof(deps, userId, input, campaign)
        : proofData(input);
  const outcome = await completeActivityOnce(deps, memberCompletion(userId, input, activity, data));
  if (outcome.status === 'rejected' || outcome.status === 'revoked') throw completionRejected();
  return {
    campaignId: input.campaignId,
    activityId: input.activityId,
    status: outcome.status,
    pointsAwarded: outcome.pointsAwarded,
    alreadyCompleted: !outcome.isNew,
  };
}

function proofData(input: TActivityCompleteInput): Record<string, unknown> {
  return input.proof ? { url: input.proof.url } : {};
}

/** The post must be a status URL on X and written by the X account the member linked. */
async function xPostProof(deps: Deps, userId: string, url: string | undefined) {
  const example = 'https://x.com/yourhandle/status/1234567890';
  if (!url)
    throw new BadInput('Paste the link to your X post.', { 'proof.url': ['Required.'] }, 'proof_missing');
  const link = parseXPostUrl(url);
  if (!link)
    throw new BadInput(
      `That is not a link to an X post. It should look like ${example}.`,
      { 'proof.url': [`Use a post link such as ${example}.`] },
      'proof_not_x_post',
      { example },
    );
  const handle = await linkedXHandle(deps, userId);
  if (!handle) throw new PreconditionFailed('Link your X account before submitting a post.', 'x_not_linked');
  if (!sameXHandle(link.handle, handle))
    throw new BadInput(
      `This post was written by @${link.handle}, but your linked X account is @${handle.replace(/^@/, '')}.`,
      { 'proof.url': ['Post it from your linked X account.'] },
      'proof_wrong_author',
      { author: link.handle, handle: handle.replace(/^@/, '') },
    );
  return { url: `https://x.com/${link.handle}/status/${link.statusId}`, statusId: link.statusId };
}

async function linkedXHandle(deps: Deps, userId: string): Promise<string | null> {
  const { db, t } = deps.db;
  const row = await memberColumns(deps, db, userId, { handle: t.users.twitterHandle, id: t.users.twitterId });
  return row?.id && row.handle ? row.handle : null;
}

/** `activity.list`: a campaign's activities, with the member's state when signed in. */
export async function listCampaignActivities(
  deps: Deps,
  userId: string | null,
  input: TActivityListInput,
): Promise<TActivityListOutput> {
  await visibleCampaign(deps, deps.db.db, input.campaignId);
  // One more than the page tells whether there is a next one.
  const rows = await campaignActivityRows(deps, input.campaignId, {
    after: afterIdCursor(input.cursor),
    limit: input.limit + 1,
  });
  const page = toIdPage(
    rows,
    input.limit,
    (row) => row.key,
    (row) => row,
  );
  const states = userId
    ? await memberActivityStates(deps, deps.db.db, {
        userId,
        campaignId: input.campaignId,
        activities: page.items,
      })
    : new Map<number, MemberActivityState>();
  const scopeKey = campaignScope(input.campaignId);
  return {
    points: userId ? await pointsOf(deps, deps.db.db, { userId, scopeKey }) : 0,
    nextCursor: page.nextCursor,
    // The key pages the list and the parameter is the activity's own business: neither is shown.
    items: page.items.map(({ key, parameter, ...activity }) => ({
      ...activity,
      ...shownState(states.get(activity.activityId), 'not_started'),
    })),
  };
}
