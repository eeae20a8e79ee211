import { z } from 'zod';
import { ZReferralCodeType } from './enums';
import { ZErrorParams } from './error-reasons';
import { ZId } from './ids';
import { ZPageInput } from './pagination';

/** Codes are matched case-insensitively and stored upper-case. */
export const ZReferralCodeText = z
  .string()
  .trim()
  .min(4, 'A referral code has at least 4 characters.')
  .max(32, 'A referral code has at most 32 characters.')
  .regex(/^[A-Za-z0-9_-]+$/, 'A referral code uses only letters, digits, "-" and "_".')
  .transform((code) => code.toUpperCase());

export const ZReferralCode = z.object({
  code: z.string(),
  type: ZReferralCodeType,
  level: z.number().int(),
  /** Null for `gunlimited` codes and a member's own code: usable in any campaign. */
  campaignId: z.number().int().nullable(),
  /** Null when the code has no limit. */
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  remainingUses: z.number().int().nullable(),
});
export type TReferralCode = z.infer<typeof ZReferralCode>;

export const ZReferralSetInput = z.object({
  /** The campaign to join with the code; absent for a campaign's own code or a platform-wide referral. */
  campaignId: ZId.optional(),
  code: ZReferralCodeText,
});
export type TReferralSetInput = z.infer<typeof ZReferralSetInput>;

export const ZReferralSetOutput = z.object({
  /** The campaign the referral counts in; null for a platform-wide (global) referral. */
  campaignId: z.number().int().nullable(),
  referrerWalletShort: z.string(),
  /** True when this code was already applied for the member in this campaign (a retry). */
  alreadyApplied: z.boolean(),
});
export type TReferralSetOutput = z.infer<typeof ZReferralSetOutput>;

/** The code itself: unknown, expired, used up, or for another campaign. */
const CODE_REFUSALS = ['unknown_code', 'code_expired', 'code_used_up', 'wrong_campaign'] as const;
/** The campaign: not open to referrals now, or asking for a higher code level. */
const CAMPAIGN_REFUSALS = ['campaign_unavailable', 'level_too_low'] as const;
/** The relation the code would make: nobody behind the code, oneself, a second referrer, or a cycle. */
const RELATION_REFUSALS = ['no_owner', 'self_referral', 'already_referred', 'referral_cycle'] as const;

/** Why a code would be refused; the same reasons `referral.set` answers with. */
export const ZReferralRefusal = z.enum([...CODE_REFUSALS, ...CAMPAIGN_REFUSALS, ...RELATION_REFUSALS]);
export type TReferralRefusal = z.infer<typeof ZReferralRefusal>;

export const ZReferralDryRunOutput = z.object({
  valid: z.boolean(),
  reason: ZReferralRefusal.nullable(),
  /** What to tell the member: why it would fail, or what using it would do. */
  message: z.string(),
  /** The values of a refusal's sentence, as an error carries them (error-reasons.ts); null when valid. */
  params: ZErrorParams.nullable(),
  type: ZReferralCodeType.nullable(),
  level: z.number().int().nullable(),
  campaignId: z.number().int().nullable(),
  remainingUses: z.number().int().nullable(),
});
export type TReferralDryRunOutput = z.infer<typeof ZReferralDryRunOutput>;

export const ZReferralRelationsInput = ZPageInput.extend({
  /** Absent: across all campaigns (global referrals included). */
  campaignId: ZId.optional(),
  /** `referred`: the members I brought in; `referrer`: who brought me in. */
  direction: z.enum(['referred', 'referrer']).default('referred'),
});
export type TReferralRelationsInput = z.infer<typeof ZReferralRelationsInput>;

export const ZReferralRelation = z.object({
  id: z.string(),
  campaignId: z.number().int().nullable(),
  /** The other member of the relation (the referee or the referrer, per `direction`). */
  walletShort: z.string(),
  name: z.string().nullable(),
  code: z.string(),
  createdAt: z.iso.datetime(),
});
export type TReferralRelation = z.infer<typeof ZReferralRelation>;

export const ZReferralRelationsOutput = z.object({
  items: z.array(ZReferralRelation),
  nextCursor: z.string().nullable(),
});
export type TReferralRelationsOutput = z.infer<typeof ZReferralRelationsOutput>;
