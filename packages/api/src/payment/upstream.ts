import { isUpstreamError } from '@puffy/chains';
import type { JobDefinition } from '@puffy/jobs';
import type { Deps } from '../deps';
import { UpstreamUnavailable } from '../platform/errors';
import { type JobRegistration, jobRegistration } from '../platform/job-registry';

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

/**
 * A payment job that runs `settle` until it is settled (`untilSettled`). Not settled yet, a new job of
 * the same kind with the same payload looks again later (the running one still holds its key), after
 * the deployment's `retrySeconds`, or sooner when the RPC's breaker says when it answers again.
 */
export function settlingJob<P extends object>(
  definition: JobDefinition<P>,
  retrySeconds: (deps: Deps) => number,
  settle: (deps: Deps, payload: P) => Promise<'waiting' | string>,
): JobRegistration {
  return jobRegistration(
    definition,
    (deps) => (payload) =>
      untilSettled(
        () => settle(deps, payload),
        async (seconds) => {
          const wait = seconds ?? retrySeconds(deps);
          const startAfter = new Date(deps.clock.now().getTime() + wait * 1000);
          await deps.jobs.queue.enqueue(definition, payload, { startAfter });
        },
      ),
  );
}
