import type { TAdminOrderRow } from '@puffy/contracts';
import { useMemo, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from '../../components/ui/dialog';
import { FormField } from '../../components/ui/form-field';
import { Input } from '../../components/ui/input';
import { formatUsdt } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { type AdminColumn, adminColumns } from './data-table/features';
import { shortId, when } from './paged-table';

/** The orders desk's columns: one order a row, its refund behind a dialog. */
export function useOrderColumns(): AdminColumn<TAdminOrderRow>[] {
  return useMemo(() => {
    const col = adminColumns<TAdminOrderRow>();
    return col.columns([
      col.accessor('id', {
        id: 'order',
        header: 'Order',
        enableHiding: false,
        meta: { label: 'Order' },
        cell: ({ row }) => (
          <span className="flex flex-col">
            <span className="font-mono text-xs" title={row.original.id}>
              {shortId(row.original.id)}
            </span>
            <span className="text-muted-foreground text-xs">{row.original.skus.join(', ')}</span>
          </span>
        ),
      }),
      col.accessor('status', {
        id: 'status',
        header: 'Status',
        meta: { label: 'Status' },
        cell: ({ row }) => (
          <span className="flex flex-col gap-1">
            <Badge variant="outline">{row.original.status}</Badge>
            {row.original.cancelReason && (
              <span className="text-muted-foreground text-xs">{row.original.cancelReason}</span>
            )}
          </span>
        ),
      }),
      col.accessor('walletAddress', {
        id: 'member',
        header: 'Member',
        meta: { label: 'Member', hideOnPhone: true },
        cell: ({ row }) => (
          <span className="flex flex-col text-xs">
            <span className="font-mono" title={row.original.walletAddress}>
              {shortId(row.original.walletAddress)}
            </span>
            <span>{row.original.email}</span>
          </span>
        ),
      }),
      col.accessor('country', {
        id: 'shipTo',
        header: 'Ship to',
        meta: { label: 'Ship to' },
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
        id: 'total',
        header: 'Total',
        meta: { label: 'Total', align: 'end' },
        cell: ({ getValue }) => <span className="whitespace-nowrap">{formatUsdt(getValue())}</span>,
      }),
      col.accessor('createdAt', {
        id: 'placed',
        header: 'Placed',
        meta: { label: 'Placed', hideOnPhone: true },
        cell: ({ getValue }) => <span className="whitespace-nowrap text-xs">{when(getValue())}</span>,
      }),
      col.display({
        id: 'refund',
        header: () => <span className="sr-only">Refund</span>,
        meta: { label: 'Refund' },
        cell: ({ row }) =>
          row.original.status === 'paid' || row.original.status === 'confirmed' ? (
            <RefundForm orderId={row.original.id} />
          ) : null,
      }),
    ]);
  }, []);
}

/** A refund in a dialog: the reason is required and goes to the member's email and the audit log. */
function RefundForm({ orderId }: { orderId: string }) {
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
        Refund…
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
            <DialogTitle>Refund order {shortId(orderId)}</DialogTitle>
          </DialogHeader>
          <FormField label="Refund reason">
            <Input
              id={`refund-reason-${orderId}`}
              value={reason}
              required
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          </FormField>
          <FormField label="Refund transaction (optional)">
            <Input id={`refund-hash-${orderId}`} value={hash} onChange={(e) => setHash(e.target.value)} />
          </FormField>
          {refund.error && <ErrorMessage error={refund.error} />}
          <DialogFooter>
            <Button type="submit" variant="destructive" disabled={refund.isPending}>
              Refund and email the member
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
