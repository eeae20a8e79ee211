import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../src/components/error-boundary';
import { RateLimitCountdown } from '../src/components/rate-limit-countdown';
import { setErrorReporter } from '../src/lib/report-error';
import { renderAt, wireFetch } from './render';

const version = {
  result: {
    data: {
      name: 'puffy-reward-center',
      version: '9.8.7',
      commit: null,
      environment: 'test',
      database: 'sqlite',
      store: 'memory',
      serverTime: '2026-11-23T00:00:00.000Z',
    },
  },
};

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('SPA shell', () => {
  it('renders the navigation and the version from system.version', async () => {
    renderAt('/', wireFetch({ 'system.version': version }));
    for (const label of ['Home', 'Campaigns', 'Store', 'Profile']) {
      expect(screen.getByRole('link', { name: label })).toBeTruthy();
    }
    expect(screen.getAllByLabelText('Loading').length).toBeGreaterThan(0);
    expect((await screen.findByTestId('version')).textContent).toBe('9.8.7');
  });

  it('shows the error with its request id when the call fails', async () => {
    const failing = wireFetch(
      {
        'system.version': {
          error: {
            message: 'Too many requests. Try again in 30 seconds.',
            code: -32029,
            data: {
              code: 'TOO_MANY_REQUESTS',
              httpStatus: 429,
              requestId: 'req-123',
              fieldErrors: null,
              retryAfterSeconds: 30,
              reason: 'rate_limited',
            },
          },
        },
      },
      429,
    );
    renderAt('/', failing);
    expect(await screen.findByText('Slow down a little')).toBeTruthy();
    expect(screen.getByText('Too many attempts. Try again in 30 s.')).toBeTruthy();
    expect(screen.getByText('Reference: req-123')).toBeTruthy();
  });

  it('renders the not-found page for an unknown path', async () => {
    renderAt('/no/such/page', wireFetch({ 'system.version': version }));
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });

  it('loads a lazy page honestly, without made-up data', async () => {
    renderAt('/campaigns', wireFetch({ 'system.version': version }));
    expect(await screen.findByRole('heading', { name: 'Campaigns' })).toBeTruthy();
  });
});

let crash = true;
function Bomb() {
  if (crash) throw new Error('kaboom');
  return <p>recovered</p>;
}

describe('error boundary', () => {
  it('catches a crashing child, reports it, and recovers on "Try again"', () => {
    crash = true;
    const reports: string[] = [];
    setErrorReporter((r) => reports.push(r.message));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ErrorBoundary>
        <Bomb />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong here');
    expect(reports).toEqual(['kaboom']);
    crash = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('recovered')).toBeTruthy();
    quiet.mockRestore();
  });
});

describe('rate-limit countdown', () => {
  it('counts down each second and says when to retry', () => {
    vi.useFakeTimers();
    const done = vi.fn();
    render(<RateLimitCountdown seconds={2} onDone={done} />);
    expect(screen.getByRole('status').textContent).toBe('Too many attempts. Try again in 2 s.');
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByRole('status').textContent).toBe('Too many attempts. Try again in 1 s.');
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByRole('status').textContent).toBe('You can try again now.');
    expect(done).toHaveBeenCalledOnce();
  });
});
