import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router-dom';

/** Where each visited history entry was scrolled to, by the router's key for that entry. */
const positions = new Map<string, number>();

/**
 * The router's own ScrollRestoration needs its data-router mode, which costs 17 KB gzip on first load
 * (docs/design-system.md, "Budgets"). This does what members notice: back and forward return to where
 * the page was, a new page starts at the top, and a filter that only changes the query string, or a
 * link to an anchor, leaves the scroll alone.
 */
export function useScrollRestoration(): void {
  const { key, pathname, hash } = useLocation();
  const navigation = useNavigationType();

  useEffect(() => {
    // Otherwise the browser restores a position before the lazy page has its height.
    if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
  }, []);

  const shownPath = useRef<string | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per history entry (its key), on purpose
  useLayoutEffect(() => {
    const samePage = shownPath.current === pathname;
    shownPath.current = pathname;
    const saved = navigation === 'POP' ? positions.get(key) : undefined;
    if (saved !== undefined) window.scrollTo(0, saved);
    else if (!samePage && !hash) window.scrollTo(0, 0);
    return () => {
      positions.set(key, window.scrollY);
    };
  }, [key]);
}
