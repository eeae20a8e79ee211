import {
  pageOf,
  ZAdminCampaign,
  ZAdminCampaignDetail,
  ZAdminCampaignFields,
  ZAdminCampaignId,
  ZAdminCampaignListInput,
  ZAdminCampaignPage,
  ZAdminCampaignUpdate,
  ZAdminCodeSearch,
  ZAdminReferralCode,
  ZAllowlistChange,
  ZAllowlistInput,
  ZAllowlistPage,
  ZAllowlistResult,
  ZBotSecretCreated,
  ZBotSecretRotate,
  ZBotSecretStatus,
  ZCampaignActivityInput,
  ZCampaignActivityRemove,
  ZCampaignGroupFields,
  ZCampaignGroupListInput,
  ZCampaignGroupPage,
  ZCampaignGroupRow,
  ZCampaignGroupUpdate,
  ZCampaignPreview,
  ZCampaignStateInput,
  ZCodeDisable,
  ZCodeUse,
  ZCodeUsesInput,
  ZPromotionRemove,
  ZPromotionSave,
  ZReferralCodeIssue,
  ZSnapshotBeginInput,
  ZSnapshotBeginOutput,
  ZSnapshotList,
  ZSnapshotListInput,
} from '@puffy/contracts';
import { z } from 'zod';
import { invalidateCampaignRules } from '../../eligibility/rules-cache';
import { actorOf } from '../../platform/audit';
import { router } from '../../trpc/init';
import { byOperator, withDeps } from '../../trpc/resolvers';
import { campaignsDesk } from '../desks';
import { requirementsRouter } from '../requirements/router';
import { botSecretStatus, createBotSecret, revokeBotSecrets, rotateBotSecret } from './bot-secret';
import { createCampaign, listAdminCampaigns, setCampaignState, updateCampaign } from './campaigns';
import {
  changeAllowlist,
  disableReferralCode,
  issueReferralCodes,
  listAllowlist,
  listReferralCodes,
  referralCodeUses,
} from './codes';
import { listGroups, saveGroup } from './groups';
import {
  campaignDetail,
  campaignPreview,
  removeCampaignActivity,
  removePromotion,
  saveCampaignActivity,
  savePromotion,
} from './parts';
import { beginSnapshotUpload, listSnapshots } from './snapshots';
import './exports';

/**
 * Every campaign-desk change may alter what eligibility reads (rules, methods, required activities,
 * the active snapshot), so a successful change drops the cached rules here and in every instance.
 */
const desk = campaignsDesk.use(async ({ ctx, type, next }) => {
  const result = await next();
  if (type === 'mutation' && result.ok) await invalidateCampaignRules(ctx.deps, null);
  return result;
});

/** A campaign's detail, and each change to its activities or promotions, answer with the whole detail. */
const campaignParts = desk.output(ZAdminCampaignDetail);

const campaignsRouter = router({
  list: desk.input(ZAdminCampaignListInput).output(ZAdminCampaignPage).query(withDeps(listAdminCampaigns)),
  get: campaignParts
    .input(ZAdminCampaignId)
    .query(({ ctx, input }) => campaignDetail(ctx.deps, ctx.deps.db.db, input.campaignId)),
  preview: desk
    .input(ZAdminCampaignId)
    .output(ZCampaignPreview)
    .query(({ ctx, input }) => campaignPreview(ctx.deps, input.campaignId)),
  create: desk.input(ZAdminCampaignFields).output(ZAdminCampaign).mutation(byOperator(createCampaign)),
  update: desk
    .input(ZAdminCampaignUpdate)
    .output(ZAdminCampaign)
    .mutation(({ ctx, input }) => updateCampaign(ctx.deps, actorOf(ctx), input.campaignId, input.fields)),
  setState: desk
    .input(ZCampaignStateInput)
    .output(ZAdminCampaign)
    .mutation(({ ctx, input }) => setCampaignState(ctx.deps, actorOf(ctx), input.campaignId, input.action)),
  saveActivity: campaignParts.input(ZCampaignActivityInput).mutation(byOperator(saveCampaignActivity)),
  removeActivity: campaignParts.input(ZCampaignActivityRemove).mutation(byOperator(removeCampaignActivity)),
  savePromotion: campaignParts.input(ZPromotionSave).mutation(byOperator(savePromotion)),
  removePromotion: campaignParts.input(ZPromotionRemove).mutation(byOperator(removePromotion)),
});

