import {
  type TAdminOrderSearch,
  type TAdminOrderTarget,
  type TBulkOrderStatusResult,
  ZAdminOrderTarget,
  ZOrderStatus,
} from '@puffy/contracts';
import type { RowSelectionState } from '@tanstack/react-table';
import { useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { Button } from '../../components/ui/button';
import { Card, CardContent, CardHeader } from '../../components/ui/card';
import { FormField } from '../../components/ui/form-field';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { Select } from '../../components/ui/select';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';
import { useCursorPaging } from './data-table/cursor-paging';
import { DataTable } from './data-table/data-table';
import { ExportDownload } from './export-download';
import { useOrderColumns } from './order-columns';
import { shortId } from './paged-table';

type Filters = Omit<TAdminOrderSearch, 'cursor' | 'limit'>;

/** The orders desk: search and filter every order, move many at once, refund one with a reason. */
export default function OrdersPage() {
  useDocumentTitle('Orders · Admin');
  const paging = useCursorPaging();
  const [filters, setFilters] = useState<Filters>({});
  const [selected, setSelected] = useState<RowSelectionState>({});
  const [result, setResult] = useState<TBulkOrderStatusResult | null>(null);
  const orders = trpc.admin.orders.search.useQuery(
    { ...filters, cursor: paging.cursor, limit: paging.pageSize },
    { placeholderData: (previous) => previous },
  );
  const columns = useOrderColumns();
  return (
    <Card>
      <CardHeader>
        <h1 className="font-semibold text-2xl">Orders</h1>
        <p className="text-muted-foreground text-sm">
          Download: <ExportDownload file="orders.csv">all orders (CSV)</ExportDownload>{' '}
          <ExportDownload file="orders-address-warnings.csv">
            orders with address warnings (CSV)
          </ExportDownload>
        </p>
      </CardHeader>
      <CardContent>
        <OrderFilters
          onApply={(next) => {
            setFilters(next);
            paging.reset();
          }}
        />
        {result && <BulkResult result={result} />}
        <DataTable
          caption="Orders"
          columns={columns}
          query={orders}
          paging={paging}
          getRowId={(o) => o.id}
          selection={{
            state: selected,
            onChange: setSelected,
            rowLabel: (o) => `Select order ${o.id}`,
            actions: (ids) => (
              <BulkBar
                selected={ids}
                onDone={(r) => {
                  setResult(r);
                  setSelected({});
                }}
              />
            ),
          }}
          empty="No order matches these filters."
        />
      </CardContent>
    </Card>
  );
}

function BulkResult({ result }: { result: TBulkOrderStatusResult }) {
  return (
    <div role="status" className="rounded-lg border p-3 text-sm">
      <p>
        {result.changed.length} changed, {result.refused.length} refused.
      </p>
      {result.refused.length > 0 && (
        <ul className="list-disc pl-5">
          {result.refused.map((r) => (
            <li key={r.orderId}>
              <span className="font-mono">{shortId(r.orderId)}</span>: {r.message}
            </li>
          ))}
        </ul>
      )}
    </div>
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
      className="flex flex-wrap items-end gap-3"
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
      <FormField label="Search" className="w-full sm:w-72">
        <Input
          id="order-search"
          type="search"
          value={query}
          maxLength={200}
          placeholder="Order id, wallet, email or transaction hash"
          onChange={(e) => setQuery(e.target.value)}
        />
      </FormField>
      <FormField label="Status" className="w-40">
        <Select id="order-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">any</option>
          {ZOrderStatus.options.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Country" className="w-24">
        <Input
          id="order-country"
          value={country}
          maxLength={2}
          onChange={(e) => setCountry(e.target.value)}
        />
      </FormField>
      <FormField label="Product" className="w-40">
        <Input id="order-sku" value={sku} maxLength={64} onChange={(e) => setSku(e.target.value)} />
      </FormField>
      {/* A native box: inside a form, Radix's checkbox mirrors itself into a hidden input it measures. */}
      <div className="flex h-10 items-center gap-2">
        <input
          id="order-warnings"
          type="checkbox"
          className="size-4 accent-primary"
          checked={warnings}
          onChange={(e) => setWarnings(e.target.checked)}
        />
        <Label htmlFor="order-warnings">Address warnings only</Label>
      </div>
      <Button type="submit">Apply</Button>
    </form>
  );
}

function BulkBar({
  selected,
  onDone,
}: {
  selected: string[];
  onDone: (result: TBulkOrderStatusResult) => void;
}) {
  const utils = trpc.useUtils();
  const [to, setTo] = useState<TAdminOrderTarget>('processing');
  const [reason, setReason] = useState('');
  const bulk = trpc.admin.orders.bulkSetStatus.useMutation({
    onSuccess: (r) => {
      onDone(r);
      void utils.admin.orders.search.invalidate();
    },
  });
  return (
    <div className="flex flex-wrap items-end gap-3">
      <FormField label={`Move ${selected.length} selected to`}>
        <Select id="bulk-target" value={to} onChange={(e) => setTo(ZAdminOrderTarget.parse(e.target.value))}>
          {ZAdminOrderTarget.options.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Reason">
        <Input id="bulk-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </FormField>
      <Button
        disabled={selected.length === 0 || bulk.isPending}
        onClick={() => bulk.mutate({ orderIds: selected, to, reason: reason.trim() || undefined })}
      >
        Apply to selected
      </Button>
      {bulk.error && <ErrorMessage error={bulk.error} />}
    </div>
  );
}
