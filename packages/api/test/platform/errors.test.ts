import { describe, expect, it } from 'vitest';
import { AppError, Conflict, RateLimited, UpstreamUnavailable } from '../../src/platform/errors';

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
  });
});
