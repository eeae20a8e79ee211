import { z } from 'zod';
import { ZAdminScope, ZRole, ZWalletChain } from './enums';
import { text } from './text';

/** A member in brief: who they are, their wallet and their rights; each view adds what it needs. */
export const ZMemberSummary = z.object({
  id: z.string(),
  walletAddress: z.string(),
  chain: ZWalletChain,
  role: ZRole,
  scopes: z.array(ZAdminScope),
  name: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

/** The signed-in member as the SPA needs them right after sign-in (the full profile is `user.info`). */
export const ZAuthUser = ZMemberSummary.extend({
  walletAddressHex: z.string().nullable().describe('TON raw form (0:<hex>) for TON wallets'),
  avatarUrl: z.string().nullable(),
});
export type TAuthUser = z.infer<typeof ZAuthUser>;

export const ZChallengeOutput = z.object({
  challengeId: z.string(),
  /** The exact text to sign for sol and evm; for ton, the ton_proof payload. */
  message: z.string(),
  expiresAt: z.iso.datetime(),
});
export type TChallengeOutput = z.infer<typeof ZChallengeOutput>;

/**
 * Browsers get their tokens as HttpOnly cookies; a non-browser client asks for `delivery: 'body'` and
 * then sends `Authorization: Bearer <accessToken>`.
 */
export const ZTokenDelivery = z.enum(['cookie', 'body']);

export const ZSessionOutput = z.object({
  user: ZAuthUser,
  csrfToken: z.string(),
  expiresAt: z.iso.datetime().describe('When the access token expires; refresh before then'),
  sessionExpiresAt: z.iso.datetime().describe('When the session ends unless the member signs in again'),
  accessToken: z.string().optional(),
  refreshToken: z.string().optional(),
});
export type TSessionOutput = z.infer<typeof ZSessionOutput>;

export const ZSessionState = z.discriminatedUnion('signedIn', [
  z.object({ signedIn: z.literal(false) }),
  z.object({
    signedIn: z.literal(true),
    user: ZAuthUser,
    csrfToken: z.string(),
    expiresAt: z.iso.datetime(),
    sessionExpiresAt: z.iso.datetime(),
  }),
]);
export type TSessionState = z.infer<typeof ZSessionState>;

export const ZRefreshInput = z
  .object({
    refreshToken: text()
      .min(10)
      .max(200)
      .optional()
      .describe('Only for body delivery; browsers use the cookie'),
    delivery: ZTokenDelivery.default('cookie'),
  })
  .default({ delivery: 'cookie' });
