import type { AnyTRPCRouter } from '@trpc/server';
import type { Meta } from './init';

/**
 * The Cache-Control of a tRPC answer: public only when it is a query and every procedure in it (a
 * batch may mix a member's session with the catalog) declared `publicCacheSeconds` and succeeded;
 * otherwise none, so nothing private is ever held by a shared cache. The shortest lifetime wins.
 */
export function publicCacheControl(
  router: AnyTRPCRouter,
  paths: readonly string[] | undefined,
  type: string,
  failed: boolean,
): string | null {
  if (type !== 'query' || failed || !paths || paths.length === 0) return null;
  let seconds = Number.POSITIVE_INFINITY;
  for (const path of paths) {
    const procedure = (router._def.procedures as Record<string, { _def: { meta?: Meta } } | undefined>)[path];
    const declared = procedure?._def.meta?.publicCacheSeconds;
    if (declared === undefined) return null;
    seconds = Math.min(seconds, declared);
  }
  // Browsers revalidate every time (a 304 costs a hash, and a member sees an admin's edit at once);
  // CDNs hold the answer for the declared lifetime.
  return `public, max-age=0, s-maxage=${seconds}, must-revalidate`;
}
