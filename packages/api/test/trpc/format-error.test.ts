import { TRPCError } from '@trpc/server';
import type { DefaultErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { describe, expect, it } from 'vitest';
import { PreconditionFailed } from '../../src/platform/errors';
import { formatError } from '../../src/trpc/format-error';

const shapeOf = (code: TRPCError['code'], httpStatus: number): DefaultErrorShape => ({
  message: '',
  code: -32600,
  data: { code, httpStatus },
});

describe('formatError', () => {
  it('gives a refusal’s reason and the values of its sentence to the client, so it can say it in the member’s language', () => {
    const refusal = new PreconditionFailed(
      'The referral code "PUFFY1" has been used all 3 times.',
      'code_used_up',
      { code: 'PUFFY1', maxUses: 3 },
    );
    const error = new TRPCError({ code: 'PRECONDITION_FAILED', message: refusal.message, cause: refusal });
    const { message, data } = formatError({
      shape: shapeOf('PRECONDITION_FAILED', 412),
      error,
      ctx: undefined,
      path: 'referral.set',
    });
    expect(message).toBe('The referral code "PUFFY1" has been used all 3 times.');
    expect(data).toMatchObject({ reason: 'code_used_up', params: { code: 'PUFFY1', maxUses: 3 } });
  });

  it('sends no reason or values for an error that is not a refusal of ours', () => {
    const error = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'db exploded at 10.0.0.3' });
    const { message, data } = formatError({
      shape: shapeOf('INTERNAL_SERVER_ERROR', 500),
      error,
      ctx: undefined,
      path: 'system.version',
    });
    expect(message).not.toContain('10.0.0.3');
    expect(data).toMatchObject({ reason: null, params: null });
  });
});
