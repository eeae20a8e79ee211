import { z } from 'zod';

/**
 * What we know about a member for Sybil defence, each fact with where it came from
 * (docs/product/sybil.md). Wallet facts come from the chain, sign-ins from our own records, the
 * humanity score from the verifier the member linked.
 */
export const ZWalletFacts = z.object({
  address: z.string().min(1),
  /** First transaction seen on chain; null when the chain shows none. */
  firstActivityAt: z.date().nullable(),
  transactionCount: z.number().int().min(0),
  /** The wallet that first sent it funds, and when: shared funders within minutes mark farms. */
  fundedBy: z.object({ wallet: z.string().min(1), at: z.date() }).nullable(),
});
export type TWalletFacts = z.infer<typeof ZWalletFacts>;

export const ZSignIn = z.object({
  at: z.date(),
  /** The client's network: an IPv4 /24 or IPv6 /48 prefix, never the full address. */
  network: z.string().min(1),
  /** A hash of the browser's device signals; null when the browser gave none. */
  device: z.string().min(1).nullable(),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZLinkedAccount = z.object({
  kind: z.enum(['email', 'x', 'discord', 'telegram']),
  /** When the account was made on its service, when the service says; null otherwise. */
  createdAt: z.date().nullable(),
});

export const ZMemberSignals = z.object({
  memberId: z.string().min(1),
  wallets: z.array(ZWalletFacts),
  linkedAccounts: z.array(ZLinkedAccount),
  signIns: z.array(ZSignIn),
  /** A proof-of-humanity score (Gitcoin Passport's scale), null when none is linked. */
  humanityScore: z.number().min(0).nullable(),
});
export type TMemberSignals = z.infer<typeof ZMemberSignals>;
