import { ZAnalyticsBatch, ZClientErrorReport } from '@puffy/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportClientError, setErrorReporter } from '../src/lib/report-error';
import { setCsrfToken } from '../src/lib/session-token';
import { flushTelemetry, installTelemetry, trackStep } from '../src/lib/telemetry';

function recorder() {
  const posts: { path: string; body: unknown; headers: Headers; credentials?: RequestCredentials }[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    posts.push({
      credentials: init?.credentials,
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

  describe('on a page that loads with a session cookie', () => {
    /** Fresh modules: the page has not yet heard from auth.session. */
    async function freshPage() {
      vi.resetModules();
      localStorage.setItem('puffy.auth.session', '1');
      const token = await import('../src/lib/session-token');
      const telemetry = await import('../src/lib/telemetry');
      const { posts, fetchImpl } = recorder();
      telemetry.installTelemetry({ fetch: fetchImpl });
      return { token, telemetry, posts };
    }
    afterEach(() => localStorage.removeItem('puffy.auth.session'));

    it('waits for the session to be known and sends its CSRF header, so the server does not refuse it', async () => {
      const { token, telemetry, posts } = await freshPage();
      telemetry.trackStep('visit', { path: '/admin/campaigns' });
      telemetry.flushTelemetry();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(posts).toHaveLength(0);
      token.setCsrfToken('csrf-after-session');
      await vi.waitFor(() => expect(posts).toHaveLength(1));
      expect(posts[0]?.headers.get('x-csrf-token')).toBe('csrf-after-session');
      expect(posts[0]?.credentials).toBe('include');
    });

    it('sends without the cookie when the session turns out to be gone', async () => {
      const { token, telemetry, posts } = await freshPage();
      telemetry.trackStep('visit', { path: '/' });
      telemetry.flushTelemetry();
      token.setCsrfToken(null);
      await vi.waitFor(() => expect(posts).toHaveLength(1));
      expect(posts[0]?.headers.has('x-csrf-token')).toBe(false);
      expect(posts[0]?.credentials).toBe('omit');
    });

    it('does not wait forever for a session that never answers', async () => {
      const { telemetry, posts } = await freshPage();
      vi.useFakeTimers();
      telemetry.trackStep('visit', { path: '/' });
      telemetry.flushTelemetry();
      await vi.advanceTimersByTimeAsync(9_000);
      expect(posts).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1_500);
      expect(posts).toHaveLength(1);
      expect(posts[0]?.credentials).toBe('omit');
    });
  });
});
