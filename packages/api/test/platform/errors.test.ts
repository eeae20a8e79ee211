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
    expect(limited.options).toMatchObject({ reason: 'rate_limited', params: { seconds: 3 } });
    expect(new RateLimited(0).options.retryAfterSeconds).toBe(1);
    expect(new Conflict('used', 'payment_reused').options.reason).toBe('payment_reused');
    expect(new UpstreamUnavailable().code).toBe('SERVICE_UNAVAILABLE');
    expect(new Conflict('x', 'status_changed').name).toBe('Conflict');
    const missing = new NotFound('No such order.', 'order_not_found');
    expect(missing).toBeInstanceOf(AppError);
    expect(missing).not.toBeInstanceOf(Conflict);
    expect([missing.name, missing.code, missing.message, missing.options.reason]).toEqual([
      'NotFound',
      'NOT_FOUND',
      'No such order.',
      'order_not_found',
    ]);
    expect(new PreconditionFailed('Not yet.', 'campaign_not_started').code).toBe('PRECONDITION_FAILED');
  });

  it('name a listed reason, with the values their sentence shows', () => {
    const refused = new PreconditionFailed('Claims on soon are off.', 'network_off', { network: 'soon' });
    expect(refused.options).toEqual({ reason: 'network_off', params: { network: 'soon' } });
    // The compiler refuses a refusal without a reason, or with one contracts do not list.
    // @ts-expect-error a reason is required
    expect(new Conflict('Taken.').options.reason).toBeUndefined();
    // @ts-expect-error only reasons from ERROR_REASON_PARAMS
    expect(new Conflict('Taken.', 'made_up_reason').options.reason).toBe('made_up_reason');
  });
});
