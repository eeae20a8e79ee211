import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorMessage } from '../src/components/error-message';
import { RateLimitCountdown } from '../src/components/rate-limit-countdown';
import { i18n } from '../src/i18n';
import { describeError, isChunkLoadError, shouldRetry } from '../src/lib/errors';
import { createTrpcClient, timeoutError } from '../src/lib/trpc';
import { failure, ok, rateLimited, versionOf, wireTransport } from './wire';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Calls system.version through the real client over the given wire answer and returns what it threw. */
async function errorFrom(answer: Parameters<typeof wireTransport>[0]): Promise<unknown> {
  const client = createTrpcClient({ url: 'http://localhost/trpc', fetch: wireTransport(answer).fetch });
  try {
    await client.system.version.query();
  } catch (error) {
    return error;
  }
  throw new Error('the call was expected to fail');
}

describe('describeError', () => {
  it('maps TOO_MANY_REQUESTS to its countdown seconds, title, message and request id', async () => {
    const shown = describeError(await errorFrom((path) => rateLimited(path, 60)));
    expect(shown).toEqual({
      code: 'TOO_MANY_REQUESTS',
      title: 'Too many attempts',
      message: 'Too many requests. Try again in 60 seconds.',
      fieldErrors: {},
      retryAfterSeconds: 60,
      requestId: 'req-45369763',
      httpStatus: 429,
      reason: 'rate_limited',
    });
  });

  it('keeps field errors for forms, in words for people instead of the schema’s report', async () => {
    const error = await errorFrom((path) =>
      failure(
        path,
        'BAD_REQUEST',
        400,
        'Invalid input: chain: Invalid option; shippingAddress.name: Too small: expected string to have >=2 characters',
        {
          fieldErrors: {
            chain: ['Invalid option: expected one of "sol"|"evm"|"ton"'],
            'shippingAddress.name': ['Too small: expected string to have >=2 characters'],
          },
        },
      ),
    );
    expect(describeError(error)).toMatchObject({
      code: 'BAD_REQUEST',
      title: 'Please check what you entered',
      message: 'Some of what you entered needs another look.',
      fieldErrors: {
        chain: ['Choose one of the options offered.'],
        'shippingAddress.name': ['Use at least 2 characters.'],
      },
      retryAfterSeconds: null,
    });
  });

  it('drops rule names and ids from a refusal written for people', async () => {
    const error = await errorFrom((path) =>
      failure(
        path,
        'BAD_REQUEST',
        400,
        'The vape device comes in Community for you, not Black. (rule: colorway)',
        {
          fieldErrors: { 'items.0.colorway': ['The vape device comes in Community for you, not Black.'] },
          reason: 'colorway',
        },
      ),
    );
    const shown = describeError(error);
    expect(shown.message).toBe('The vape device comes in Community for you, not Black.');
    render(<ErrorMessage error={error} />);
    const alert = screen.getByRole('alert');
    const visible = [...alert.querySelectorAll('h3, p, li')]
      .filter((node) => !node.closest('details'))
      .map((node) => node.textContent)
      .join(' ');
    expect(visible).not.toMatch(/rule|items\.0|req-45369763|Reference/);
    expect(alert.querySelector('details summary')?.textContent).toBe('Details');
    expect(alert.querySelector('details')?.textContent).toContain('req-45369763');
  });

  it('turns the schema’s words and field paths into advice with a label', async () => {
    const error = await errorFrom((path) =>
      failure(
        path,
        'BAD_REQUEST',
        400,
        'Invalid input: items.0.quantity: Too big: expected number to be <=5',
        {
          fieldErrors: { 'items.0.quantity': ['Too big: expected number to be <=5'] },
        },
      ),
    );
    render(<ErrorMessage error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('li')?.textContent).toBe('Cart line 1, quantity: Use 5 or less.');
    expect(alert.textContent).not.toMatch(/items\.0|Too big|expected/);
  });

  it('calls anything without our error data a connection problem', async () => {
    const refused = createTrpcClient({
      url: 'http://localhost/trpc',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error = await refused.system.version.query().catch((e: unknown) => e);
    expect(describeError(error)).toMatchObject({
      code: 'NETWORK',
      title: 'Connection problem',
      requestId: null,
    });
    const proxyPage = createTrpcClient({
      url: 'http://localhost/trpc',
      fetch: async () => new Response('<html>502 Bad Gateway</html>', { status: 502 }),
    });
    const badGateway = await proxyPage.system.version.query().catch((e: unknown) => e);
    expect(describeError(badGateway).code).toBe('NETWORK');
  });

  it('shows a wallet’s own refusal as what it is, not as a connection problem', () => {
    const shown = describeError(new Error('Tonkeeper did not sign the sign-in request (user declined).'));
    expect(shown).toMatchObject({ code: 'LOCAL', title: 'Could not finish' });
    expect(shown.message).toBe('Tonkeeper did not sign the sign-in request (user declined).');
    expect(shouldRetry(0, new Error('declined'))).toBe(false);
  });

  it('speaks the member’s language: titles, advice and field labels come from the catalog', async () => {
    const error = await errorFrom((path) =>
      failure(path, 'BAD_REQUEST', 400, 'Invalid input: items.0.colorway: Invalid option', {
        fieldErrors: { 'items.0.colorway': ['Invalid option: expected one of "black"|"white"'] },
      }),
    );
    await i18n.changeLanguage('de');
    try {
      render(<ErrorMessage error={error} />);
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain('Bitte prüfe deine Eingaben');
      expect(alert.querySelector('li')?.textContent).toBe(
        'Warenkorbzeile 1, Farbe: Wähle eine der angebotenen Optionen.',
      );
      expect(describeError(new TypeError('Failed to fetch')).title).toBe('Verbindungsproblem');
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('says a refusal the server named in German with its values; English keeps the server’s words', async () => {
    const usedUp = 'The referral code "PUFFY1" has been used all 3 times.';
    const answer = (path: string) =>
      failure(path, 'PRECONDITION_FAILED', 412, usedUp, {
        reason: 'code_used_up',
        params: { code: 'PUFFY1', maxUses: 3 },
        fieldErrors: { code: [usedUp] },
      });
    await i18n.changeLanguage('de');
    try {
      // The client fetched the sentences before handing over the refusal (the first load has none).
      const error = await errorFrom(answer);
      expect(i18n.hasLoadedNamespace('errors', { lng: 'de' })).toBe(true);
      const german = 'Der Empfehlungscode „PUFFY1“ wurde bereits alle 3 Male verwendet.';
      expect(describeError(error)).toMatchObject({
        title: 'Noch nicht möglich',
        message: german,
        fieldErrors: { code: [german] },
        reason: 'code_used_up',
      });
      render(<ErrorMessage error={error} />);
      expect(screen.getByRole('alert').textContent).toContain(german);

      // A reason this SPA has no sentence for (a newer server), or a sentence missing a value: the
      // server's own words rather than a guess or a sentence with a hole.
      const newer = await errorFrom((path) =>
        failure(path, 'CONFLICT', 409, 'A rule from a newer server said no.', { reason: 'newer_rule' }),
      );
      expect(describeError(newer).message).toBe('A rule from a newer server said no.');
      const valueless = await errorFrom((path) =>
        failure(path, 'PRECONDITION_FAILED', 412, usedUp, { reason: 'code_used_up' }),
      );
      expect(describeError(valueless).message).toBe(usedUp);
    } finally {
      await i18n.changeLanguage('en');
    }
    expect(describeError(await errorFrom(answer)).message).toBe(usedUp);
  });

  it('words our own timeout as such', () => {
    const shown = describeError(new Error('wrapped', { cause: timeoutError(15_000) }));
    expect(shown.code).toBe('TIMED_OUT');
    expect(shown.message).toContain('did not answer in time');
  });
});

describe('shouldRetry', () => {
  it('retries network errors and 5xx once, never 4xx or our timeout', async () => {
    const network = new TypeError('Failed to fetch');
    const server = await errorFrom((path) =>
      failure(path, 'INTERNAL_SERVER_ERROR', 500, 'Something went wrong'),
    );
    const unavailable = await errorFrom((path) => failure(path, 'SERVICE_UNAVAILABLE', 503, 'Try again'));
    expect([shouldRetry(0, network), shouldRetry(0, server), shouldRetry(0, unavailable)]).toEqual([
      true,
      true,
      true,
    ]);
    expect([shouldRetry(1, network), shouldRetry(1, server)]).toEqual([false, false]);
    for (const [code, status] of [
      ['BAD_REQUEST', 400],
      ['UNAUTHORIZED', 401],
      ['FORBIDDEN', 403],
      ['NOT_FOUND', 404],
      ['TOO_MANY_REQUESTS', 429],
    ] as const) {
      expect(shouldRetry(0, await errorFrom((path) => failure(path, code, status, code)))).toBe(false);
    }
    expect(shouldRetry(0, timeoutError(15_000))).toBe(false);
  });
});

describe('isChunkLoadError', () => {
  it('recognises a lazily loaded page that failed to download', () => {
    expect(isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: /assets/x.js'))).toBe(
      true,
    );
    expect(isChunkLoadError(new Error('kaboom'))).toBe(false);
  });
});

describe('RateLimitCountdown', () => {
  it('counts down each second, then says the member may try again, and calls onDone once', () => {
    vi.useFakeTimers();
    const done = vi.fn();
    render(<RateLimitCountdown seconds={3} onDone={done} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Try again in 3 s');
    act(() => vi.advanceTimersByTime(1000));
    expect(status.textContent).toBe('Try again in 2 s');
    act(() => vi.advanceTimersByTime(999));
    expect(status.textContent).toBe('Try again in 2 s');
    act(() => vi.advanceTimersByTime(1));
    expect(status.textContent).toBe('Try again in 1 s');
    expect(done).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1000));
    expect(status.textContent).toBe('You can try again now.');
    act(() => vi.advanceTimersByTime(5000));
    expect(done).toHaveBeenCalledOnce();
  });

  it('ends on time even when the tab was throttled and ticks arrived late', () => {
    vi.useFakeTimers();
    render(<RateLimitCountdown seconds={10} />);
    // A background tab may run no timer for a while; the clock still moved.
    act(() => {
      vi.setSystemTime(Date.now() + 7_000);
      vi.advanceTimersByTime(250);
    });
    expect(screen.getByRole('status').textContent).toBe('Try again in 3 s');
  });
});

describe('ErrorMessage for a rate limit', () => {
  it('shows the countdown and keeps "Try again" disabled until it ends', async () => {
    const error = await errorFrom((path) => rateLimited(path, 2));
    vi.useFakeTimers();
    const retry = vi.fn();
    render(<ErrorMessage error={error} onRetry={retry} />);
    expect(screen.getByRole('heading', { name: 'Too many attempts' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Try again in 2 s');
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Try again' });
    expect(button.disabled).toBe(true);
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByRole('status').textContent).toBe('You can try again now.');
    expect(button.disabled).toBe(false);
  });

  it('is enabled at once for errors without a wait', async () => {
    const error = await errorFrom((path) =>
      failure(path, 'INTERNAL_SERVER_ERROR', 500, 'Something went wrong'),
    );
    render(<ErrorMessage error={error} onRetry={() => {}} />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Try again' }).disabled).toBe(false);
    expect(screen.queryByRole('status')).toBeNull();
  });
});

it('the wire fake answers like the server for a success', async () => {
  const client = createTrpcClient({
    url: 'http://localhost/trpc',
    fetch: wireTransport(() => ok(versionOf())).fetch,
  });
  await expect(client.system.version.query()).resolves.toMatchObject({ version: '9.8.7' });
});
