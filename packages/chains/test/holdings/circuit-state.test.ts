import { describe, expect, it } from 'vitest';
import {
  CircuitBreaker,
  type CircuitState,
  circuitBreakerStates,
  onAnyCircuitStateChange,
  UpstreamError,
} from '../../src/holdings';

const transient = () => new UpstreamError({ kind: 'unavailable', service: 'test', message: 'HTTP 503' });

function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('circuit breaker state reporting', () => {
  it('announces open, half-open and closed to its own hook and to process-wide listeners', async () => {
    const clock = manualClock();
    const own: string[] = [];
    const everywhere: string[] = [];
    const service = `rpc-${crypto.randomUUID()}`;
    const stop = onAnyCircuitStateChange((c) => {
      if (c.service === service) everywhere.push(`${c.from}>${c.to}`);
    });
    const breaker = new CircuitBreaker({
      service,
      failureThreshold: 2,
      cooldownMs: 1_000,
      now: clock.now,
      onStateChange: (c) => own.push(`${c.from}>${c.to}`),
    });
    const fail = () => breaker.execute(async () => Promise.reject(transient()));
    await expect(fail()).rejects.toThrow();
    expect(own).toEqual([]);
    await expect(fail()).rejects.toThrow();
    expect(circuitBreakerStates()).toContainEqual({ service, state: 'open' });
    clock.advance(1_000);
    expect(circuitBreakerStates()).toContainEqual({ service, state: 'half_open' });
    await expect(fail()).rejects.toThrow();
    clock.advance(1_000);
    await expect(breaker.execute(async () => 'ok')).resolves.toBe('ok');
    expect(circuitBreakerStates()).toContainEqual({ service, state: 'closed' });
    const expected = [
      'closed>open',
      'open>half_open',
      'half_open>open',
      'open>half_open',
      'half_open>closed',
    ];
    expect(own).toEqual(expected);
    expect(everywhere).toEqual(expected);
    stop();
    await expect(fail()).rejects.toThrow();
    await expect(fail()).rejects.toThrow();
    expect(everywhere).toEqual(expected);
    expect(own.at(-1)).toBe('closed>open');
  });

  it('keeps deciding when a listener throws', async () => {
    const service = `rpc-${crypto.randomUUID()}`;
    const seen: CircuitState[] = [];
    const breaker = new CircuitBreaker({
      service,
      failureThreshold: 1,
      cooldownMs: 60_000,
      onStateChange: ({ to }) => {
        seen.push(to);
        throw new Error('a broken observer');
      },
    });
    await expect(breaker.execute(async () => Promise.reject(transient()))).rejects.toMatchObject({
      kind: 'unavailable',
    });
    await expect(breaker.execute(async () => 'never')).rejects.toMatchObject({ kind: 'circuit_open' });
    expect(seen).toEqual(['open']);
  });
});
