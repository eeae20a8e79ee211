import type { TAdminOrderRow } from '@puffy/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from '../../components/ui/dialog';
import { FormField } from '../../components/ui/form-field';
import { Input } from '../../components/ui/input';
import { formatUsdt } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { type AdminColumn, titled, useAdminColumns } from './data-table/features';
import { shortId, when } from './paged-table';

/** An id cut short (whole in its tooltip) over the line that says what it is: an order's items, a member's email. */
function ShortIdOver({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="flex flex-col text-xs">
      <span className="font-mono" title={id}>
        {shortId(id)}
      </span>
      {children}
    </span>
  );
}

/** The orders desk's columns: one order a row, its refund behind a dialog. */
export function useOrderColumns(): AdminColumn<TAdminOrderRow>[] {
  return useAdminColumns<TAdminOrderRow>((col, t) =>
    col.columns([
      col.accessor('id', {
        ...titled('order', t('orders.order'), { alwaysShown: true }),
        cell: ({ row }) => (
          <ShortIdOver id={row.original.id}>
            <span className="text-muted-foreground">{row.original.skus.join(', ')}</span>
          </ShortIdOver>
        ),
      }),
      col.accessor('status', {
        ...titled('status', t('orders.status')),
        cell: ({ row }) => (
          <span className="flex flex-col gap-1">
            <Badge variant="outline">{t(`orders.statuses.${row.original.status}`)}</Badge>
            {row.original.cancelReason && (
              <span className="text-muted-foreground text-xs">{row.original.cancelReason}</span>
            )}
          </span>
        ),
      }),
      col.accessor('walletAddress', {
        ...titled('member', t('orders.member'), { hideOnPhone: true }),
        cell: ({ row }) => (
          <ShortIdOver id={row.original.walletAddress}>
            <span>{row.original.email}</span>
          </ShortIdOver>
        ),
      }),
      col.accessor('country', {
        ...titled('shipTo', t('orders.shipTo')),
        cell: ({ row }) => (
          <span className="flex flex-col gap-1 text-xs">
            <span>
              {row.original.name}, {row.original.country}
            </span>
            {row.original.addressWarnings.map((w) => (
              <span key={w} className="font-medium text-warning">
                ⚠ {w}
              </span>
            ))}
          </span>
        ),
      }),
      col.accessor('total', {
        ...titled('total', t('orders.total'), { align: 'end' }),
        cell: ({ getValue }) => <span className="whitespace-nowrap">{formatUsdt(getValue())}</span>,
      }),
      col.accessor('createdAt', {
        ...titled('placed', t('orders.placed'), { hideOnPhone: true }),
        cell: ({ getValue }) => <span className="whitespace-nowrap text-xs">{when(getValue())}</span>,
      }),
      col.display({
        id: 'refund',
        header: () => <span className="sr-only">{t('orders.refund')}</span>,
        meta: { label: t('orders.refund') },
        cell: ({ row }) =>
          row.original.status === 'paid' || row.original.status === 'confirmed' ? (
            <RefundForm orderId={row.original.id} />
          ) : null,
      }),
    ]),
  );
}

/** A refund in a dialog: the reason is required and goes to the member's email and the audit log. */
function RefundForm({ orderId }: { orderId: string }) {
  const { t } = useTranslation('admin');
  const utils = trpc.useUtils();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [hash, setHash] = useState('');
  const refund = trpc.admin.orders.refund.useMutation({
    onSuccess: () => {
      setOpen(false);
      void utils.admin.orders.search.invalidate();
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button size="sm" variant="outline" onClick={() => setOpen(true)}>
        {t('orders.refundOpen')}
      </Button>
      <DialogContent>
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            refund.mutate({
              orderId,
              reason: reason.trim(),
              refundTransactionHash: hash.trim() || undefined,
            });
          }}
        >
          <DialogHeader>
            <DialogTitle>{t('orders.refundTitle', { id: shortId(orderId) })}</DialogTitle>
          </DialogHeader>
          <FormField label={t('orders.refundReason')}>
            <Input
              id={`refund-reason-${orderId}`}
              value={reason}
              required
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          </FormField>
          <FormField label={t('orders.refundTx')}>
            <Input id={`refund-hash-${orderId}`} value={hash} onChange={(e) => setHash(e.target.value)} />
          </FormField>
          {refund.error && <ErrorMessage error={refund.error} />}
          <DialogFooter>
            <Button type="submit" variant="destructive" disabled={refund.isPending}>
              {t('orders.refundSubmit')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
