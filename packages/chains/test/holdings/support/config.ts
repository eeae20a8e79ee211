import type { HoldingsReaderConfig } from '../../../src/holdings';

/** Small timeouts and backoff so fault tests take milliseconds; a breaker that stays out of the way. */
export function fastConfig(overrides: Partial<HoldingsReaderConfig> = {}): HoldingsReaderConfig {
  return {
    evmRpcUrls: {},
    timeoutMs: 2_000,
    retries: 2,
    backoff: { baseDelayMs: 1, maxDelayMs: 4 },
    breaker: { failureThreshold: 1_000, cooldownMs: 60_000 },
    ...overrides,
  };
}

/** A settable clock for breaker cool-downs and the DAS re-check. */
export function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}
