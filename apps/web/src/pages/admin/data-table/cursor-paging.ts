import { useCallback, useState } from 'react';

export const PAGE_SIZES = [20, 50, 100] as const;

/**
 * Server-side paging over the API's keyset cursors. A cursor only leads forward, so the cursors that
 * opened each page seen so far are kept: "previous" goes back along them, and any change of filter,
 * sort or page size starts again from the first page (an old cursor belongs to the old question).
 */
export function useCursorPaging(initialSize: number = PAGE_SIZES[0]) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [pageSize, setSize] = useState(initialSize);
  const pageIndex = cursors.length - 1;
  const next = useCallback((nextCursor: string | null | undefined) => {
    if (nextCursor) setCursors((c) => [...c, nextCursor]);
  }, []);
  const previous = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []);
  const reset = useCallback(() => setCursors([undefined]), []);
  const setPageSize = useCallback((size: number) => {
    setSize(size);
    setCursors([undefined]);
  }, []);
  const cursor = cursors[pageIndex];
  /** What the list query asks for: this page's cursor and the page size. */
  const page = { cursor, limit: pageSize };
  return { cursor, page, pageIndex, pageSize, next, previous, reset, setPageSize };
}

/** A paged list's query options: while another page loads, the table keeps showing the one it has. */
export const keepShown = { placeholderData: <T>(previous: T) => previous };

export type CursorPaging = ReturnType<typeof useCursorPaging>;
