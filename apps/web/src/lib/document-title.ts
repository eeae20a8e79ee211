import { useEffect } from 'react';

export const PRODUCT_NAME = 'Puffy Reward Center';

/**
 * Sets the tab title for a page. A hook rather than React 19's `<title>` element: index.html already
 * has a `<title>` (for the first paint and for crawlers), and the browser reads the first one.
 */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [title]);
}
