import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../src/components/error-boundary';
import { Layout } from '../src/components/layout';
import { LayoutBoundary } from '../src/components/route-error';
import { type ClientErrorReport, reportClientError, setErrorReporter } from '../src/lib/report-error';
import { renderApp } from './render';
import { ok, versionOf, wireTransport } from './wire';

let reports: ClientErrorReport[];

beforeEach(() => {
  reports = [];
  setErrorReporter((report) => reports.push(report));
  // React logs every caught error to the console; the assertions below look at what we report instead.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  cleanup();
  setErrorReporter(null);
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

function Bomb({ error }: { error: unknown }): never {
  throw error;
}

const flaky = { crash: true };
function Flaky() {
  if (flaky.crash) throw new Error('kaboom');
  return <p>recovered</p>;
}

describe('ErrorBoundary', () => {
  it('catches a throwing child, reports it, and renders the child again on "Try again"', () => {
    flaky.crash = true;
    render(
      <ErrorBoundary boundary="route">
        <Flaky />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
    expect(alert.textContent).toContain('The rest of the app still works');
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      name: 'Error',
      message: 'kaboom',
      boundary: 'route',
      requestId: null,
    });
    expect(reports[0]?.componentStack).toContain('Flaky');
    flaky.crash = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('recovered')).toBeTruthy();
  });

  it('shows the request id of a failed call and runs the reset hook before retrying', () => {
    const apiError = TRPCClientError.from({
      error: {
        message: 'Something went wrong on our side.',
        code: -32603,
        data: {
          code: 'INTERNAL_SERVER_ERROR',
          httpStatus: 500,
          path: 'system.version',
          requestId: 'req-boom-1',
          fieldErrors: null,
          retryAfterSeconds: null,
          reason: null,
          params: null,
        },
      },
    });
    const onReset = vi.fn();
    render(
      <ErrorBoundary boundary="route" onReset={onReset}>
        <Bomb error={apiError} />
      </ErrorBoundary>,
    );
    // The request id is for support: folded under "Details", out of the message.
    const details = screen.getByRole('alert').querySelector('details');
    expect(details?.querySelector('summary')?.textContent).toBe('Details');
    expect(details?.textContent).toContain('req-boom-1');
    expect(reports[0]?.requestId).toBe('req-boom-1');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onReset).toHaveBeenCalledOnce();
  });

  it('clears itself when its reset key changes (the member navigated away)', () => {
    const { rerender } = render(
      <ErrorBoundary boundary="route" resetKey="/a">
        <Bomb error={new Error('only on /a')} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    rerender(
      <ErrorBoundary boundary="route" resetKey="/b">
        <p>page b</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('page b')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('catches even a thrown non-error value', () => {
    render(
      <ErrorBoundary boundary="route">
        <Bomb error={null} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(reports[0]?.message).toBe('null');
  });
});

describe('boundaries in the app', () => {
  const serving = () => wireTransport(() => ok(versionOf())).fetch;

  it("keeps the header and footer when a route's content crashes", async () => {
    renderApp('/broken', serving(), [
      {
        path: '/',
        element: (
          <LayoutBoundary>
            <Layout />
          </LayoutBoundary>
        ),
        children: [{ path: 'broken', element: <Bomb error={new Error('route content failed')} /> }],
      },
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This part of the page stopped working');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(await screen.findByTestId('footer-version')).toBeTruthy();
    expect(reports.map((r) => [r.boundary, r.message])).toEqual([['route', 'route content failed']]);
  });

  it('falls back to the layout-level page when the layout itself crashes', async () => {
    renderApp('/', serving(), [
      {
        path: '/',
        element: (
          <LayoutBoundary>
            <Bomb error={new Error('layout failed')} />
          </LayoutBoundary>
        ),
      },
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The page stopped working');
    expect(screen.getByRole('link', { name: 'Puffy Reward Center' })).toBeTruthy();
    expect(reports.map((r) => [r.boundary, r.message])).toEqual([['layout', 'layout failed']]);
  });
});

describe('reportClientError', () => {
  it('reports the path without its query string, which may carry a one-time token', () => {
    window.history.replaceState(null, '', '/auth/verify-email?token=secret-one-time-token');
    reportClientError(new Error('verify failed'), { boundary: 'route' });
    expect(reports[0]?.path).toBe('/auth/verify-email');
    expect(JSON.stringify(reports)).not.toContain('secret-one-time-token');
  });

  it('reports the same crash once, and never throws when the reporter does', () => {
    reportClientError(new Error('loop'), { boundary: 'route' });
    reportClientError(new Error('loop'), { boundary: 'route' });
    expect(reports).toHaveLength(1);
    setErrorReporter(() => {
      throw new Error('reporter down');
    });
    expect(() => reportClientError(new Error('other'), { boundary: 'window' })).not.toThrow();
  });

  it('stops after 20 distinct reports in one page load', () => {
    for (let i = 0; i < 30; i += 1) reportClientError(new Error(`crash ${i}`), { boundary: 'window' });
    expect(reports).toHaveLength(20);
  });
});
