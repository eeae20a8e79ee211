import {
  type TAdminOrderRow,
  type TAdminOrderSearch,
  type TAdminOrderTarget,
  type TBulkOrderStatusResult,
  ZAdminOrderTarget,
  ZOrderStatus,
} from '@puffy/contracts';
import { useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';
import { ExportDownload } from './export-download';
import { PagedTable, shortId, when } from './paged-table';

type Filters = Omit<TAdminOrderSearch, 'cursor' | 'limit'>;

/** The orders desk: search and filter every order, move many at once, refund one with a reason. */
export default function OrdersPage() {
  useDocumentTitle('Orders · Admin');
  const [filters, setFilters] = useState<Filters>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const orders = trpc.admin.orders.search.useInfiniteQuery(
    { ...filters, limit: 20 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <section className="card">
      <h1>Orders</h1>
      <OrderFilters onApply={setFilters} />
      <div className="small">
        Download: <ExportDownload file="orders.csv">all orders (CSV)</ExportDownload>{' '}
        <ExportDownload file="orders-address-warnings.csv">orders with address warnings (CSV)</ExportDownload>
      </div>
      <BulkBar selected={[...selected]} onDone={() => setSelected(new Set())} />
      <PagedTable
        caption="Orders"
        columns={['', 'Order', 'Status', 'Member', 'Ship to', 'Total', 'Placed', '']}
        query={orders}
        empty="No order matches these filters."
        row={(o: TAdminOrderRow) => (
          <OrderRow key={o.id} order={o} checked={selected.has(o.id)} onToggle={() => toggle(o.id)} />
        )}
      />
    </section>
  );
}

function OrderFilters({ onApply }: { onApply: (f: Filters) => void }) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [country, setCountry] = useState('');
  const [sku, setSku] = useState('');
  const [warnings, setWarnings] = useState(false);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = ZOrderStatus.safeParse(status);
        onApply({
          query: query.trim() || undefined,
          status: parsed.success ? parsed.data : undefined,
          country: country.trim().toUpperCase() || undefined,
          productSku: sku.trim() || undefined,
          addressWarnings: warnings ? true : undefined,
        });
      }}
    >
      <label htmlFor="order-search">Search</label>
      <input
        id="order-search"
        value={query}
        maxLength={200}
        placeholder="Order id, wallet, email or transaction hash"
        onChange={(e) => setQuery(e.target.value)}
      />
      <label htmlFor="order-status">Status</label>
      <select id="order-status" value={status} onChange={(e) => setStatus(e.target.value)}>
        <option value="">any</option>
        {ZOrderStatus.options.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <label htmlFor="order-country">Country</label>
      <input id="order-country" value={country} maxLength={2} onChange={(e) => setCountry(e.target.value)} />
      <label htmlFor="order-sku">Product</label>
      <input id="order-sku" value={sku} maxLength={64} onChange={(e) => setSku(e.target.value)} />
      <label className="small">
        <input type="checkbox" checked={warnings} onChange={(e) => setWarnings(e.target.checked)} /> Address
        warnings only
      </label>
      <button type="submit" className="button">
        Apply
      </button>
    </form>
  );
}

function BulkBar({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const utils = trpc.useUtils();
  const [to, setTo] = useState<TAdminOrderTarget>('processing');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<TBulkOrderStatusResult | null>(null);
  const bulk = trpc.admin.orders.bulkSetStatus.useMutation({
    onSuccess: (r) => {
      setResult(r);
      onDone();
      void utils.admin.orders.search.invalidate();
    },
  });
  return (
    <fieldset className="inline-form">
      <legend>Bulk status change</legend>
      <label htmlFor="bulk-target">Move {selected.length} selected to</label>
      <select id="bulk-target" value={to} onChange={(e) => setTo(ZAdminOrderTarget.parse(e.target.value))}>
        {ZAdminOrderTarget.options.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <label htmlFor="bulk-reason">Reason</label>
      <input id="bulk-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      <button
        type="button"
        className="button"
        disabled={selected.length === 0 || bulk.isPending}
        onClick={() => bulk.mutate({ orderIds: selected, to, reason: reason.trim() || undefined })}
      >
        Apply to selected
      </button>
      {bulk.error && <ErrorMessage error={bulk.error} />}
      {result && (
        <div role="status" className="small">
          <p>
            {result.changed.length} changed, {result.refused.length} refused.
          </p>
          {result.refused.length > 0 && (
            <ul>
              {result.refused.map((r) => (
                <li key={r.orderId}>
                  <span className="mono">{shortId(r.orderId)}</span>: {r.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </fieldset>
  );
}

function OrderRow({
  order,
  checked,
  onToggle,
}: {
  order: TAdminOrderRow;
  checked: boolean;
  onToggle: () => void;
}) {
  return (
    <tr>
      <td>
        <input
          type="checkbox"
          aria-label={`Select order ${order.id}`}
          checked={checked}
          onChange={onToggle}
        />
      </td>
      <td className="mono small">
        {shortId(order.id)}
        <div className="muted">{order.skus.join(', ')}</div>
      </td>
      <td>
        {order.status}
        {order.cancelReason && <div className="small muted">{order.cancelReason}</div>}
      </td>
      <td className="small">
        <span className="mono">{shortId(order.walletAddress)}</span>
        <div>{order.email}</div>
      </td>
      <td className="small">
        {order.name}, {order.country}
        {order.addressWarnings.map((w) => (
          <div key={w} className="notice small">
            ⚠ {w}
          </div>
        ))}
      </td>
      <td>{order.total} USDT</td>
      <td className="small">{when(order.createdAt)}</td>
      <td>
        {(order.status === 'paid' || order.status === 'confirmed') && <RefundForm orderId={order.id} />}
      </td>
    </tr>
  );
}

function RefundForm({ orderId }: { orderId: string }) {
  const utils = trpc.useUtils();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [hash, setHash] = useState('');
  const refund = trpc.admin.orders.refund.useMutation({
    onSuccess: () => void utils.admin.orders.search.invalidate(),
  });
  if (!open)
    return (
      <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
        Refund…
      </button>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        refund.mutate({ orderId, reason: reason.trim(), refundTransactionHash: hash.trim() || undefined });
      }}
    >
      <label htmlFor={`refund-reason-${orderId}`}>Refund reason</label>
      <input
        id={`refund-reason-${orderId}`}
        value={reason}
        required
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
      />
      <label htmlFor={`refund-hash-${orderId}`}>Refund transaction (optional)</label>
      <input id={`refund-hash-${orderId}`} value={hash} onChange={(e) => setHash(e.target.value)} />
      <button type="submit" className="button button-danger" disabled={refund.isPending}>
        Refund and email the member
      </button>
      {refund.error && <ErrorMessage error={refund.error} />}
    </form>
  );
}
