import { z } from 'zod';
import { ZReferralCodeType, ZWalletChain } from './enums';
import { ZId } from './ids';
import { ZPageInput } from './pagination';
import { ZReferralCode } from './referral';
import { text } from './text';

/* The campaign desk's access tools: referral codes, the bypass allow-list, the Discord bot secret. */

export const ZReferralCodeIssue = z
  .object({
    /** Absent for `gunlimited`, which works in every campaign. */
    campaignId: ZId.optional(),
    type: ZReferralCodeType,
    level: z.number().int().min(0).max(100).default(0),
    maxUses: z.number().int().positive().max(1_000_000).optional(),
    count: z.number().int().min(1).max(1000).default(1),
    /** A chosen code text (single code only). */
    code: z
      .string()
      .trim()
      .min(4)
      .max(32)
      .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "-" and "_"')
      .optional(),
    /** The member credited as referrer; the acting admin when absent. */
    ownerUserId: text().min(1).max(64).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'limited' && v.maxUses === undefined)
      ctx.addIssue({ code: 'custom', path: ['maxUses'], message: 'A limited code needs its maximum uses' });
    if (v.type !== 'limited' && v.maxUses !== undefined)
      ctx.addIssue({ code: 'custom', path: ['maxUses'], message: 'Only limited codes have maximum uses' });
    if (v.type === 'gunlimited' && v.campaignId !== undefined)
      ctx.addIssue({ code: 'custom', path: ['campaignId'], message: 'A gunlimited code has no campaign' });
    if (v.type !== 'gunlimited' && v.campaignId === undefined)
      ctx.addIssue({ code: 'custom', path: ['campaignId'], message: 'Choose the campaign of the code' });
    if (v.code !== undefined && v.count !== 1)
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'A chosen code text issues one code' });
  });
export type TReferralCodeIssue = z.infer<typeof ZReferralCodeIssue>;

export const ZAdminReferralCode = ZReferralCode.extend({
  id: z.string(),
  ownerUserId: z.string().nullable(),
  disabledAt: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export const ZAdminCodeSearch = ZPageInput.extend({ campaignId: ZId.optional() });
export const ZCodeUsesInput = ZPageInput.extend({ codeId: text().min(1).max(64) });
export const ZCodeUse = z.object({
  id: z.string(),
  userId: z.string(),
  campaignId: z.number().int().nullable(),
  outcome: z.string(),
  reason: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export const ZCodeDisable = z.object({ codeId: text().min(1).max(64) });

export const ZAllowlistChange = z.object({
  campaignId: ZId,
  entries: z
    .array(z.object({ chain: ZWalletChain, address: text().trim().min(1).max(128) }))
    .min(1)
    .max(5000),
});
export const ZAllowlistPage = z.object({ items: z.array(z.string()), nextCursor: z.string().nullable() });
export const ZAllowlistInput = ZPageInput.extend({ campaignId: ZId });
export const ZAllowlistResult = z.object({ changed: z.number().int() });

export const ZBotSecretStatus = z.object({
  campaignId: z.number().int(),
  secrets: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['active', 'grace', 'revoked']),
      createdAt: z.iso.datetime(),
      graceUntil: z.iso.datetime().nullable(),
    }),
  ),
});
export const ZBotSecretRotate = z.object({
  campaignId: ZId,
  /** How long the old secret keeps working, so the bot can be redeployed with the new one. */
  graceMinutes: z.number().int().min(0).max(10_080).default(60),
});
export const ZBotSecretCreated = z.object({
  /** Shown once; the server keeps it only encrypted. */
  secret: z.string(),
  status: ZBotSecretStatus,
});
