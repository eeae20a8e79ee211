/**
 * Facts about each value of an enum, kept with the values themselves: enums.ts builds the schemas
 * from these keys (their order is the enums' order, which the database's CHECK constraints and the
 * funnel's steps follow), and the api reads the facts from here instead of restating them.
 */

/** The keys of a fact table, in the order written, as the non-empty tuple z.enum takes. */
export function keysOf<K extends string>(facts: Readonly<Record<K, unknown>>): [K, ...K[]] {
  // Object.keys types its answer as string[]; these are exactly the record's keys, in insertion order.
  return Object.keys(facts) as [K, ...K[]];
}

/**
 * How a member qualifies by each eligibility method: holding an NFT on a network (the method is the
 * network), a referral code, an operator's bypass, or the Discord bot (docs/product/eligibility.md).
 */
export const eligibilityMethodKinds = {
  eth: 'holder',
  sol: 'holder',
  ton: 'holder',
  soon: 'holder',
  berachain: 'holder',
  referral: 'code',
  c_referral: 'code',
  bypass: 'operator',
  discord: 'bot',
} as const;

/**
 * Who completes each activity kind: an event elsewhere in the product (sign-in, a verified email, a
 * linked account, a referral, a partner's call), or the member, with proof (docs/product/points.md;
 * the quiz, link, on-chain and partner kinds in docs/product/tasks.md).
 */
export const activityCompletedBy = {
  sign_in: 'event',
  verify_email: 'event',
  link_x: 'event',
  link_discord: 'event',
  refer_friends: 'event',
  x_post: 'member',
  manual: 'member',
  // Checked with the service itself when the member presses Verify (social-tasks.ts).
  x_follow: 'member',
  x_repost: 'member',
  x_like: 'member',
  x_tag_post: 'member',
  discord_member: 'member',
  discord_role: 'member',
  telegram_join: 'member',
  quiz: 'member',
  visit_link: 'member',
  onchain_tx: 'member',
  partner_api: 'event',
} as const;

/**
 * Every move an NFT claim may make (docs/product/claims.md). `mint_failed → minted` is the retry;
 * `minted` and `payment_expired` are final, so an expired number is never reused.
 */
export const nftStatusMoves = {
  new: ['paid', 'payment_expired'],
  paid: ['payment_confirmed', 'payment_expired'],
  payment_confirmed: ['minted', 'mint_failed'],
  minted: [],
  mint_failed: ['minted'],
  payment_expired: [],
} as const;

/** Every move an order may make (docs/product/orders.md); anything else is refused. */
export const orderStatusMoves = {
  new: ['paid', 'cancelled'],
  paid: ['confirmed', 'expired', 'refunded'],
  confirmed: ['processing', 'refunded'],
  processing: ['shipped'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
  expired: [],
  refunded: [],
} as const;

/**
 * The funnel's steps in order, and what each counts: browser sessions for the steps before a member
 * signs in, members after (docs/product/admin.md).
 */
export const funnelStepCounts = {
  visit: 'sessions',
  connect: 'sessions',
  sign_in: 'members',
  eligible: 'members',
  claimed: 'members',
  minted: 'members',
  ordered: 'members',
} as const;
