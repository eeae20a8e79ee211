import { isUpstreamError } from '@puffy/chains';
import { UpstreamUnavailable } from '../platform/errors';

/**
 * How long until the chain's RPC is worth asking again: when its circuit breaker lets calls through
 * (the breaker says so on the error), else `fallbackSeconds` (about the payment RPC's cool-down).
 */
export function retryAfterSecondsOf(error: unknown, fallbackSeconds = 5): number {
  const ms = isUpstreamError(error) ? error.retryAfterMs : undefined;
  return ms === undefined ? fallbackSeconds : Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Runs one payment job's work. When the RPC does not answer, the job looks again as soon as the RPC's
 * breaker lets calls through, instead of failing into the queue's growing backoff (15 s, 30 s, 60 s,
 * 120 s ...), so a blip of a few seconds delays a confirmation by seconds, not minutes. `again`
 * schedules the next look after that many seconds.
 */
export async function untilSettled(
  run: () => Promise<'waiting' | string>,
  again: (seconds: number | null) => Promise<void>,
): Promise<void> {
  let outcome: string;
  try {
    outcome = await run();
  } catch (error) {
    if (!(error instanceof UpstreamUnavailable)) throw error;
    await again(error.options.retryAfterSeconds ?? null);
    return;
  }
  if (outcome === 'waiting') await again(null);
}
