import { ZAnalyticsBatch, ZClientErrorReport } from '@puffy/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportClientError, setErrorReporter } from '../src/lib/report-error';
import { setCsrfToken } from '../src/lib/session-token';
import { flushTelemetry, installTelemetry, trackStep } from '../src/lib/telemetry';

function recorder() {
  const posts: { path: string; body: unknown; headers: Headers }[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    posts.push({
      path: String(input).replace('/trpc/', ''),
      body: JSON.parse(String(init?.body)),
      headers: new Headers(init?.headers),
    });
    return new Response('[]', { status: 200 });
  };
  return { posts, fetchImpl };
}

afterEach(() => {
  setErrorReporter(null);
  setCsrfToken(null);
  vi.useRealTimers();
});

describe('telemetry client', () => {
  it('sends crash reports the server schema accepts, with the CSRF header of the session', async () => {
    const { posts, fetchImpl } = recorder();
    installTelemetry({ fetch: fetchImpl });
    setCsrfToken('csrf-1');
    window.history.pushState({}, '', '/auth/verify-email?token=secret-code');
    reportClientError(new TypeError('boom'), { boundary: 'route', componentStack: '\n  at Page' });
    await vi.waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]?.path).toBe('telemetry.clientError');
    expect(posts[0]?.headers.get('x-csrf-token')).toBe('csrf-1');
    const report = ZClientErrorReport.parse(posts[0]?.body);
    expect(report.path).toBe('/auth/verify-email');
    expect(JSON.stringify(posts)).not.toContain('secret-code');
  });

  it('batches funnel steps once per page load in the shape the server validates', async () => {
    vi.useFakeTimers();
    const { posts, fetchImpl } = recorder();
    installTelemetry({ fetch: fetchImpl });
    trackStep('visit', { path: '/' });
    trackStep('visit', { path: '/campaigns' });
    trackStep('connect', { wallet: 'sol' });
    expect(posts).toHaveLength(0);
    flushTelemetry();
    await vi.waitFor(() => expect(posts).toHaveLength(1));
    const batch = ZAnalyticsBatch.parse(posts[0]?.body);
    expect(batch.events.map((e) => e.name)).toEqual(['visit', 'connect']);
    expect(new Set(batch.events.map((e) => e.sessionId)).size).toBe(1);
  });
});
