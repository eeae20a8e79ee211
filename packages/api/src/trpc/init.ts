import type { TProcedureKind } from '@puffy/contracts';
import { initTRPC } from '@trpc/server';
import type { Context } from './context';
import { formatError } from './format-error';
import type { ProcedureRateRule } from './rate-rules';

/** Read by middlewares and by the authorization matrix test, which enumerates every procedure. */
export interface Meta {
  /** Set by the base procedures; the authorization matrix test fails any procedure without one. */
  kind?: TProcedureKind;
  /** A stricter rule than the default, for surfaces where a code can be guessed or money moves. */
  rateLimit?: ProcedureRateRule;
  /**
   * The answer is the same for every caller (no session, no per-member data): CDNs may hold a GET of it
   * for this many seconds, and browsers revalidate it by ETag (apps/server http/public-cache.ts).
   */
  publicCacheSeconds?: number;
}

export const t = initTRPC.context<Context>().meta<Meta>().create({
  errorFormatter: formatError,
  // Plain JSON on the wire: dates travel as ISO strings, money as decimal strings.
  isDev: false,
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;
