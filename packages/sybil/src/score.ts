import type { MemberLinks } from './clusters';
import type { TMemberSignals } from './signals';

const DAY_MS = 24 * 60 * 60_000;

export type RiskSignal =
  | 'new-wallet'
  | 'few-transactions'
  | 'no-linked-accounts'
  | 'new-linked-accounts'
  | 'shared-device'
  | 'same-funder'
  | 'sign-in-burst'
  | 'humanity-verified';

/** One reason in a member's score: which signal, how many points it added (or took away), in words. */
export interface RiskReason {
  signal: RiskSignal;
  points: number;
  detail: string;
}

export interface RiskScore {
  /** 0 (no sign of a farm) to 100. */
  score: number;
  reasons: RiskReason[];
}

/** A humanity score at or above this counts as verified (Gitcoin Passport's usual threshold). */
export const HUMANITY_THRESHOLD = 20;

/**
 * A member's risk with its reasons (docs/product/sybil.md). Each signal adds points up to its own cap,
 * so no single weak signal condemns anyone; evidence shared with other members weighs most, and a
 * verified humanity score takes points away.
 */
export function riskScore(member: TMemberSignals, links: MemberLinks, now: Date): RiskScore {
  const reasons: RiskReason[] = [];
  const add = (signal: RiskSignal, points: number, detail: string) => {
    if (points !== 0) reasons.push({ signal, points, detail });
  };

  const oldest = Math.min(...member.wallets.map((w) => w.firstActivityAt?.getTime() ?? now.getTime()));
  const ageDays = member.wallets.length === 0 ? 0 : Math.floor((now.getTime() - oldest) / DAY_MS);
  if (ageDays < 7)
    add(
      'new-wallet',
      20,
      ageDays === 0
        ? 'Its oldest wallet has no history before today.'
        : `Its oldest wallet is ${ageDays} days old.`,
    );
  else if (ageDays < 30) add('new-wallet', 10, `Its oldest wallet is ${ageDays} days old.`);

  const transactions = member.wallets.reduce((sum, w) => sum + w.transactionCount, 0);
  if (transactions < 3) add('few-transactions', 15, `Its wallets have made ${transactions} transactions.`);
  else if (transactions < 10)
    add('few-transactions', 5, `Its wallets have made ${transactions} transactions.`);

  if (member.linkedAccounts.length === 0)
    add('no-linked-accounts', 10, 'No email, X, Discord or Telegram account is linked.');
  else {
    const young = member.linkedAccounts.filter(
      (a) => a.createdAt && now.getTime() - a.createdAt.getTime() < 30 * DAY_MS,
    );
    if (young.length === member.linkedAccounts.length)
      add('new-linked-accounts', 5, 'Every linked account is less than 30 days old.');
  }

  if (links.sharedDevice > 0)
    add(
      'shared-device',
      Math.min(30, 10 + 5 * links.sharedDevice),
      `Signed in from a device that ${plural(links.sharedDevice)} also used.`,
    );
  if (links.sameFunder > 0)
    add(
      'same-funder',
      Math.min(35, 10 + 5 * links.sameFunder),
      `Funded by the same wallet as ${plural(links.sameFunder)}, minutes apart.`,
    );
  if (links.burst > 0)
    add(
      'sign-in-burst',
      Math.min(20, 5 + 2 * links.burst),
      `Signed in from one network together with ${plural(links.burst)} within 10 minutes.`,
    );

  if (member.humanityScore !== null && member.humanityScore >= HUMANITY_THRESHOLD) {
    add('humanity-verified', -25, `A humanity score of ${member.humanityScore} is linked.`);
  }
  const score = Math.max(
    0,
    Math.min(
      100,
      reasons.reduce((sum, r) => sum + r.points, 0),
    ),
  );
  return { score, reasons };
}

const plural = (n: number) => (n === 1 ? '1 other member' : `${n} other members`);
