import { BARE_NAME } from './bare-baseline';
import { combine, type LoadRequest, type LoadResult, measureLoad } from './http';
import { fmt, type Row, ratioOf } from './table';

export const CONNECTIONS = 50;
/** Seconds of load per side in a full run, split into alternating rounds. */
const FULL_SECONDS = 8;
const FULL_ROUNDS = 2;
const SHORT_SECONDS = 1;

/** The trivial query the bare baseline serves, with the headers the measured request carries. */
export const TRIVIAL_PATH = '/trpc/system.version';
const asBaseline = (request: LoadRequest): LoadRequest => ({ path: TRIVIAL_PATH, headers: request.headers });

export interface Compared {
  bare: LoadResult;
  value: LoadResult;
}

/**
 * `next` against our server and the bare baseline, in alternating rounds (a burst of load from other
 * work on this shared machine then hits both sides alike): 8 s a side in a full run, 1 s in --short.
 * The baseline gets the same header bytes as each measured request (the fresh client address, the
 * cookie), so the load generator's per-request work is the same on both sides.
 */
export async function againstBare(
  bareUrl: string,
  serverUrl: string,
  next: () => LoadRequest,
  short: boolean,
): Promise<Compared> {
  const load = (seconds: number) => ({ connections: CONNECTIONS, seconds });
  const measured = () => next();
  const baseline = () => asBaseline(next());
  const rounds = short ? 1 : FULL_ROUNDS;
  const seconds = short ? SHORT_SECONDS : FULL_SECONDS / FULL_ROUNDS;
  if (!short) {
    // JIT warm-up of both processes, not counted.
    await measureLoad(bareUrl, baseline, load(1));
    await measureLoad(serverUrl, measured, load(1));
  }
  const bareRuns: LoadResult[] = [];
  const valueRuns: LoadResult[] = [];
  for (let round = 0; round < rounds; round += 1) {
    bareRuns.push(await measureLoad(bareUrl, baseline, load(seconds)));
    valueRuns.push(await measureLoad(serverUrl, measured, load(seconds)));
  }
  return { bare: combine(bareRuns), value: combine(valueRuns) };
}

/** A table row of a measure against the bare baseline, with its target ratio (and p99 bound). */
export function rowAgainstBare(
  measure: string,
  { bare, value }: Compared,
  target: { ratio?: number; p99Ms?: number },
): Row {
  const failures = value.errors + value.non2xx + bare.errors + bare.non2xx;
  const ratio = value.requestsPerSecond / bare.requestsPerSecond;
  const targets = [
    target.ratio === undefined ? null : `≥ ${target.ratio}×`,
    target.p99Ms === undefined ? null : `p99 < ${target.p99Ms} ms`,
  ].filter((t) => t !== null);
  const hasTarget = targets.length > 0;
  const pass =
    (target.ratio === undefined || ratio >= target.ratio) &&
    (target.p99Ms === undefined || value.p99 < target.p99Ms) &&
    failures === 0;
  return {
    measure,
    value: `${fmt(value.requestsPerSecond)} req/s 2xx, p99 ${value.p99.toFixed(1)} ms, failures ${failures}`,
    baseline: `${BARE_NAME}: ${fmt(bare.requestsPerSecond)} req/s`,
    ratio: ratioOf(value.requestsPerSecond, bare.requestsPerSecond),
    target: hasTarget ? targets.join(', ') : '—',
    pass: hasTarget ? pass : null,
  };
}
