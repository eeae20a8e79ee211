import { z } from 'zod';
import { ZCampaign, ZCampaignBase, ZCampaignMedia, ZPromotion, ZSnapshotProgress } from './campaign';
import {
  type TEligibilityMethod,
  ZActivityKind,
  ZActivityScope,
  ZEligibilityMethod,
  ZNetwork,
} from './enums';
import { ZId } from './ids';
import { eligibilityMethodKinds } from './lifecycles';
import { DecimalFormatError, solToLamports } from './money';
import { pageOf, ZPageInput } from './pagination';
import { isTaskKind, taskParameterSchemas } from './tasks';
import { storableJson, text } from './text';
import { inputTime } from './time';

const optionalText = (max: number) => text().trim().max(max).nullable().default(null);

/** The gas fee is stored as signed 64-bit integer lamports on both databases: a larger one cannot be kept. */
const LAMPORTS_MAX = 2n ** 63n - 1n;
/** Whole numbers stored in an integer column, which is 32 bits on Postgres. */
const INT32_MAX = 2_147_483_647;

/** A gas fee as an operator types it: decimal SOL, converted exactly (never through a float) later. */
export const ZSolAmount = z
  .string()
  .trim()
  .min(1, 'Enter the gas fee in SOL, e.g. 0.05')
  .superRefine((value, ctx) => {
    try {
      if (solToLamports(value) > LAMPORTS_MAX)
        ctx.addIssue({ code: 'custom', message: 'The gas fee is too large: at most 9223372036 SOL' });
    } catch (error) {
      if (!(error instanceof DecimalFormatError)) throw error;
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not an amount of SOL; use digits and at most 9 decimals, e.g. 0.05`,
      });
    }
  });

/** One accepted eligibility method and its data (`config`), as eligibility/rules.ts reads it. */
export const ZMethodConfigInput = z.object({
  method: ZEligibilityMethod,
  /** Holder methods: collectionAddress (else the campaign's own on its network), collectionName, tokenId, standard, mints. Referral methods: minLevel. */
  config: storableJson(z.record(z.string(), z.unknown())).default({}),
});
export type TMethodConfigInput = z.infer<typeof ZMethodConfigInput>;

const isHolderMethod = (m: TEligibilityMethod) => eligibilityMethodKinds[m] === 'holder';

/** A campaign's or group's address in links: what an operator may type as its slug. */
const ZSlug = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9-]+$/, 'Use lower-case letters, digits and "-" only');

/** The fields an operator sets on a campaign; the same shape creates and edits one. */
export const ZAdminCampaignFields = z
  .object({
    slug: ZSlug,
    name: text().trim().min(1, 'Give the campaign a name').max(200),
    description: optionalText(4000),
    edition: optionalText(200),
    requirement: optionalText(2000),
    collectionAddress: optionalText(128),
    collectionName: optionalText(200),
    network: ZNetwork,
    startAt: inputTime({ offset: true }).nullable().default(null),
    endAt: inputTime({ offset: true }).nullable().default(null),
    limit: z.number().int().positive().max(INT32_MAX).nullable().default(null),
    media: ZCampaignMedia.default({}),
    nftGasFeeSol: ZSolAmount,
    xPostUrl: optionalText(500),
    groupId: ZId.nullable().default(null),
    methods: z
      .array(ZMethodConfigInput)
      .max(ZEligibilityMethod.options.length)
      .refine((ms) => new Set(ms.map((m) => m.method)).size === ms.length, 'Each method may be listed once')
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.startAt && v.endAt && Date.parse(v.endAt) <= Date.parse(v.startAt))
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'The end must come after the start' });
    v.methods.forEach((m, i) => {
      const own = m.config.collectionAddress;
      if (
        isHolderMethod(m.method) &&
        (typeof own !== 'string' || own.trim() === '') &&
        !(m.method === v.network && v.collectionAddress)
      )
        ctx.addIssue({
          code: 'custom',
          path: ['methods', i, 'config', 'collectionAddress'],
          message: `The ${m.method} method needs a collection address (or the campaign's own on ${m.method})`,
        });
      const level = m.config.minLevel;
      if (level !== undefined && !(Number.isInteger(level) && (level as number) >= 0))
        ctx.addIssue({
          code: 'custom',
          path: ['methods', i, 'config', 'minLevel'],
          message: 'The minimum code level is a whole number, 0 or more',
        });
    });
  });
export type TAdminCampaignFields = z.infer<typeof ZAdminCampaignFields>;

export const ZAdminCampaignUpdate = z.object({ campaignId: ZId, fields: ZAdminCampaignFields });

/** Lifecycle: `schedule` (ready, opens at its start), `activate` (open now), `pause`, `archive`. */
export const ZCampaignStateAction = z.enum(['schedule', 'activate', 'pause', 'archive']);
export const ZCampaignStateInput = z.object({ campaignId: ZId, action: ZCampaignStateAction });

/** A campaign as operators edit it: its stored state, the fee as typed, each method with its settings. */
export const ZAdminCampaign = ZCampaignBase.extend({
  nftGasFeeSol: z.string(),
  isReady: z.boolean(),
  archivedAt: z.string().nullable(),
  methods: z.array(z.object({ method: ZEligibilityMethod, config: z.record(z.string(), z.unknown()) })),
});
export type TAdminCampaign = z.infer<typeof ZAdminCampaign>;

