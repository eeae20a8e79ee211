import { Button } from '../components/ui/button';

/**
 * The next page of a list the member scrolls through: one press, disabled while it loads. Lists here
 * are TanStack infinite queries, so it takes one as it is.
 */
export function ShowMore({
  list,
  label,
  loadingLabel,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  label: string;
  loadingLabel: string;
}) {
  if (!list.hasNextPage) return null;
  return (
    <Button
      variant="secondary"
      className="justify-self-center"
      disabled={list.isFetchingNextPage}
      onClick={() => void list.fetchNextPage()}
    >
      {list.isFetchingNextPage ? loadingLabel : label}
    </Button>
  );
}
