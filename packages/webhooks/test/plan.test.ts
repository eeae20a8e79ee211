import { describe, expect, it } from 'vitest';
import { MAX_RETRIES, nextStep, signingSecrets } from '../src';

const t0 = new Date('2026-12-07T12:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('nextStep', () => {
  it('stops on success, retries on the backoff after a failure, and gives up after the 15th retry fails', () => {
    expect(nextStep([{ at: t0, ok: true }])).toEqual({ kind: 'delivered' });
    expect(nextStep([{ at: t0, ok: false }], () => 0.5)).toEqual({ kind: 'retry', retry: 1, at: later(5) });
    expect(
      nextStep(
        [
          { at: t0, ok: false },
          { at: later(5), ok: false },
        ],
        () => 0.5,
      ),
    ).toEqual({
      kind: 'retry',
      retry: 2,
      at: later(15),
    });
    const failures = Array.from({ length: MAX_RETRIES + 1 }, (_, i) => ({ at: later(i), ok: false }));
    expect(nextStep(failures)).toEqual({ kind: 'give-up', attempts: 16 });
    expect(nextStep(failures.slice(0, MAX_RETRIES)).kind).toBe('retry');
    expect(() => nextStep([])).toThrow(RangeError);
  });
});

describe('signingSecrets', () => {
  it('signs with the new secret and, for a day after a rotation, the replaced one too', () => {
    const secrets = [
      { secret: 'old', createdAt: later(-86_400 * 30), replacedAt: t0 },
      { secret: 'new', createdAt: t0, replacedAt: null },
      { secret: 'oldest', createdAt: later(-86_400 * 60), replacedAt: later(-86_400 * 30) },
    ];
    expect(signingSecrets(secrets, later(60))).toEqual(['new', 'old']);
    expect(signingSecrets(secrets, later(86_400))).toEqual(['new']);
  });
});
