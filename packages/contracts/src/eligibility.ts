import { z } from 'zod';
import { ZSignInProof } from './auth';
import { ZEligibilityMethod, ZWalletChain } from './enums';
import { ZId } from './ids';
import { ZExplainedRequirement } from './requirements';
import { text } from './text';

/** A wallet as eligibility sees it: its family and its address (any accepted spelling on input). */
export const ZEligibilityWallet = z.object({
  chain: ZWalletChain,
  address: text().trim().min(1).max(128),
});
export type TEligibilityWallet = z.infer<typeof ZEligibilityWallet>;

/** `try_again`: a chain could not be asked now; never read it as "not eligible". */
export const ZEligibilityOutcome = z.enum(['eligible', 'not_eligible', 'try_again']);
export type TEligibilityOutcome = z.infer<typeof ZEligibilityOutcome>;

/**
 * Why an answer is what it is, each with the outcome it gives (only a chain that could not be asked
 * gives `try_again`); the SPA picks what to show next from the reason.
 */
export const eligibilityReasonOutcome = {
  /** A method matched and every required activity is done. */
  eligible: 'eligible',
  /** Recorded earlier; the stored method and wallet are returned. */
  already_eligible: 'eligible',
  campaign_not_found: 'not_eligible',
  /** Configured but not accepting checks (`is_active` off). */
  not_active: 'not_eligible',
  not_started: 'not_eligible',
  ended: 'not_eligible',
  /** `limit` members are already eligible. */
  campaign_full: 'not_eligible',
  /** None of the campaign's methods matched; `methods` says what each one needs. */
  no_method_matched: 'not_eligible',
  /** A method matched, but required activities are still open (listed in `missingActivities`). */
  activities_missing: 'not_eligible',
  /** Only member-bound methods (referral, Discord) could still match: sign in to check them. */
  sign_in_required: 'not_eligible',
  /** A chain could not be asked now. */
  upstream_unavailable: 'try_again',
  /** The campaign's own requirement tree did not pass; `requirements` shows what is missing. */
  requirements_not_met: 'not_eligible',
} as const satisfies Record<string, TEligibilityOutcome>;

type EligibilityReason = keyof typeof eligibilityReasonOutcome;
export const ZEligibilityReason = z.enum(
  Object.keys(eligibilityReasonOutcome) as [EligibilityReason, ...EligibilityReason[]],
);
export type TEligibilityReason = z.infer<typeof ZEligibilityReason>;

/** How one accepted method fared: `passed` is null when it could not be checked (signed out, outage). */
export const ZMethodCheck = z.object({
  method: ZEligibilityMethod,
  passed: z.boolean().nullable(),
  detail: z.string(),
});
export type TMethodCheck = z.infer<typeof ZMethodCheck>;

export const ZMissingActivity = z.object({
  activityId: z.number().int(),
  name: z.string(),
});
export type TMissingActivity = z.infer<typeof ZMissingActivity>;

export const ZEligibilityAnswer = z.object({
  campaignId: z.number().int(),
  outcome: ZEligibilityOutcome,
  reason: ZEligibilityReason,
  /** A sentence a member can act on. */
  message: z.string(),
  /** The method that matched, when one did. */
  method: ZEligibilityMethod.nullable(),
  /** The wallet that qualified (holder and bypass methods). */
  wallet: ZEligibilityWallet.nullable(),
  methods: z.array(ZMethodCheck),
  missingActivities: z.array(ZMissingActivity),
  /** True when this answer is stored as the member's eligibility (checkEligible only). */
  recorded: z.boolean(),
  /** The requirement tree as evaluated: each node's outcome and what it still needs (absent on gates). */
  requirements: ZExplainedRequirement.optional(),
});
export type TEligibilityAnswer = z.infer<typeof ZEligibilityAnswer>;

export const ZCheckEligibleInput = z.object({
  campaignId: ZId,
  /** One of the member's own wallets; all of them are tried when absent. */
  wallet: ZEligibilityWallet.optional(),
});
export type TCheckEligibleInput = z.infer<typeof ZCheckEligibleInput>;

export const ZCheckEligibleDryRunInput = z.object({
  campaignId: ZId,
  wallet: ZEligibilityWallet,
});
export type TCheckEligibleDryRunInput = z.infer<typeof ZCheckEligibleDryRunInput>;

export const ELIGIBILITY_FIRST_MAX = 20;

export const ZEligibilityFirstInput = z.object({
  wallet: ZEligibilityWallet,
  campaignIds: z
    .array(ZId)
    .min(1)
    .max(ELIGIBILITY_FIRST_MAX, `At most ${ELIGIBILITY_FIRST_MAX} campaigns per call`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each campaign may be named once'),
});
export type TEligibilityFirstInput = z.infer<typeof ZEligibilityFirstInput>;

export const ZEligibilityFirstOutput = z.object({
  /** The first campaign (in the order asked) the wallet is eligible for, or null. */
  firstEligibleCampaignId: z.number().int().nullable(),
  answers: z.array(ZEligibilityAnswer),
});
export type TEligibilityFirstOutput = z.infer<typeof ZEligibilityFirstOutput>;

export const ZEligibleSignInInput = z.object({
  campaignId: ZId,
  chain: ZWalletChain,
  address: text().min(1).max(128).optional(),
  chainId: z.number().int().positive().optional(),
});
export type TEligibleSignInInput = z.infer<typeof ZEligibleSignInInput>;

export const ZEligibleSignInOutput = z.object({
  challengeId: z.string(),
  message: z.string(),
  expiresAt: z.string(),
});
export type TEligibleSignInOutput = z.infer<typeof ZEligibleSignInOutput>;

export const ZEligibleVerifyInput = z.object({
  campaignId: ZId,
  challengeId: text().min(8).max(64),
  proof: ZSignInProof,
});
export type TEligibleVerifyInput = z.infer<typeof ZEligibleVerifyInput>;
