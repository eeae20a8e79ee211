import { CircuitBreaker, UpstreamError } from '@puffy/chains';
import type { JobStats } from '@puffy/jobs';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics';

const stats: JobStats = {
  queued: 7,
  scheduled: 2,
  running: 1,
  failed: 3,
  dead: 4,
  oldestQueuedAgeSeconds: 95.5,
};

describe('job queue gauges', () => {
  it('report the queue by state and the oldest due job, read once per scrape', async () => {
    let reads = 0;
    const metrics = createMetrics({
      jobs: {
        stats: async () => {
          reads += 1;
          return stats;
        },
      },
    });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^puffy_jobs\{state="queued"\} 7$/m);
    expect(text).toMatch(/^puffy_jobs\{state="dead"\} 4$/m);
    expect(text).toMatch(/^puffy_jobs_oldest_queued_age_seconds 95.5$/m);
    expect(text).toMatch(/^puffy_metrics_source_up\{source="jobs"\} 1$/m);
    expect(reads).toBe(1);
  });

  it('report the source down, and no stale values, when the queue does not answer', async () => {
    let fail = false;
    const metrics = createMetrics({
      jobs: {
        stats: () => (fail ? Promise.reject(new Error('connection refused')) : Promise.resolve(stats)),
      },
    });
    expect(await metrics.registry.metrics()).toMatch(/^puffy_jobs\{state="queued"\} 7$/m);
    fail = true;
    await new Promise((r) => setTimeout(r, 1100));
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^puffy_metrics_source_up\{source="jobs"\} 0$/m);
    expect(text).not.toMatch(/^puffy_jobs\{/m);
  });

  it('count 429 answers as rate-limit rejections and nothing else', async () => {
    const metrics = createMetrics();
    metrics.observe('POST', 'trpc:auth.challenge', 429, 0.001);
    metrics.observe('POST', 'trpc:auth.challenge', 200, 0.001);
    metrics.observe('POST', 'trpc:auth.verify', 503, 0.001);
    const text = await metrics.registry.metrics();
    expect(text).toContain('puffy_rate_limit_rejections_total{route="trpc:auth.challenge"} 1');
    expect(text).not.toContain('puffy_rate_limit_rejections_total{route="trpc:auth.verify"}');
  });
});

describe('circuit breaker gauge', () => {
  it('reports the worst state per service, and follows a live breaker of the chains package', async () => {
    const metrics = createMetrics({
      circuits: () => [
        { service: 'solana', state: 'closed' },
        { service: 'solana', state: 'open' },
        { service: 'ethereum', state: 'half_open' },
        { service: 'ton', state: 'closed' },
      ],
    });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^puffy_circuit_breaker_state\{service="solana"\} 2$/m);
    expect(text).toMatch(/^puffy_circuit_breaker_state\{service="ethereum"\} 1$/m);
    expect(text).toMatch(/^puffy_circuit_breaker_state\{service="ton"\} 0$/m);

    const service = `rpc-${crypto.randomUUID()}`;
    const breaker = new CircuitBreaker({ service, failureThreshold: 1, cooldownMs: 60_000 });
    const live = createMetrics();
    const series = new RegExp(`^puffy_circuit_breaker_state\\{service="${service}"\\} (\\d)$`, 'm');
    expect((await live.registry.metrics()).match(series)?.[1]).toBe('0');
    const outage = new UpstreamError({ kind: 'unavailable', service, message: 'HTTP 503' });
    await expect(breaker.execute(() => Promise.reject(outage))).rejects.toBe(outage);
    expect((await live.registry.metrics()).match(series)?.[1]).toBe('2');
  });
});
