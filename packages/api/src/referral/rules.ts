import type { TErrorParams, TReferralRefusal } from '@puffy/contracts';
import type { Database, pg } from '@puffy/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { isRunning } from '../activity/catalog';
import type { Deps } from '../deps';

export const GLOBAL_REFERRAL_SCOPE = 'global';

export type CodeRow = typeof pg.referralCodes.$inferSelect;

export interface Refusal {
  ok: false;
  reason: TReferralRefusal;
  message: string;
  /** The values `message` shows, for the member's language (contracts' error-reasons.ts). */
  params?: TErrorParams;
  code: CodeRow | null;
  /** Only a campaign that exists (the audit row references it). */
  campaignId: number | null;
}

export interface Acceptance {
  ok: true;
  code: CodeRow;
  referrerUserId: string;
  campaignId: number | null;
  scopeKey: string;
  /** The member already joined this scope with this very code: a retry, nothing to do. */
  alreadyApplied: boolean;
}

export type Evaluation = Refusal | Acceptance;

/**
 * The refusal of a code with no use left, whether the rules saw it (evaluateCode) or the conditional
 * UPDATE that spends a use lost the race for the last one (redeem.ts).
 */
export function usedUp(code: CodeRow, campaignId: number | null): Refusal {
  return {
    ok: false,
    reason: 'code_used_up',
    message: `The referral code "${code.code}" has been used all ${code.maxUses} times.`,
    params: { code: code.code, maxUses: code.maxUses ?? 0 },
    code,
    campaignId,
  };
}

/** Longest referrer chain followed when looking for a cycle; real chains are far shorter. */
const MAX_CHAIN = 10_000;

/**
 * Every rule a redemption must pass, in the order a member can act on them. Reads only, through
 * `q` (the redemption's transaction, or the plain handle for a dry run). `userId` null is a guest's
 * dry run: the member-specific rules are left out.
 */
export async function evaluateCode(
  deps: Pick<Deps, 'db' | 'clock'>,
  q: Database,
  input: { code: string; campaignId?: number | undefined },
  userId: string | null,
): Promise<Evaluation> {
  const { t } = deps.db;
  const [code] = await q.select().from(t.referralCodes).where(eq(t.referralCodes.code, input.code)).limit(1);
  const refuse = (
    reason: TReferralRefusal,
    message: string,
    campaignId: number | null = null,
    params: TErrorParams = { code: code?.code ?? input.code },
  ): Refusal => ({ ok: false, reason, message, params, code: code ?? null, campaignId });
  if (!code)
    return refuse(
      'unknown_code',
      `There is no referral code "${input.code}". Check the spelling and try again.`,
    );
  const now = deps.clock.now();
  if (code.disabledAt && code.disabledAt <= now)
    return refuse(
      'code_expired',
      `The referral code "${code.code}" expired on ${code.disabledAt.toISOString().slice(0, 10)}.`,
      null,
      { code: code.code, date: code.disabledAt.toISOString().slice(0, 10) },
    );
  if (code.campaignId !== null && input.campaignId !== undefined && input.campaignId !== code.campaignId)
    return refuse('wrong_campaign', `The referral code "${code.code}" belongs to another campaign.`);
  const campaignId = code.campaignId ?? input.campaignId ?? null;
  if (campaignId !== null) {
    const refusal = await campaignRefusal(deps, q, campaignId, code.level);
    if (refusal)
      return refuse(refusal.reason, refusal.message, refusal.exists ? campaignId : null, refusal.params);
  }
  if (code.maxUses !== null && code.uses >= code.maxUses) return usedUp(code, campaignId);
  if (code.ownerUserId === null)
    return refuse(
      'no_owner',
      `The referral code "${code.code}" belongs to no member and cannot be used.`,
      campaignId,
    );
  const scopeKey = campaignId === null ? GLOBAL_REFERRAL_SCOPE : String(campaignId);
  const accept: Acceptance = {
    ok: true,
    code,
    referrerUserId: code.ownerUserId,
    campaignId,
    scopeKey,
    alreadyApplied: false,
  };
  if (userId === null) return accept;
  if (code.ownerUserId === userId)
    return refuse('self_referral', 'You cannot use your own referral code.', campaignId);
  const [existing] = await q
    .select({ codeId: t.referralRelations.codeId })
    .from(t.referralRelations)
    .where(and(eq(t.referralRelations.refereeUserId, userId), eq(t.referralRelations.scopeKey, scopeKey)))
    .limit(1);
  if (existing?.codeId === code.id) return { ...accept, alreadyApplied: true };
  if (existing)
    return refuse(
      'already_referred',
      campaignId === null
        ? 'You already joined with another referral code; a member has one referrer.'
        : 'You already joined this campaign with another referral code; a member has one referrer per campaign.',
      campaignId,
    );
  if (await isAncestor(deps, q, userId, code.ownerUserId, scopeKey))
    return refuse(
      'referral_cycle',
      'The owner of this code joined through you (directly or through others), so you cannot join through them.',
      campaignId,
    );
  return accept;
}

