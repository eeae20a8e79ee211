import { type TOrderStatus, ZOrderStatus } from '@puffy/contracts';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonCard } from '../../components/skeleton';
import { useDocumentTitle } from '../../lib/document-title';
import { formatDateTime } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { STATUS_LABEL, usdt } from '../../store/words';

const PAGE_SIZE = 20;

/**
 * Filter and page live in the address: `status` and the cursors of the pages before this one (so
 * "Previous" works without asking the server for a backwards cursor).
 */
function useOrderFilters() {
  const [params, setParams] = useSearchParams();
  const parsed = ZOrderStatus.safeParse(params.get('status'));
  const status: TOrderStatus | undefined = parsed.success ? parsed.data : undefined;
  const trail = params.getAll('after');
  const go = (next: { status?: TOrderStatus | undefined; trail: string[] }) => {
    const search = new URLSearchParams();
    if (next.status) search.set('status', next.status);
    for (const cursor of next.trail) search.append('after', cursor);
    setParams(search);
  };
  return { status, trail, go };
}

/** The member's orders, newest first, 20 a page, filtered by status. */
export default function OrdersPage() {
  useDocumentTitle('Your orders');
  const id = useId();
  const { status, trail, go } = useOrderFilters();
  const cursor = trail.at(-1);
  const list = trpc.order.list.useQuery({
    limit: PAGE_SIZE,
    ...(status ? { status } : {}),
    ...(cursor ? { cursor } : {}),
  });

  return (
    <div className="store-orders">
      <h1>Your orders</h1>
      <div className="store-filters">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={status ?? ''}
          onChange={(event) => {
            const chosen = ZOrderStatus.safeParse(event.target.value);
            go({ status: chosen.success ? chosen.data : undefined, trail: [] });
          }}
        >
          <option value="">All</option>
          {ZOrderStatus.options.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        <Link to="/store">Back to the store</Link>
      </div>
      {list.isPending && <SkeletonCard label="Loading your orders" />}
      {list.error && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && (
        <p className="muted" data-testid="orders-empty">
          {status ? `No order is ${STATUS_LABEL[status].toLowerCase()}.` : 'You have no orders yet.'}
        </p>
      )}
      {list.data && list.data.items.length > 0 && (
        <table className="table" data-testid="orders">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Status</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((order) => (
              <tr key={order.id} data-order-id={order.id}>
                <td>
                  <Link to={`/orders/${order.id}`} className="mono">
                    {order.id.slice(0, 8)}
                  </Link>
                </td>
                <td>
                  <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time>
                </td>
                <td className={`store-status store-status-${order.status}`}>{STATUS_LABEL[order.status]}</td>
                <td>{usdt(order.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="store-pager" aria-label="Pages">
        <button
          type="button"
          disabled={trail.length === 0}
          onClick={() => go({ status, trail: trail.slice(0, -1) })}
        >
          Previous
        </button>
        <button
          type="button"
          disabled={!list.data?.nextCursor}
          onClick={() => list.data?.nextCursor && go({ status, trail: [...trail, list.data.nextCursor] })}
        >
          Next
        </button>
      </nav>
    </div>
  );
}
