import { z } from 'zod';
import { ZId } from './ids';
import { text } from './text';

/*
 * The task kinds that check themselves (docs/product/tasks.md): what an operator stores in an
 * activity's `parameter` for each, and what a member sees of it. A quiz's right answers live only in
 * the parameter, which no member-facing answer carries.
 */

const MAX_QUESTIONS = 50;
const MAX_CHOICES = 8;

export const ZQuizQuestion = z
  .object({
    prompt: text().trim().min(1, 'Write the question').max(500),
    choices: z
      .array(text().trim().min(1, 'A choice cannot be empty').max(200))
      .min(2, 'Give at least two choices')
      .max(MAX_CHOICES, `At most ${MAX_CHOICES} choices`),
    /** Indexes into `choices`; more than one makes it a multiple-choice question. */
    correct: z.array(z.number().int().min(0)).min(1, 'Mark at least one right answer'),
    /** Whether the member may pick several; a single-choice question has exactly one right answer. */
    multiple: z.boolean().default(false),
  })
  .superRefine((q, ctx) => {
    if (q.correct.some((i) => i >= q.choices.length))
      ctx.addIssue({
        code: 'custom',
        path: ['correct'],
        message: 'A right answer must be one of the choices',
      });
    if (new Set(q.correct).size !== q.correct.length)
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'A right answer is marked twice' });
    if (!q.multiple && q.correct.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['correct'],
        message: 'A single-choice question has exactly one right answer',
      });
  });
export type TQuizQuestion = z.infer<typeof ZQuizQuestion>;

export const ZQuizParameter = z.object({
  questions: z.array(ZQuizQuestion).min(1, 'Add at least one question').max(MAX_QUESTIONS),
  /** Share of questions answered right that passes, in percent. */
  passPercent: z.number().int().min(1).max(100).default(100),
  /** Attempts each member has; the last one that fails ends the quiz for them. */
  maxAttempts: z.number().int().min(1).max(20).default(3),
});
export type TQuizParameter = z.infer<typeof ZQuizParameter>;

const ZHttpUrl = text()
  .trim()
  .max(2000)
  .refine((raw) => {
    try {
      const url = new URL(raw);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Give a web address starting with https:// or http://');

export const ZVisitLinkParameter = z.object({ url: ZHttpUrl });
export type TVisitLinkParameter = z.infer<typeof ZVisitLinkParameter>;

const SOLANA_ADDRESS = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

/** A transaction from one of the member's Solana wallets calling a program, inside the campaign window. */
export const ZOnchainParameter = z.object({
  network: z.literal('sol').default('sol'),
  programId: z.string().trim().regex(SOLANA_ADDRESS, 'Give the program address (base58)'),
  /** Lamports the wallet spent in the transaction (fee included), as a decimal string; absent: any. */
  minLamports: z
    .string()
    .regex(/^\d{1,19}$/, 'Give a whole number of lamports')
    .optional(),
});
export type TOnchainParameter = z.infer<typeof ZOnchainParameter>;

/** A partner completes it through the partner API; nothing to configure beyond the activity itself. */
export const ZPartnerTaskParameter = z.object({});

/** The parameter schema of each self-checking kind (their `review` / `grantsProductSku` stay allowed). */
export const taskParameterSchemas = {
  quiz: ZQuizParameter,
  visit_link: ZVisitLinkParameter,
  onchain_tx: ZOnchainParameter,
  partner_api: ZPartnerTaskParameter,
} as const;
export type TTaskKind = keyof typeof taskParameterSchemas;
export const isTaskKind = (kind: string): kind is TTaskKind => kind in taskParameterSchemas;

export const ZTaskInput = z.object({ campaignId: ZId, activityId: ZId });
export type TTaskInput = z.infer<typeof ZTaskInput>;

/** A question as the member sees it: no right answers. */
export const ZQuizQuestionView = z.object({
  index: z.number().int(),
  prompt: z.string(),
  choices: z.array(z.string()),
  multiple: z.boolean(),
});

/** The last attempt, explained by counts only, so it never tells which choice was right. */
export const ZQuizResult = z.object({
  correct: z.number().int(),
  total: z.number().int(),
  /** Right answers a pass needs. */
  needed: z.number().int(),
  passed: z.boolean(),
});
export type TQuizResult = z.infer<typeof ZQuizResult>;

/** What a member is shown of a self-checking task (`activity.task`); never the quiz's right answers. */
export const ZTaskView = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('quiz'),
    questions: z.array(ZQuizQuestionView),
    passPercent: z.number().int(),
    maxAttempts: z.number().int(),
    attemptsUsed: z.number().int(),
    lastResult: ZQuizResult.nullable(),
  }),
  z.object({
    kind: z.literal('visit_link'),
    /** Where the link leads, to show; the member opens `go` (our signed redirect) to be counted. */
    host: z.string(),
    /** Null for guests: the redirect is signed for one member. */
    go: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('onchain_tx'),
    network: z.literal('sol'),
    programId: z.string(),
    minLamports: z.string().nullable(),
    startAt: z.iso.datetime().nullable(),
    endAt: z.iso.datetime().nullable(),
  }),
  z.object({ kind: z.literal('partner_api') }),
]);
export type TTaskView = z.infer<typeof ZTaskView>;

/** One question's picks: indexes of the choices, one for a single-choice question. */
export const ZQuizAnswersInput = ZTaskInput.extend({
  answers: z
    .array(
      z
        .array(
          z
            .number()
            .int()
            .min(0)
            .max(MAX_CHOICES - 1),
        )
        .max(MAX_CHOICES),
    )
    .max(MAX_QUESTIONS),
});
export type TQuizAnswersInput = z.infer<typeof ZQuizAnswersInput>;

export const ZQuizAnswersOutput = z.object({
  result: ZQuizResult,
  attemptsUsed: z.number().int(),
  maxAttempts: z.number().int(),
  status: z.enum(['completed', 'pending_review', 'not_started']),
  pointsAwarded: z.number().int(),
});
export type TQuizAnswersOutput = z.infer<typeof ZQuizAnswersOutput>;

/** What a partner sends to complete a "partner API" task for a member (POST /api/v1/...). */
export const ZPartnerCompletion = z.object({
  /** The member's wallet address, as they signed in with it. */
  wallet: text().trim().min(20).max(100),
  /** Optional context the partner wants kept with the completion (its own reference). */
  reference: text().trim().max(200).optional(),
});
export type TPartnerCompletion = z.infer<typeof ZPartnerCompletion>;

export const ZPartnerCompletionAnswer = z.object({
  campaignId: z.number().int(),
  activityId: z.number().int(),
  status: z.enum(['completed', 'pending_review']),
  /** False when this member had already completed it: a repeat call records nothing new. */
  created: z.boolean(),
  pointsAwarded: z.number().int(),
});
export type TPartnerCompletionAnswer = z.infer<typeof ZPartnerCompletionAnswer>;
