import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  CircuitBreaker,
  type RetryPolicy,
  retry,
  UpstreamError,
  withTimeout,
} from '../../src/holdings';

const transient = () => new UpstreamError({ kind: 'unavailable', service: 'test', message: 'HTTP 503' });
const definitive = () => new UpstreamError({ kind: 'bad_response', service: 'test', message: 'HTTP 400' });

function recordingPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { slept: number[] } {
  const slept: number[] = [];
  return {
    retries: 3,
    baseDelayMs: 100,
    maxDelayMs: 1_000,
    random: () => 0.5,
    sleep: async (ms) => {
      slept.push(ms);
    },
    slept,
    ...overrides,
  };
}

function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('withTimeout', () => {
  it('returns what the call returns when it is fast enough', async () => {
    await expect(withTimeout(200, 'test', async () => 'answer')).resolves.toBe('answer');
  });

  it('rejects with a timeout UpstreamError and aborts the signal when the call is slow', async () => {
    let seen: AbortSignal | undefined;
    const slow = withTimeout(20, 'rpc', (signal) => {
      seen = signal;
      return new Promise<string>(() => undefined);
    });
    await expect(slow).rejects.toMatchObject({
      name: 'UpstreamError',
      kind: 'timeout',
      service: 'rpc',
      retryable: true,
    });
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBeInstanceOf(UpstreamError);
  });
});

describe('retry', () => {
  it('retries transient failures with exponential, capped, jittered waits', async () => {
    const policy = recordingPolicy({ retries: 5, baseDelayMs: 100, maxDelayMs: 500 });
    let calls = 0;
    const result = await retry(async () => {
      calls += 1;
      if (calls <= 5) throw transient();
      return 'ok';
    }, policy);
    expect(result).toBe('ok');
    expect(calls).toBe(6);
    // windows 100, 200, 400, 500 (cap), 500; jitter 0.5 takes half of each.
    expect(policy.slept).toEqual([50, 100, 200, 250, 250]);
  });

  it('gives up after the configured retries and rethrows the last failure', async () => {
    const policy = recordingPolicy({ retries: 2 });
    let calls = 0;
    const failing = retry(async () => {
      calls += 1;
      throw transient();
    }, policy);
    await expect(failing).rejects.toMatchObject({ kind: 'unavailable' });
    expect(calls).toBe(3);
  });

  it.each([
    ['a bad response', definitive()],
    ['an open circuit', new UpstreamError({ kind: 'circuit_open', service: 'test', message: 'open' })],
    ['a programming error', new TypeError('bug')],
  ])('does not retry %s', async (_label, error) => {
    const policy = recordingPolicy();
    let calls = 0;
    await expect(
      retry(async () => {
        calls += 1;
        throw error;
      }, policy),
    ).rejects.toBe(error);
    expect(calls).toBe(1);
    expect(policy.slept).toEqual([]);
  });

  it('waits at least what Retry-After asked, within the cap', () => {
    const policy = recordingPolicy({ baseDelayMs: 10, maxDelayMs: 800, random: () => 0 });
    const asked = (ms: number) =>
      new UpstreamError({ kind: 'unavailable', service: 'test', message: '429', retryAfterMs: ms });
    expect(backoffDelay(policy, 0, asked(300))).toBe(300);
    expect(backoffDelay(policy, 0, asked(60_000))).toBe(800);
  });

  it('spreads waits across the whole window (full jitter)', () => {
    const low = recordingPolicy({ random: () => 0 });
    const high = recordingPolicy({ random: () => 0.999 });
    expect(backoffDelay(low, 2, transient())).toBe(0);
    expect(backoffDelay(high, 2, transient())).toBe(399);
  });
});

