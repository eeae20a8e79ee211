import { type TNftStatus, ZNftStatus } from '@puffy/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors';
import { assertNftTransition, mayTransition, NFT_TRANSITIONS } from '../../src/promotion/transitions';

/** docs/product/claims.md, written out pair by pair so the table in the code is checked against it. */
const ALLOWED = new Set([
  'new->paid',
  'new->payment_expired',
  'paid->payment_confirmed',
  'paid->payment_expired',
  'payment_confirmed->minted',
  'payment_confirmed->mint_failed',
  'mint_failed->minted',
]);

const statuses = ZNftStatus.options;
const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to] as [TNftStatus, TNftStatus]));

describe('NFT status transitions', () => {
  it('covers every status', () => {
    expect(Object.keys(NFT_TRANSITIONS).sort()).toEqual([...statuses].sort());
  });

  it.each(pairs)('%s -> %s is allowed only when the spec lists it', (from, to) => {
    const allowed = ALLOWED.has(`${from}->${to}`);
    expect(mayTransition(from, to)).toBe(allowed);
    if (allowed) {
      expect(() => assertNftTransition(from, to)).not.toThrow();
    } else {
      let thrown: unknown;
      try {
        assertNftTransition(from, to);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect(thrown).toMatchObject({ code: 'CONFLICT', options: { reason: 'invalid_transition' } });
    }
  });

  it('keeps minted and payment_expired final, so an expired number is never reused', () => {
    expect(NFT_TRANSITIONS.minted).toEqual([]);
    expect(NFT_TRANSITIONS.payment_expired).toEqual([]);
  });
});
