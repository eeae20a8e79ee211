import { trpc } from './trpc';

/**
 * What this server can do, from `system.version` (the footer asks for it already, so this is the same
 * cached answer, not another request). Unknown while loading: callers treat that as available and let
 * the server have the last word.
 */
export function useServerFeatures(): { xLinking: boolean } {
  const version = trpc.system.version.useQuery(undefined, { staleTime: 5 * 60_000 });
  return { xLinking: version.data?.xLinking ?? true };
}
