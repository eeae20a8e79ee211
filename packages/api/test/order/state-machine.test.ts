import { type TOrderStatus, ZOrderStatus } from '@puffy/contracts';
import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition } from '../../src/order/state-machine';
import { AppError } from '../../src/platform/errors';

const allowed = new Set([
  'new>paid',
  'new>cancelled',
  'paid>confirmed',
  'paid>expired',
  'paid>refunded',
  'confirmed>processing',
  'confirmed>refunded',
  'processing>shipped',
  'shipped>delivered',
]);

describe('order state machine', () => {
  const statuses = ZOrderStatus.options;
  const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to] as [TOrderStatus, TOrderStatus]));

  it.each(pairs)('%s → %s follows docs/product/orders.md', (from, to) => {
    const expected = allowed.has(`${from}>${to}`);
    expect(canTransition(from, to)).toBe(expected);
    if (expected) {
      expect(() => assertTransition(from, to)).not.toThrow();
    } else {
      let caught: unknown;
      try {
        assertTransition(from, to);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect(caught).toMatchObject({ code: 'CONFLICT', options: { reason: 'illegal_transition' } });
    }
  });

  it('leaves cancelled, delivered, expired and refunded final', () => {
    for (const from of ['cancelled', 'delivered', 'expired', 'refunded'] as const) {
      expect(statuses.filter((to) => canTransition(from, to))).toEqual([]);
    }
  });
});
