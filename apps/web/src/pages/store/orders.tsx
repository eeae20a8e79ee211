import { type TOrderStatus, ZOrderStatus } from '@puffy/contracts';
import { ChevronLeft, ChevronRight, ClipboardList, ShoppingBag } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonCard } from '../../components/skeleton';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { FormField } from '../../components/ui/form-field';
import { Select } from '../../components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../../components/ui/table';
import { useDocumentTitle } from '../../lib/document-title';
import { formatDateTime } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { OrderStatusBadge } from '../../store/order-status';
import { PageHeader } from '../../store/page-header';
import { orderNumber, usdt } from '../../store/words';

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
  const { t } = useTranslation('store');
  useDocumentTitle(t('orders.title'));
  const { status, trail, go } = useOrderFilters();
  const cursor = trail.at(-1);
  const list = trpc.order.list.useQuery({
    limit: PAGE_SIZE,
    ...(status ? { status } : {}),
    ...(cursor ? { cursor } : {}),
  });
  const paged = trail.length > 0 || Boolean(list.data?.nextCursor);

  return (
    <>
      <PageHeader
        icon={ClipboardList}
        title={t('orders.title')}
        lead={t('orders.lead')}
        onward={{ to: '/store', icon: ShoppingBag, label: t('orders.toStore') }}
      />
      <Card>
        <FormField label={t('orders.status')} className="sm:max-w-64">
          <Select
            value={status ?? ''}
            onChange={(event) => {
              const chosen = ZOrderStatus.safeParse(event.target.value);
              go({ status: chosen.success ? chosen.data : undefined, trail: [] });
            }}
          >
            <option value="">{t('orders.all')}</option>
            {ZOrderStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        {list.isPending && <SkeletonCard label={t('orders.loading')} />}
        {list.error && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && list.data.items.length === 0 && (
          <p
            className="rounded-xl border border-dashed p-6 text-center text-muted-foreground"
            data-testid="orders-empty"
          >
            {status ? t('orders.noneWithStatus', { status: t(`status.${status}`) }) : t('orders.none')}
          </p>
        )}
        {list.data && list.data.items.length > 0 && (
          <Table data-testid="orders">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t('orders.column.order')}</TableHead>
                <TableHead scope="col">{t('orders.column.placed')}</TableHead>
                <TableHead scope="col">{t('orders.column.status')}</TableHead>
                <TableHead scope="col" className="text-right">
                  {t('orders.column.total')}
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((order) => (
                <TableRow key={order.id} data-order-id={order.id}>
                  <TableCell>
                    <Link to={`/orders/${order.id}`} className="font-medium font-mono text-primary">
                      {orderNumber(order.id)}
                    </Link>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time>
                  </TableCell>
                  <TableCell>
                    <OrderStatusBadge status={order.status} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">
                    {usdt(order.total)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {paged && (
          <nav className="flex justify-between gap-2" aria-label={t('orders.pages')}>
            <Button
              variant="outline"
              size="sm"
              disabled={trail.length === 0}
              onClick={() => go({ status, trail: trail.slice(0, -1) })}
            >
              <ChevronLeft aria-hidden="true" />
              {t('orders.previous')}
            </Button>
            <Button
              variant="outline"
              size="sm"
              disabled={!list.data?.nextCursor}
              onClick={() => list.data?.nextCursor && go({ status, trail: [...trail, list.data.nextCursor] })}
            >
              {t('orders.next')}
              <ChevronRight aria-hidden="true" />
            </Button>
          </nav>
        )}
      </Card>
    </>
  );
}
