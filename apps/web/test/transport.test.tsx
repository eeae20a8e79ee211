import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeError } from '../src/lib/errors';
import { createTrpcClient, fetchWithTimeout, REQUEST_TIMEOUT_MS } from '../src/lib/trpc';
import { renderApp } from './render';
import { failure, ok, versionOf, wireTransport } from './wire';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A server that takes the request and never answers, but stops when the request is aborted. */
function hangingFetch(): { fetch: typeof fetch; signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  const fetchImpl: typeof fetch = (_input, init) =>
    new Promise((_resolve, reject) => {
      const signal = init?.signal;
      if (!signal) return;
      signals.push(signal);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  return { fetch: fetchImpl, signals };
}

describe('request timeout', () => {
  it('gives up after 15 s with an error the member reads as a timeout', async () => {
    vi.useFakeTimers();
    const server = hangingFetch();
    const client = createTrpcClient({ url: 'http://localhost/trpc', fetch: server.fetch });
    const call = client.system.version.query().catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1);
    expect(server.signals[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.signals[0]?.aborted).toBe(true);
    expect(describeError(await call)).toMatchObject({
      code: 'TIMED_OUT',
      title: 'The server is taking too long',
    });
  });

  it("passes the caller's own abort through, and clears its timer once answered", async () => {
    vi.useFakeTimers();
    const server = hangingFetch();
    const caller = new AbortController();
    const request = fetchWithTimeout(1000, server.fetch)('http://localhost/trpc/x', {
      signal: caller.signal,
    });
    const outcome = request.catch((error: unknown) => error);
    caller.abort(new Error('query cancelled'));
    expect(await outcome).toMatchObject({ message: 'query cancelled' });

    const answered = await fetchWithTimeout(
      1000,
      wireTransport(() => ok(versionOf())).fetch,
    )('http://localhost/trpc/system.version?batch=1');
    expect(answered.status).toBe(200);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends the session cookies', async () => {
    const transport = wireTransport(() => ok(versionOf()));
    await fetchWithTimeout(1000, transport.fetch)('http://localhost/trpc/system.version?batch=1');
    expect(transport.calls[0]?.credentials).toBe('include');
  });
});

describe('query retries', () => {
  it('retries a 5xx once and then shows the answer', async () => {
    const transport = wireTransport((path, attempt) =>
      attempt === 0
        ? failure(path, 'INTERNAL_SERVER_ERROR', 500, 'Something went wrong on our side.')
        : ok(versionOf()),
    );
    renderApp('/', transport.fetch);
    expect((await screen.findByTestId('footer-version', {}, { timeout: 4000 })).textContent).toBe('v9.8.7');
    expect(transport.calls).toHaveLength(2);
  });

  it('shows a 4xx at once, without asking again', async () => {
    const transport = wireTransport((path) =>
      failure(path, 'FORBIDDEN', 403, 'This request came from a page we do not know.'),
    );
    renderApp('/', transport.fetch);
    expect(await screen.findByText('This request came from a page we do not know.')).toBeTruthy();
    // Longer than React Query's first retry delay (1 s): a retry would have happened by now.
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(transport.calls).toHaveLength(1);
  });

  it('gives up after one retry when the server keeps failing', async () => {
    const transport = wireTransport((path) =>
      failure(path, 'SERVICE_UNAVAILABLE', 503, 'Down for a moment.'),
    );
    renderApp('/', transport.fetch);
    expect(await screen.findByText('Down for a moment.', {}, { timeout: 4000 })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 2300));
    await waitFor(() => expect(transport.calls).toHaveLength(2));
  });
});