describe('CircuitBreaker', () => {
  const make = (clock: ReturnType<typeof manualClock>, failureThreshold = 3) =>
    new CircuitBreaker({ service: 'rpc', failureThreshold, cooldownMs: 10_000, now: clock.now });
  const fail = (breaker: CircuitBreaker) => breaker.execute(async () => Promise.reject(transient()));

  it('opens after N consecutive failures and then fails fast without calling the upstream', async () => {
    const clock = manualClock();
    const breaker = make(clock);
    for (let i = 0; i < 3; i += 1) await expect(fail(breaker)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(breaker.state).toBe('open');
    let called = false;
    clock.advance(4_000);
    const fast = breaker.execute(async () => {
      called = true;
      return 1;
    });
    await expect(fast).rejects.toMatchObject({ kind: 'circuit_open', retryable: true, retryAfterMs: 6_000 });
    expect(called).toBe(false);
  });

  it('counts consecutive failures only: a success resets the count', async () => {
    const breaker = make(manualClock());
    await expect(fail(breaker)).rejects.toThrow();
    await expect(fail(breaker)).rejects.toThrow();
    await breaker.execute(async () => 'ok');
    await expect(fail(breaker)).rejects.toThrow();
    await expect(fail(breaker)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('does not count definitive answers as failures: the upstream is answering', async () => {
    const breaker = make(manualClock(), 2);
    for (let i = 0; i < 5; i += 1) {
      await expect(breaker.execute(async () => Promise.reject(definitive()))).rejects.toMatchObject({
        kind: 'bad_response',
      });
    }
    expect(breaker.state).toBe('closed');
  });

  it('after the cool-down lets exactly one probe through, and closes when it succeeds', async () => {
    const clock = manualClock();
    const breaker = make(clock, 1);
    await expect(fail(breaker)).rejects.toThrow();
    clock.advance(10_000);
    expect(breaker.state).toBe('half_open');

    let probes = 0;
    let release: (value: string) => void = () => undefined;
    const probe = breaker.execute(() => {
      probes += 1;
      return new Promise<string>((resolve) => {
        release = resolve;
      });
    });
    const concurrent = await Promise.allSettled([
      breaker.execute(async () => 'second'),
      breaker.execute(async () => 'third'),
    ]);
    expect(concurrent.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(probes).toBe(1);

    release('probe ok');
    await expect(probe).resolves.toBe('probe ok');
    expect(breaker.state).toBe('closed');
    await expect(breaker.execute(async () => 'after')).resolves.toBe('after');
  });

  it('lets one unit of work through half-open when it is several parallel calls', async () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker({
      service: 'rpc',
      failureThreshold: 1,
      cooldownMs: 10_000,
      halfOpenProbes: 2,
      now: clock.now,
    });
    await expect(fail(breaker)).rejects.toThrow();
    clock.advance(10_000);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const pair = [breaker.execute(() => held.then(() => 'a')), breaker.execute(() => held.then(() => 'b'))];
    await expect(breaker.execute(async () => 'third')).rejects.toMatchObject({ kind: 'circuit_open' });
    release();
    await expect(Promise.all(pair)).resolves.toEqual(['a', 'b']);
    expect(breaker.state).toBe('closed');
    expect(
      () => new CircuitBreaker({ service: 'x', failureThreshold: 1, cooldownMs: 1, halfOpenProbes: 0 }),
    ).toThrow(RangeError);
  });

  it('re-opens for a fresh cool-down when the probe fails', async () => {
    const clock = manualClock();
    const breaker = make(clock, 1);
    await expect(fail(breaker)).rejects.toThrow();
    clock.advance(10_000);
    await expect(fail(breaker)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(breaker.state).toBe('open');
    clock.advance(9_999);
    await expect(breaker.execute(async () => 'x')).rejects.toMatchObject({ kind: 'circuit_open' });
    clock.advance(1);
    await expect(breaker.execute(async () => 'x')).resolves.toBe('x');
  });

  it('ignores a late success from a call admitted before the circuit opened', async () => {
    const clock = manualClock();
    const breaker = make(clock, 1);
    let release: (value: string) => void = () => undefined;
    const slow = breaker.execute(
      () =>
        new Promise<string>((resolve) => {
          release = resolve;
        }),
    );
    await expect(fail(breaker)).rejects.toThrow();
    expect(breaker.state).toBe('open');
    release('late');
    await expect(slow).resolves.toBe('late');
    expect(breaker.state).toBe('open');
  });

  it('refuses nonsensical settings', () => {
    expect(() => new CircuitBreaker({ service: 'x', failureThreshold: 0, cooldownMs: 1 })).toThrow(
      RangeError,
    );
    expect(() => new CircuitBreaker({ service: 'x', failureThreshold: 1, cooldownMs: -1 })).toThrow(
      RangeError,
    );
  });
});
