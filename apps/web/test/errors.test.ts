import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeError, shouldRetry } from '../src/lib/errors';

function clientError(code: string, extra: Record<string, unknown> = {}) {
  return TRPCClientError.from({
    error: {
      message: 'msg',
      code: -1,
      data: {
        code,
        httpStatus: 400,
        requestId: 'r1',
        fieldErrors: null,
        retryAfterSeconds: null,
        reason: null,
        ...extra,
      },
    },
  });
}

describe('describeError', () => {
  it('maps a rate limit to its countdown and a human title', () => {
    const shown = describeError(clientError('TOO_MANY_REQUESTS', { retryAfterSeconds: 12 }));
    expect(shown).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: 12,
      title: 'Slow down a little',
      requestId: 'r1',
    });
  });

  it('keeps field errors for forms', () => {
    const shown = describeError(clientError('BAD_REQUEST', { fieldErrors: { email: ['Invalid email'] } }));
    expect(shown.fieldErrors).toEqual({ email: ['Invalid email'] });
  });

  it('treats anything else as a connection problem, with a timeout worded as such', () => {
    const timeout = Object.assign(new Error('t'), { name: 'TimeoutError' });
    expect(describeError(timeout)).toMatchObject({ code: 'NETWORK' });
    expect(describeError(timeout).message).toContain('took too long');
    expect(describeError(new TypeError('fetch failed')).message).toContain('could not reach');
  });

  it('retries network and server errors once, never client errors', () => {
    expect(shouldRetry(0, new TypeError('fetch failed'))).toBe(true);
    expect(shouldRetry(1, new TypeError('fetch failed'))).toBe(false);
    expect(shouldRetry(0, clientError('INTERNAL_SERVER_ERROR'))).toBe(true);
    expect(shouldRetry(0, clientError('BAD_REQUEST'))).toBe(false);
    expect(shouldRetry(0, clientError('UNAUTHORIZED'))).toBe(false);
  });
});