/** The campaign must be visible and running, and the code's level high enough for its referral methods. */
async function campaignRefusal(
  deps: Pick<Deps, 'db' | 'clock'>,
  q: Database,
  campaignId: number,
  level: number,
): Promise<{
  reason: 'campaign_unavailable' | 'level_too_low';
  params: TErrorParams;
  exists: boolean;
  message: string;
} | null> {
  const { t } = deps.db;
  const [campaign] = await q
    .select({ isActive: t.campaigns.isActive, startAt: t.campaigns.startAt, endAt: t.campaigns.endAt })
    .from(t.campaigns)
    .where(and(eq(t.campaigns.id, campaignId), eq(t.campaigns.isReady, true), isNull(t.campaigns.archivedAt)))
    .limit(1);
  if (!campaign)
    return {
      reason: 'campaign_unavailable',
      params: {},
      exists: false,
      message: `There is no campaign with id ${campaignId}.`,
    };
  if (!isRunning(campaign, deps.clock.now()))
    return {
      reason: 'campaign_unavailable',
      params: {},
      exists: true,
      message: 'This campaign is not running, so it takes no referrals now.',
    };
  const methods = await q
    .select({ config: t.campaignEligibleMethods.config })
    .from(t.campaignEligibleMethods)
    .where(
      and(
        eq(t.campaignEligibleMethods.campaignId, campaignId),
        inArray(t.campaignEligibleMethods.method, ['referral', 'c_referral']),
      ),
    );
  if (methods.length === 0) return null;
  // The code qualifies when any one referral method accepts its level (`config.minLevel`, as eligibility reads it).
  const needed = Math.min(
    ...methods.map((m) => (typeof m.config.minLevel === 'number' ? m.config.minLevel : 0)),
  );
  if (level >= needed) return null;
  return {
    reason: 'level_too_low',
    params: { needed, level },
    exists: true,
    message: `This campaign needs a referral code of level ${needed} or higher; this one is level ${level}.`,
  };
}

/**
 * True when `ancestor` is `member`'s referrer, or their referrer's referrer, and so on, in the scope:
 * then `member` → `ancestor` would close a cycle.
 */
async function isAncestor(
  deps: Pick<Deps, 'db'>,
  q: Database,
  ancestor: string,
  member: string,
  scopeKey: string,
): Promise<boolean> {
  const { t } = deps.db;
  const seen = new Set<string>([member]);
  let current = member;
  for (let step = 0; step < MAX_CHAIN; step += 1) {
    const [up] = await q
      .select({ referrer: t.referralRelations.referrerUserId })
      .from(t.referralRelations)
      .where(and(eq(t.referralRelations.refereeUserId, current), eq(t.referralRelations.scopeKey, scopeKey)))
      .limit(1);
    if (!up) return false;
    if (up.referrer === ancestor) return true;
    if (seen.has(up.referrer)) return false;
    seen.add(up.referrer);
    current = up.referrer;
  }
  return false;
}
