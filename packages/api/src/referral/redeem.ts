import type {
  TErrorParams,
  TReferralDryRunOutput,
  TReferralRefusal,
  TReferralSetInput,
  TReferralSetOutput,
} from '@puffy/contracts';
import { type Database, lockKey } from '@puffy/db';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { recordActivityEvent } from '../activity/events';
import type { Deps } from '../deps';
import { type AppError, BadInput, Conflict, NotFound, PreconditionFailed } from '../platform/errors';
import { shortWallet } from '../platform/short-wallet';
import { memberColumns } from '../user/member-row';
import { type Acceptance, evaluateCode, type Refusal, usedUp } from './rules';

type ErrorOf = (message: string, reason: TReferralRefusal, params?: TErrorParams) => AppError;
const errorFor: Record<TReferralRefusal, ErrorOf> = {
  unknown_code: (m, r, p) => new NotFound(m, r, p),
  campaign_unavailable: (m, r, p) => new NotFound(m, r, p),
  code_expired: (m, r, p) => new PreconditionFailed(m, r, p),
  code_used_up: (m, r, p) => new PreconditionFailed(m, r, p),
  level_too_low: (m, r, p) => new PreconditionFailed(m, r, p),
  no_owner: (m, r, p) => new PreconditionFailed(m, r, p),
  wrong_campaign: (m, r, p) => new BadInput(m, undefined, r, p),
  self_referral: (m, r, p) => new BadInput(m, undefined, r, p),
  already_referred: (m, r, p) => new Conflict(m, r, p),
  referral_cycle: (m, r, p) => new Conflict(m, r, p),
};

/**
 * `referral.set`: the member joins a campaign (or the platform) through a code. One transaction
 * takes a lock on the scope (so two redemptions cannot close a cycle between them), checks every
 * rule, spends one use with a conditional UPDATE (the row's own check forbids an over-use too),
 * writes the relation and the audit row, and completes the referrer's "refer N friends"
 * activities. Refusals are audited as well, then answered with the error that says why.
 */
export async function redeemReferralCode(
  deps: Deps,
  userId: string,
  input: TReferralSetInput,
  requestId: string | null,
): Promise<TReferralSetOutput> {
  const { t } = deps.db;
  const outcome = await deps.db.withTransaction(
    async (tx): Promise<Refusal | (Acceptance & { wallet: string })> => {
      const first = await evaluateCode(deps, tx, input, userId);
      if (!first.ok) return audited(deps, tx, first, userId, input.code, requestId);
      await lockKey(deps.db, tx, `referral-scope:${first.scopeKey}`);
      // Re-read under the lock: what another redemption committed meanwhile now counts.
      const checked = await evaluateCode(deps, tx, input, userId);
      if (!checked.ok) return audited(deps, tx, checked, userId, input.code, requestId);
      const wallet = await walletOf(deps, tx, checked.referrerUserId);
      if (checked.alreadyApplied) return { ...checked, wallet };
      const spent = await tx
        .update(t.referralCodes)
        .set({ uses: sql`${t.referralCodes.uses} + 1` })
        .where(
          and(
            eq(t.referralCodes.id, checked.code.id),
            or(isNull(t.referralCodes.maxUses), lt(t.referralCodes.uses, t.referralCodes.maxUses)),
          ),
        )
        .returning({ id: t.referralCodes.id });
      if (spent.length === 0)
        return audited(deps, tx, usedUp(checked.code, checked.campaignId), userId, input.code, requestId);
      const now = deps.clock.now();
      const [relation] = await tx
        .insert(t.referralRelations)
        .values({
          id: crypto.randomUUID(),
          codeId: checked.code.id,
          referrerUserId: checked.referrerUserId,
          refereeUserId: userId,
          campaignId: checked.campaignId,
          scopeKey: checked.scopeKey,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: t.referralRelations.id });
      // The scope lock makes this unreachable; throwing rolls the spent use back if it ever is not.
      if (!relation) throw new Conflict('You already joined with a referral code here.', 'already_referred');
      await tx.insert(t.referralRedemptions).values({
        id: crypto.randomUUID(),
        codeId: checked.code.id,
        code: input.code,
        userId,
        campaignId: checked.campaignId,
        outcome: 'accepted',
        reason: null,
        requestId,
        createdAt: now,
      });
      await recordActivityEvent(deps, { userId: checked.referrerUserId, event: 'referred', tx });
      return { ...checked, wallet };
    },
  );
  if (!outcome.ok) throw errorFor[outcome.reason](outcome.message, outcome.reason, outcome.params);
  return {
    campaignId: outcome.campaignId,
    referrerWalletShort: shortWallet(outcome.wallet),
    alreadyApplied: outcome.alreadyApplied,
  };
}

async function audited(
  deps: Deps,
  tx: Database,
  refusal: Refusal,
  userId: string,
  code: string,
  requestId: string | null,
): Promise<Refusal> {
  await tx.insert(deps.db.t.referralRedemptions).values({
    id: crypto.randomUUID(),
    codeId: refusal.code?.id ?? null,
    code,
    userId,
    campaignId: refusal.campaignId,
    outcome: 'refused',
    reason: refusal.reason,
    requestId,
    createdAt: deps.clock.now(),
  });
  return refusal;
}

async function walletOf(deps: Deps, tx: Database, userId: string): Promise<string> {
  const { t } = deps.db;
  const row = await memberColumns(deps, tx, userId, { wallet: t.users.walletAddress });
  return row?.wallet ?? '';
}

/** `referral.dryRun`: what `referral.set` would answer, changing nothing. */
export async function dryRunReferralCode(
  deps: Deps,
  userId: string | null,
  input: TReferralSetInput,
): Promise<TReferralDryRunOutput> {
  const result = await evaluateCode(deps, deps.db.db, input, userId);
  const code = result.code;
  const described = {
    type: code?.type ?? null,
    level: code?.level ?? null,
    campaignId: result.ok ? result.campaignId : (code?.campaignId ?? input.campaignId ?? null),
    remainingUses: code && code.maxUses !== null ? Math.max(0, code.maxUses - code.uses) : null,
  };
  if (!result.ok) {
    const { reason, message, params = null } = result;
    return { valid: false, reason, message, params, ...described };
  }
  const wallet = await walletOf(deps, deps.db.db, result.referrerUserId);
  const where = result.campaignId === null ? 'the platform' : `campaign ${result.campaignId}`;
  const message = result.alreadyApplied
    ? 'You already joined with this code.'
    : `This code works: you would join ${where} through ${shortWallet(wallet)}.`;
  return { valid: true, reason: null, message, params: null, ...described };
}
