import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Reads one-time secrets (an email token, an OAuth code) from the query string once, then takes them
 * out of the address bar, so they are not left in history, bookmarks, shared screenshots or the
 * `Referer` of the next request. The values stay in memory for the page's own call.
 */
export function useQuerySecrets<K extends string>(names: readonly K[]): Record<K, string | null> {
  const [params, setParams] = useSearchParams();
  const [values] = useState(() => {
    const read = {} as Record<K, string | null>;
    for (const name of names) read[name] = params.get(name);
    return read;
  });
  useEffect(() => {
    if (!names.some((name) => params.has(name))) return;
    const kept = new URLSearchParams(params);
    for (const name of names) kept.delete(name);
    setParams(kept, { replace: true });
  }, [names, params, setParams]);
  return values;
}
