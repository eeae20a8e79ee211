import {
  adminProcedure,
  authedProcedure,
  Conflict,
  publicProcedure,
  router,
  type Session,
  type SessionResolver,
  selfOrAdminProcedure,
  UpstreamUnavailable,
} from '@puffy/api';
import { z } from 'zod';

/**
 * A router built from the real procedure kinds and middleware, to prove the core's behaviour
 * before the domains exist: error mapping, validation, kinds, limits.
 */
export const testRouter = router({
  echo: publicProcedure
    .input(z.object({ name: z.string().min(2).max(20), count: z.number().int().min(1) }))
    .output(z.object({ greeting: z.string() }))
    .mutation(({ input }) => ({ greeting: `hello ${input.name} x${input.count}` })),
  badOutput: publicProcedure
    .output(z.object({ n: z.number() }))
    .query(() => ({ n: 'not a number' }) as unknown as { n: number }),
  boom: publicProcedure.query(() => {
    throw new Error('database password is hunter2');
  }),
  conflict: publicProcedure.mutation(() => {
    throw new Conflict('The referral code "PUFFY1" has been used all 3 times.', 'code_used_up', {
      code: 'PUFFY1',
      maxUses: 3,
    });
  }),
  upstream: publicProcedure.query(() => {
    throw new UpstreamUnavailable();
  }),
  limited: publicProcedure
    .meta({ rateLimit: { name: 'test-limited', points: 2, durationSeconds: 60 } })
    .query(() => 'ok'),
  slow: publicProcedure.input(z.object({ ms: z.number().int().max(5000) })).query(async ({ input }) => {
    await new Promise((r) => setTimeout(r, input.ms));
    return 'finished';
  }),
  mine: authedProcedure.query(({ ctx }) => ctx.session.userId),
  ops: adminProcedure('orders').query(() => 'orders desk'),
  profile: selfOrAdminProcedure.query(({ input }) => input.userId),
});

export type TestRouter = typeof testRouter;

const sessions: Record<string, Session> = {
  member: {
    userId: 'u-member',
    walletAddress: 'W1',
    chain: 'sol',
    role: 'user',
    scopes: [],
    jti: 'j1',
    sessionId: 's1',
    via: 'bearer',
    expiresAt: new Date(Date.now() + 60_000),
  },
  admin: {
    userId: 'u-admin',
    walletAddress: 'W2',
    chain: 'evm',
    role: 'admin',
    scopes: ['orders', 'users'],
    jti: 'j2',
    sessionId: 's2',
    via: 'bearer',
    expiresAt: new Date(Date.now() + 60_000),
  },
  campaignAdmin: {
    userId: 'u-cadmin',
    walletAddress: 'W3',
    chain: 'ton',
    role: 'admin',
    scopes: ['campaigns'],
    jti: 'j3',
    sessionId: 's3',
    via: 'bearer',
    expiresAt: new Date(Date.now() + 60_000),
  },
};

/** Stands in for the auth domain: `Authorization: Test <name>` picks one of the sessions above. */
export const testSessions: SessionResolver = async (req) => {
  const name = req.header('authorization')?.replace(/^Test /, '');
  return (name && sessions[name]) || null;
};
