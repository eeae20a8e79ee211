import { describe, expect, it } from 'vitest';
import {
  AppError,
  Conflict,
  NotFound,
  PreconditionFailed,
  RateLimited,
  UpstreamUnavailable,
} from '../../src/platform/errors';

describe('domain errors', () => {
  it('carry a stable code, a reason and a wait', () => {
    const limited = new RateLimited(2.2);
    expect(limited).toBeInstanceOf(AppError);
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.options.retryAfterSeconds).toBe(3);
    expect(limited.message).toBe('Too many requests. Try again in 3 seconds.');
    expect(new RateLimited(0).options.retryAfterSeconds).toBe(1);
    expect(new Conflict('used', 'code_used').options.reason).toBe('code_used');
    expect(new UpstreamUnavailable().code).toBe('SERVICE_UNAVAILABLE');
    expect(new Conflict('x').name).toBe('Conflict');
    const missing = new NotFound('No such thing.', 'thing_not_found');
    expect(missing).toBeInstanceOf(AppError);
    expect(missing).not.toBeInstanceOf(Conflict);
    expect([missing.name, missing.code, missing.message, missing.options.reason]).toEqual([
      'NotFound',
      'NOT_FOUND',
      'No such thing.',
      'thing_not_found',
    ]);
    expect(new PreconditionFailed('Not yet.').code).toBe('PRECONDITION_FAILED');
  });
});