export const ZAdminCampaignListInput = ZPageInput.extend({
  query: text().trim().max(120).optional(),
  archived: z.boolean().default(false),
});
export const ZAdminCampaignPage = pageOf(ZAdminCampaign);
export const ZAdminCampaignId = z.object({ campaignId: ZId });

export const ZCampaignGroupFields = z.object({
  slug: ZSlug,
  name: text().trim().min(1).max(200),
  description: optionalText(2000),
});
export const ZCampaignGroupRow = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
});
export const ZCampaignGroupUpdate = z.object({ groupId: ZId, fields: ZCampaignGroupFields });
/** Groups in the order they were made, a page at a time. */
export const ZCampaignGroupListInput = ZPageInput;
export const ZCampaignGroupPage = pageOf(ZCampaignGroupRow);

/** An activity of a campaign: an existing one by id, or a new one described here. */
export const ZCampaignActivityInput = z
  .object({
    campaignId: ZId,
    activityId: ZId.optional(),
    activity: z
      .object({
        scope: ZActivityScope.default('campaign'),
        kind: ZActivityKind,
        name: text().trim().min(1).max(200),
        description: optionalText(2000),
        parameter: storableJson(z.record(z.string(), z.unknown())).default({}),
      })
      .optional(),
    points: z.number().int().min(0, 'Points cannot be negative').max(1_000_000),
    quantity: z.number().int().min(1).max(10_000).default(1),
    required: z.boolean().default(false),
  })
  .refine((v) => (v.activityId === undefined) !== (v.activity === undefined), {
    message: 'Pick an existing activity or describe a new one',
    path: ['activityId'],
  })
  .superRefine((v, ctx) => {
    // A self-checking task is refused unless its kind's settings read (docs/product/tasks.md).
    const kind = v.activity?.kind;
    if (!v.activity || !kind || !isTaskKind(kind)) return;
    const parsed = taskParameterSchemas[kind].safeParse(v.activity.parameter);
    for (const issue of parsed.error?.issues ?? [])
      ctx.addIssue({
        code: 'custom',
        path: ['activity', 'parameter', ...issue.path],
        message: issue.message,
      });
  });
export const ZCampaignActivityRow = z.object({
  campaignActivityId: z.number().int(),
  activityId: z.number().int(),
  name: z.string(),
  kind: ZActivityKind,
  scope: ZActivityScope,
  points: z.number().int(),
  quantity: z.number().int(),
  required: z.boolean(),
});
export const ZCampaignActivityRemove = z.object({ campaignId: ZId, activityId: ZId });

/** A promotion (the NFT members claim) of a campaign. */
export const ZPromotionFields = z.object({
  name: text().trim().min(1, 'Name the NFT').max(32),
  symbol: z
    .string()
    .trim()
    .min(1)
    .max(10)
    .regex(/^[A-Z0-9]+$/, 'Use upper-case letters and digits only'),
  description: optionalText(2000),
  image: text().trim().min(1, 'Give the NFT image URL').max(500),
  video: text().trim().max(500).optional(),
  collectionAddress: optionalText(128),
  network: ZNetwork,
  /** Percent with up to two decimals, 0–100; stored as basis points. */
  royaltyPercent: z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, 'Royalty is a percent like 5.5')
    .refine((p) => Number(p) <= 100, 'Royalty is at most 100 %')
    .default('5.5'),
});
export const ZPromotionSave = z.object({
  campaignId: ZId,
  promotionId: ZId.optional(),
  fields: ZPromotionFields,
});
export const ZAdminPromotion = ZPromotion.extend({ royaltyPercent: z.string() });
export const ZPromotionRemove = z.object({ campaignId: ZId, promotionId: ZId });

/** Everything the builder shows for one campaign. */
export const ZAdminCampaignDetail = z.object({
  campaign: ZAdminCampaign,
  activities: z.array(ZCampaignActivityRow),
  promotions: z.array(ZAdminPromotion),
});
export type TAdminCampaignDetail = z.infer<typeof ZAdminCampaignDetail>;

/** The campaign as a member will see it, with what the builder still lacks before members can. */
export const ZCampaignPreview = z.object({
  campaign: ZCampaign,
  promotions: z.array(ZPromotion),
  activities: z.array(ZCampaignActivityRow),
  gasFeeSol: z.string(),
  visibleToMembers: z.boolean(),
  missing: z.array(z.string()),
});
export type TCampaignPreview = z.infer<typeof ZCampaignPreview>;

/** Snapshot upload: declare the file first (its SHA-256), then stream it to /admin/snapshots/:id/upload. */
export const ZSnapshotBeginInput = z.object({
  campaignId: ZId,
  network: ZNetwork,
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/, 'The file hash is 64 hex digits'),
  bytes: z.number().int().positive(),
});
export const ZSnapshotBeginOutput = z.object({
  /** True when this very file is already the active snapshot: nothing to upload. */
  reused: z.boolean(),
  progress: ZSnapshotProgress,
});
/** A campaign's snapshot versions, newest first, a page at a time. */
export const ZSnapshotListInput = ZPageInput.extend({ campaignId: ZId });
export const ZSnapshotList = pageOf(ZSnapshotProgress);

export * from './admin-campaign-access';
