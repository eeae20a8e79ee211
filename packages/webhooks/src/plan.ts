import { MAX_RETRIES, retryDelaySeconds } from './schedule';

/** How long a replaced secret keeps signing beside the new one (docs/product/webhooks.md). */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60_000;

export interface EndpointSecret {
  secret: string;
  createdAt: Date;
  /** When a newer secret replaced it; null for the current one. */
  replacedAt: Date | null;
}

/**
 * The secrets that sign a delivery now: the current one, and a replaced one for 24 hours after its
 * replacement, so a partner has a day to switch. Newest first.
 */
export function signingSecrets(secrets: readonly EndpointSecret[], now: Date): string[] {
  return secrets
    .filter((s) => s.replacedAt === null || now.getTime() - s.replacedAt.getTime() < ROTATION_OVERLAP_MS)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map((s) => s.secret);
}

export type NextStep =
  | { kind: 'delivered' }
  | { kind: 'retry'; retry: number; at: Date }
  /** The last retry failed: disable the endpoint and alert the operators. */
  | { kind: 'give-up'; attempts: number };

/**
 * What happens after an attempt, from the attempts so far (oldest first): a success ends it; a failure
 * schedules the next retry on the backoff; a failure after the last retry gives up.
 */
export function nextStep(
  attempts: ReadonlyArray<{ at: Date; ok: boolean }>,
  random: () => number = Math.random,
): NextStep {
  const last = attempts.at(-1);
  if (!last) throw new RangeError('a plan follows an attempt');
  if (last.ok) return { kind: 'delivered' };
  const retry = attempts.length;
  const wait = retryDelaySeconds(retry, random);
  if (wait === null || retry > MAX_RETRIES) return { kind: 'give-up', attempts: attempts.length };
  return { kind: 'retry', retry, at: new Date(last.at.getTime() + wait * 1000) };
}
