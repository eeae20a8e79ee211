import { isTransientFailure, UpstreamError } from './upstream-error';

export type Clock = () => number;
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `run` with a deadline. On expiry the signal is aborted (so the socket is released) and the call
 * rejects with a `timeout` UpstreamError, whatever `run` does afterwards.
 */
export async function withTimeout<T>(
  timeoutMs: number,
  service: string,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new UpstreamError({
        kind: 'timeout',
        service,
        message: `${service} did not answer within ${timeoutMs} ms.`,
      });
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([run(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** In [0, 1); injectable so that tests can pin the jitter. */
  random?: () => number;
  sleep?: Sleep;
  shouldRetry?: (error: unknown) => boolean;
}

/**
 * The wait before retry number `attempt` (0-based): "full jitter" over an exponentially growing, capped
 * window, so that many clients failing together do not come back together. A Retry-After the upstream
 * sent raises the wait, still within the cap.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, error: unknown): number {
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const jittered = Math.floor((policy.random ?? Math.random)() * window);
  const asked = error instanceof UpstreamError ? (error.retryAfterMs ?? 0) : 0;
  return Math.max(jittered, Math.min(asked, policy.maxDelayMs));
}

/** Retries transient failures only; a definitive answer (or a bad one) is returned or thrown at once. */
export async function retry<T>(run: (attempt: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  const shouldRetry = policy.shouldRetry ?? isTransientFailure;
  const sleep = policy.sleep ?? realSleep;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await run(attempt);
    } catch (error) {
      if (attempt >= policy.retries || !shouldRetry(error)) throw error;
      await sleep(backoffDelay(policy, attempt, error));
    }
  }
}

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  service: string;
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before a probe may go through. */
  cooldownMs: number;
  /**
   * How many calls half-open admits at once: the calls of one unit of work (1 unless set). A client
   * whose every operation is a pair of parallel calls (a payment check reads the transaction and its
   * status together) sets 2, or the probe's partner is refused and the operation fails anyway.
   */
  halfOpenProbes?: number;
  now?: Clock;
  /** Which errors count against the upstream; others (a definitive 4xx, say) prove it is answering. */
  isFailure?: (error: unknown) => boolean;
  /** Called on every transition (open, half-open probe admitted, closed), after it happened. */
  onStateChange?: CircuitStateListener;
}

export type CircuitStateListener = (change: {
  service: string;
  from: CircuitState;
  to: CircuitState;
}) => void;

/**
 * Every breaker of the process, held weakly so that a discarded client's breaker goes away with it:
 * the server's /metrics reads their states at scrape time and counts transitions, without the code
 * that builds the breakers (holdings readers, payment RPC clients) knowing about metrics.
 */
const liveBreakers = new Set<WeakRef<CircuitBreaker>>();
const stateListeners = new Set<CircuitStateListener>();

/** The current state of every live breaker (several may serve one service). */
export function circuitBreakerStates(): Array<{ service: string; state: CircuitState }> {
  const states: Array<{ service: string; state: CircuitState }> = [];
  for (const ref of liveBreakers) {
    const breaker = ref.deref();
    if (breaker) states.push({ service: breaker.service, state: breaker.state });
    else liveBreakers.delete(ref);
  }
  return states;
}

/** Hears the transitions of every breaker in the process; returns the function that stops listening. */
export function onAnyCircuitStateChange(listener: CircuitStateListener): () => void {
  stateListeners.add(listener);
  return () => {
    stateListeners.delete(listener);
  };
}

/**
 * closed → open after `failureThreshold` consecutive failures → half-open once `cooldownMs` has passed,
 * letting `halfOpenProbes` calls through → closed when a probe succeeds, open again when one fails.
 * Outcomes of calls admitted before the last state change are ignored, so a slow success from before an
 * outage cannot close a circuit that later calls opened.
 */
export class CircuitBreaker {
  readonly service: string;
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: Clock;
  private readonly isFailure: (error: unknown) => boolean;
  private phase: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probesInFlight = 0;
  private readonly halfOpenProbes: number;
  private generation = 0;
  private readonly onStateChange: CircuitStateListener | undefined;

  constructor(options: CircuitBreakerOptions) {
    if (!(options.failureThreshold >= 1)) throw new RangeError('failureThreshold must be at least 1');
    if (!(options.cooldownMs >= 0)) throw new RangeError('cooldownMs must not be negative');
    const probes = options.halfOpenProbes ?? 1;
    if (!(Number.isInteger(probes) && probes >= 1)) throw new RangeError('halfOpenProbes must be at least 1');
    this.halfOpenProbes = probes;
    this.service = options.service;
    this.threshold = options.failureThreshold;
    this.cooldownMs = options.cooldownMs;
    this.now = options.now ?? Date.now;
    this.isFailure = options.isFailure ?? isTransientFailure;
    this.onStateChange = options.onStateChange;
    liveBreakers.add(new WeakRef(this));
  }

  get state(): CircuitState {
    if (this.phase === 'open' && this.now() - this.openedAt >= this.cooldownMs) return 'half_open';
    return this.phase;
  }

  async execute<T>(run: () => Promise<T>): Promise<T> {
    const generation = this.admit();
    let result: T;
    try {
      result = await run();
    } catch (error) {
      if (generation === this.generation) {
        if (this.isFailure(error)) this.recordFailure();
        else this.close();
      }
      throw error;
    }
    if (generation === this.generation) this.close();
    return result;
  }

  private admit(): number {
    const state = this.state;
    if (state === 'closed') return this.generation;
    if (state === 'half_open' && this.probesInFlight < this.halfOpenProbes) {
      // The probes of one half-open spell share a generation, so any of them may close or reopen it.
      if (this.phase !== 'half_open') {
        const from = this.phase;
        this.phase = 'half_open';
        this.generation += 1;
        this.announce(from, 'half_open');
      }
      this.probesInFlight += 1;
      return this.generation;
    }
    const retryAfterMs = state === 'open' ? this.openedAt + this.cooldownMs - this.now() : undefined;
    throw new UpstreamError({
      kind: 'circuit_open',
      service: this.service,
      message: `${this.service} is failing; calls are paused for a moment.`,
      retryAfterMs,
    });
  }

  private recordFailure(): void {
    this.failures += 1;
    if (this.phase === 'half_open' || this.failures >= this.threshold) this.open();
  }

  private open(): void {
    const from = this.phase;
    this.phase = 'open';
    this.openedAt = this.now();
    this.failures = 0;
    this.probesInFlight = 0;
    this.generation += 1;
    this.announce(from, 'open');
  }

  private close(): void {
    const from = this.phase;
    if (from !== 'closed') this.generation += 1;
    this.phase = 'closed';
    this.failures = 0;
    this.probesInFlight = 0;
    if (from !== 'closed') this.announce(from, 'closed');
  }

  /** A listener that throws must not break the call it observes. */
  private announce(from: CircuitState, to: CircuitState): void {
    const change = { service: this.service, from, to };
    for (const listener of [this.onStateChange, ...stateListeners]) {
      try {
        listener?.(change);
      } catch {
        // Observers are metrics and logs; the breaker's own decision stands regardless.
      }
    }
  }
}

export interface ResilienceOptions {
  service: string;
  timeoutMs: number;
  retry: RetryPolicy;
  breaker: CircuitBreaker;
  /** Turns whatever the transport threw into an UpstreamError, so that retry and breaker can judge it. */
  classify: (error: unknown) => UpstreamError;
}

/**
 * Retry outside, breaker inside, timeout innermost (the order Polly documents for these policies): every
 * attempt counts towards the breaker, and once the breaker opens the remaining retries stop at once.
 */
export function callResiliently<T>(
  options: ResilienceOptions,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const attempt = () =>
    options.breaker.execute(() =>
      withTimeout(options.timeoutMs, options.service, async (signal) => {
        try {
          return await run(signal);
        } catch (error) {
          throw signal.aborted && signal.reason instanceof UpstreamError
            ? signal.reason
            : options.classify(error);
        }
      }),
    );
  return retry(attempt, options.retry);
}

/**
 * What a client lets its caller tune about its calls' resilience; anything left out comes from the
 * client's own defaults (`tunedResilience`).
 */
export interface ResilienceTuning {
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts after the first, on transient failures only. */
  retries?: number;
  backoff?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Share one breaker with other clients of the same upstream, or let the client make its own. */
  breaker?: CircuitBreaker | { failureThreshold?: number; cooldownMs?: number; halfOpenProbes?: number };
  now?: Clock;
  random?: () => number;
  sleep?: Sleep;
}

/** A client's defaults for what its caller did not tune; `halfOpenProbes` is 1 unless given. */
export interface ResilienceDefaults {
  timeoutMs: number;
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  failureThreshold: number;
  cooldownMs: number;
  halfOpenProbes?: number;
}

/** Timeout, retry policy and breaker for calls to `service`: the caller's tuning over the client's defaults. */
export function tunedResilience(
  service: string,
  tuning: ResilienceTuning,
  defaults: ResilienceDefaults,
): Omit<ResilienceOptions, 'classify'> {
  const { breaker } = tuning;
  return {
    service,
    timeoutMs: tuning.timeoutMs ?? defaults.timeoutMs,
    retry: {
      retries: tuning.retries ?? defaults.retries,
      baseDelayMs: tuning.backoff?.baseDelayMs ?? defaults.baseDelayMs,
      maxDelayMs: tuning.backoff?.maxDelayMs ?? defaults.maxDelayMs,
      random: tuning.random,
      sleep: tuning.sleep,
    },
    breaker:
      breaker instanceof CircuitBreaker
        ? breaker
        : new CircuitBreaker({
            service,
            failureThreshold: breaker?.failureThreshold ?? defaults.failureThreshold,
            cooldownMs: breaker?.cooldownMs ?? defaults.cooldownMs,
            halfOpenProbes: breaker?.halfOpenProbes ?? defaults.halfOpenProbes,
            now: tuning.now,
          }),
  };
}
