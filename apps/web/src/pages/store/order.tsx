import type { TOrder, TOrderStatusEvent } from '@puffy/contracts';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonCard } from '../../components/skeleton';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';
import {
  type AddressDraft,
  type AddressErrors,
  AddressFields,
  validateAddress,
} from '../../store/address-form';
import { OrderTimeline, withEvent } from '../../store/order-timeline';
import { PaymentPanel } from '../../store/payment-panel';
import { QuoteView } from '../../store/quote-view';
import { STATUS_LABEL } from '../../store/words';

const draftOf = (order: TOrder): AddressDraft => ({
  ...order.shippingAddress,
  line2: order.shippingAddress.line2 ?? '',
  state: order.shippingAddress.state ?? '',
});

/** While an order is `new` its address can change; the server answers with fresh warnings. */
function AddressEditor({ order, onSaved }: { order: TOrder; onSaved: (order: TOrder) => void }) {
  const [draft, setDraft] = useState<AddressDraft | null>(null);
  const [errors, setErrors] = useState<AddressErrors>({});
  const update = trpc.order.updateAddress.useMutation();
  if (!draft) {
    return (
      <button type="button" onClick={() => setDraft(draftOf(order))}>
        Edit address
      </button>
    );
  }
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const checked = validateAddress(draft);
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    try {
      onSaved(await update.mutateAsync({ orderId: order.id, shippingAddress: checked.address }));
      setDraft(null);
    } catch {
      // Shown below.
    }
  };
  return (
    <form onSubmit={save} noValidate>
      <AddressFields
        draft={draft}
        errors={errors}
        onChange={setDraft}
        countries={[order.shippingAddress.country]}
      />
      <button type="submit" disabled={update.isPending}>
        Save address
      </button>
      <button type="button" onClick={() => setDraft(null)}>
        Keep the old one
      </button>
      {update.error && <ErrorMessage key={update.submittedAt} error={update.error} />}
    </form>
  );
}

function ShippingAddress({ order }: { order: TOrder }) {
  const a = order.shippingAddress;
  return (
    <address className="store-address-shown">
      {[a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.state, a.country, a.email, a.phone]
        .filter(Boolean)
        .map((line) => (
          <span key={line}>
            {line}
            <br />
          </span>
        ))}
    </address>
  );
}

/** One order: its lines, its address, its status live over SSE, and what the member may still do. */
export default function OrderPage() {
  const { id = '' } = useParams();
  useDocumentTitle('Order');
  const utils = trpc.useUtils();
  const order = trpc.order.get.useQuery({ orderId: id });
  const cancel = trpc.order.cancel.useMutation();
  const [events, setEvents] = useState<TOrderStatusEvent[]>([]);
  const data = order.data;
  const setOrder = (next: TOrder) => utils.order.get.setData({ orderId: id }, next);

  // The recorded history first (a reload keeps the whole timeline), then live events on top.
  const history = trpc.order.history.useQuery({ orderId: id });
  useEffect(() => {
    if (data)
      setEvents((old) =>
        withEvent(old, { orderId: data.id, status: 'new', reason: null, at: data.createdAt }),
      );
  }, [data]);
  useEffect(() => {
    if (history.data) setEvents((old) => history.data.events.reduce(withEvent, old));
  }, [history.data]);

  trpc.order.status.useSubscription(
    { orderId: id },
    {
      // jsdom and very old browsers have no EventSource; the page then shows the status it loaded.
      enabled: Boolean(data) && typeof EventSource !== 'undefined',
      onData: (event) => {
        setEvents((old) => withEvent(old, event));
        if (event.status !== data?.status) void utils.order.get.invalidate({ orderId: id });
      },
    },
  );

  if (order.isPending) return <SkeletonCard label="Loading the order" />;
  if (order.error) return <ErrorMessage error={order.error} onRetry={() => void order.refetch()} />;
  const current = order.data;
  const shownEvents = withEvent(events, {
    orderId: current.id,
    status: current.status,
    reason: current.cancelReason,
    at: current.updatedAt,
  });

  return (
    <div className="store-order" data-testid="order" data-status={current.status}>
      <h1>
        Order <span className="mono">{current.id.slice(0, 8)}</span>
      </h1>
      <p>
        <span className={`store-status store-status-${current.status}`} data-testid="order-status">
          {STATUS_LABEL[current.status]}
        </span>
        {current.cancelReason && <span className="muted"> — {current.cancelReason}</span>}
      </p>
      <OrderTimeline events={shownEvents} />
      {current.status === 'new' && <PaymentPanel order={current} onPaid={setOrder} />}
      <section className="card" aria-labelledby="order-lines">
        <h2 id="order-lines">What you ordered</h2>
        <QuoteView
          quote={{
            quoteId: current.id,
            lines: current.lines,
            subtotal: current.subtotal,
            discounts: [],
            shipping: current.shipping,
            total: current.total,
            expiresAt: current.payment.payBefore,
          }}
          footer={current.discount === '0.00' ? null : <p>Discounts: −{current.discount} USDT</p>}
        />
      </section>
      <section className="card" aria-labelledby="order-address">
        <h2 id="order-address">Shipping address</h2>
        <ShippingAddress order={current} />
        {current.addressWarnings.length > 0 && (
          <ul className="notice store-warnings" data-testid="address-warnings">
            {current.addressWarnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        )}
        {current.status === 'new' && <AddressEditor order={current} onSaved={setOrder} />}
      </section>
      {current.status === 'new' && (
        <p>
          <button
            type="button"
            className="button-danger"
            disabled={cancel.isPending}
            onClick={() => void cancel.mutateAsync({ orderId: current.id }).then(setOrder, () => undefined)}
          >
            Cancel order
          </button>
        </p>
      )}
      {cancel.error && <ErrorMessage key={cancel.submittedAt} error={cancel.error} />}
      <p>
        <Link to="/orders">All your orders</Link>
      </p>
    </div>
  );
}
