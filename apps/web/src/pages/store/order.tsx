import type { TOrder, TOrderStatusEvent } from '@puffy/contracts';
import { ArrowLeft, MapPin, Package, TriangleAlert, XCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Panel } from '../../campaigns/panel';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonCard } from '../../components/skeleton';
import { Alert, AlertDescription, AlertTitle } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardHeader, CardTitle } from '../../components/ui/card';
import { useDocumentTitle } from '../../lib/document-title';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import {
  type AddressDraft,
  type AddressErrors,
  AddressFields,
  serverAddressErrors,
  validateAddress,
} from '../../store/address-form';
import { countryName } from '../../store/countries';
import { OrderStatusBadge } from '../../store/order-status';
import { OrderTimeline, withEvent } from '../../store/order-timeline';
import { PaymentPanel } from '../../store/payment-panel';
import { PriceBreakdown } from '../../store/quote-view';
import { orderNumber } from '../../store/words';

const draftOf = (order: TOrder): AddressDraft => ({
  ...order.shippingAddress,
  line2: order.shippingAddress.line2 ?? '',
  state: order.shippingAddress.state ?? '',
});

/**
 * While an order is `new` its address can change, but not its country (shipping was priced for it);
 * the server answers with fresh warnings.
 */
function AddressEditor({ order, onSaved }: { order: TOrder; onSaved: (order: TOrder) => void }) {
  const { t } = useTranslation('store');
  const [draft, setDraft] = useState<AddressDraft | null>(null);
  const [errors, setErrors] = useState<AddressErrors>({});
  const update = trpc.order.updateAddress.useMutation();
  if (!draft) {
    return (
      <Button variant="outline" className="self-start" onClick={() => setDraft(draftOf(order))}>
        <MapPin aria-hidden="true" />
        {t('order.editAddress')}
      </Button>
    );
  }
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const checked = validateAddress(draft, t);
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    try {
      onSaved(await update.mutateAsync({ orderId: order.id, shippingAddress: checked.address }));
      setDraft(null);
    } catch (error) {
      // Field refusals go beside their fields; the rest is shown below.
      setErrors(serverAddressErrors(describeError(error).fieldErrors));
    }
  };
  return (
    <form onSubmit={save} noValidate className="grid gap-4">
      <AddressFields
        draft={draft}
        errors={errors}
        onChange={setDraft}
        countries={[order.shippingAddress.country]}
        countryLocked
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={update.isPending}>
          {t('order.saveAddress')}
        </Button>
        <Button variant="ghost" onClick={() => setDraft(null)}>
          {t('order.keepAddress')}
        </Button>
      </div>
      {update.error && <ErrorMessage key={update.submittedAt} error={update.error} fieldsShownInForm />}
    </form>
  );
}

function ShippingAddress({ order }: { order: TOrder }) {
  const a = order.shippingAddress;
  const lines = [a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.state, countryName(a.country)];
  return (
    <address className="grid gap-0.5 text-sm not-italic">
      {lines.filter(Boolean).map((line) => (
        <span key={line} className="break-words">
          {line}
        </span>
      ))}
      <span className="mt-2 break-all text-muted-foreground">{a.email}</span>
      <span className="text-muted-foreground">{a.phone}</span>
    </address>
  );
}

/** One order: its lines, its address, its status live over SSE, and what the member may still do. */
export default function OrderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('store');
  useDocumentTitle(t('order.documentTitle', { number: orderNumber(id) }));
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

  if (order.isPending) return <SkeletonCard label={t('order.loading')} />;
  if (order.error) return <ErrorMessage error={order.error} onRetry={() => void order.refetch()} />;
  const current = order.data;
  const shownEvents = withEvent(events, {
    orderId: current.id,
    status: current.status,
    reason: current.cancelReason,
    at: current.updatedAt,
  });

  return (
    <div className="grid gap-6" data-testid="order" data-status={current.status}>
      <header className="grid gap-3">
        <Link
          to="/orders"
          className="inline-flex items-center gap-1 text-muted-foreground text-sm no-underline hover:text-foreground"
        >
          <ArrowLeft className="size-4" aria-hidden="true" />
          {t('order.allOrders')}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-bold text-3xl">
            {t('order.title')} <span className="font-mono">{orderNumber(current.id)}</span>
          </h1>
          <OrderStatusBadge status={current.status} testId="order-status" />
        </div>
        <p className="text-muted-foreground text-sm">
          {t('order.placedAt', { when: formatDateTime(current.createdAt) })}
        </p>
      </header>
      {current.cancelReason && (
        <Alert variant="destructive">
          <XCircle aria-hidden="true" />
          <AlertTitle>{t(`status.${current.status}`)}</AlertTitle>
          <AlertDescription>{current.cancelReason}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="grid min-w-0 gap-6">
          {current.status === 'new' && <PaymentPanel order={current} onPaid={setOrder} />}
          <Panel titleId="order-lines" icon={Package} title={t('order.lines')}>
            <PriceBreakdown
              lines={current.lines}
              subtotal={current.subtotal}
              discountTotal={current.discount}
              shipping={current.shipping}
              total={current.total}
            />
          </Panel>
          <Panel titleId="order-address" icon={MapPin} title={t('address.title')}>
            <ShippingAddress order={current} />
            {current.addressWarnings.length > 0 && (
              <Alert variant="warning" data-testid="address-warnings">
                <TriangleAlert aria-hidden="true" />
                <AlertTitle>{t('order.warningsTitle')}</AlertTitle>
                <AlertDescription>
                  <ul className="list-disc pl-4">
                    {current.addressWarnings.map((warning) => (
                      <li key={warning}>{warning}</li>
                    ))}
                  </ul>
                </AlertDescription>
              </Alert>
            )}
            {current.status === 'new' && <AddressEditor order={current} onSaved={setOrder} />}
          </Panel>
        </div>
        <div className="grid min-w-0 gap-6">
          <Card as="section" aria-labelledby="order-progress">
            <CardHeader>
              <CardTitle id="order-progress">{t('order.progress')}</CardTitle>
            </CardHeader>
            <OrderTimeline events={shownEvents} status={current.status} />
          </Card>
          {current.status === 'new' && (
            <Card as="section" aria-labelledby="order-cancel" className="gap-3">
              <CardHeader>
                <CardTitle id="order-cancel" className="text-base">
                  {t('order.cancelTitle')}
                </CardTitle>
              </CardHeader>
              <p className="text-muted-foreground text-sm">{t('order.cancelLead')}</p>
              <Button
                variant="outline"
                className="border-destructive/50 text-destructive hover:bg-destructive/10 hover:text-destructive"
                disabled={cancel.isPending}
                onClick={() =>
                  void cancel.mutateAsync({ orderId: current.id }).then(setOrder, () => undefined)
                }
              >
                {t('order.cancel')}
              </Button>
            </Card>
          )}
          {cancel.error && <ErrorMessage key={cancel.submittedAt} error={cancel.error} />}
        </div>
      </div>
    </div>
  );
}