const groupsRouter = router({
  list: desk.input(ZCampaignGroupListInput).output(ZCampaignGroupPage).query(withDeps(listGroups)),
  create: desk
    .input(ZCampaignGroupFields)
    .output(ZCampaignGroupRow)
    .mutation(({ ctx, input }) => saveGroup(ctx.deps, actorOf(ctx), null, input)),
  update: desk
    .input(ZCampaignGroupUpdate)
    .output(ZCampaignGroupRow)
    .mutation(({ ctx, input }) => saveGroup(ctx.deps, actorOf(ctx), input.groupId, input.fields)),
});

const snapshotsRouter = router({
  begin: desk
    .input(ZSnapshotBeginInput)
    .output(ZSnapshotBeginOutput)
    .mutation(byOperator(beginSnapshotUpload)),
  list: desk.input(ZSnapshotListInput).output(ZSnapshotList).query(withDeps(listSnapshots)),
});

const codesRouter = router({
  list: desk.input(ZAdminCodeSearch).output(pageOf(ZAdminReferralCode)).query(withDeps(listReferralCodes)),
  issue: desk
    .input(ZReferralCodeIssue)
    .output(z.array(ZAdminReferralCode))
    .mutation(byOperator(issueReferralCodes)),
  uses: desk.input(ZCodeUsesInput).output(pageOf(ZCodeUse)).query(withDeps(referralCodeUses)),
  disable: desk
    .input(ZCodeDisable)
    .output(ZAdminReferralCode)
    .mutation(({ ctx, input }) => disableReferralCode(ctx.deps, actorOf(ctx), input.codeId)),
});

const allowlistRouter = router({
  list: desk.input(ZAllowlistInput).output(ZAllowlistPage).query(withDeps(listAllowlist)),
  add: desk
    .input(ZAllowlistChange)
    .output(ZAllowlistResult)
    .mutation(({ ctx, input }) => changeAllowlist(ctx.deps, actorOf(ctx), input, 'add')),
  remove: desk
    .input(ZAllowlistChange)
    .output(ZAllowlistResult)
    .mutation(({ ctx, input }) => changeAllowlist(ctx.deps, actorOf(ctx), input, 'remove')),
});

const botSecretRouter = router({
  status: desk
    .input(ZAdminCampaignId)
    .output(ZBotSecretStatus)
    .query(({ ctx, input }) => botSecretStatus(ctx.deps, input.campaignId)),
  create: desk
    .input(ZAdminCampaignId)
    .output(ZBotSecretCreated)
    .mutation(({ ctx, input }) => createBotSecret(ctx.deps, actorOf(ctx), input.campaignId)),
  rotate: desk.input(ZBotSecretRotate).output(ZBotSecretCreated).mutation(byOperator(rotateBotSecret)),
  revoke: desk
    .input(ZAdminCampaignId)
    .output(ZBotSecretStatus)
    .mutation(({ ctx, input }) => revokeBotSecrets(ctx.deps, actorOf(ctx), input.campaignId)),
});

/** The campaign operators' side: builder, snapshots, codes and allow-lists, Discord bot secrets. */
export const campaignDeskRouter = router({
  campaigns: campaignsRouter,
  groups: groupsRouter,
  snapshots: snapshotsRouter,
  codes: codesRouter,
  allowlist: allowlistRouter,
  botSecret: botSecretRouter,
  requirements: requirementsRouter,
});
