import {
  type TAdminOrderSearch,
  type TBulkOrderStatusResult,
  ZAdminOrderTarget,
  ZOrderStatus,
} from '@puffy/contracts';
import type { RowSelectionState } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { Button } from '../../components/ui/button';
import { trpc } from '../../lib/trpc';
import { AdminListPage } from './admin-page';
import { keepShown, useCursorPaging } from './data-table/cursor-paging';
import { ExportDownload } from './export-download';
import { FieldTable, FormCheckbox } from './field-table';
import { useOrderColumns } from './order-columns';
import { shortId } from './paged-table';

type Filters = Omit<TAdminOrderSearch, 'cursor' | 'limit'>;

/** The orders desk: search and filter every order, move many at once, refund one with a reason. */
export default function OrdersPage() {
  const { t } = useTranslation('admin');
  const paging = useCursorPaging();
  const [filters, setFilters] = useState<Filters>({});
  const [selected, setSelected] = useState<RowSelectionState>({});
  const [result, setResult] = useState<TBulkOrderStatusResult | null>(null);
  const orders = trpc.admin.orders.search.useQuery({ ...filters, ...paging.page }, keepShown);
  const columns = useOrderColumns();
  return (
    <AdminListPage
      words="orders"
      action={
        <div className="flex flex-wrap gap-2">
          <ExportDownload file="orders.csv">{t('orders.exportAll')}</ExportDownload>
          <ExportDownload file="orders-address-warnings.csv">{t('orders.exportWarnings')}</ExportDownload>
        </div>
      }
      columns={columns}
      query={orders}
      paging={paging}
      getRowId={(o) => o.id}
      toolbar={
        <>
          <OrderFilters
            onApply={(next) => {
              setFilters(next);
              paging.reset();
            }}
          />
          {result && <BulkResult result={result} />}
        </>
      }
      selection={{
        state: selected,
        onChange: setSelected,
        rowLabel: (o) => t('orders.selectOrder', { id: o.id }),
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
    />
  );
}

function BulkResult({ result }: { result: TBulkOrderStatusResult }) {
  const { t } = useTranslation('admin');
  return (
    <div role="status" className="basis-full rounded-lg border p-3 text-sm">
      <p>{t('orders.result', { changed: result.changed.length, refused: result.refused.length })}</p>
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
  const { t } = useTranslation('admin');
  const [form, setForm] = useState({ query: '', status: '', country: '', sku: '' });
  const [warnings, setWarnings] = useState(false);
  const rows = [
    {
      key: 'query',
      kind: 'search',
      label: t('orders.search'),
      placeholder: t('orders.searchHint'),
      maxLength: 200,
      className: 'w-full sm:w-72',
    },
    {
      key: 'status',
      label: t('orders.status'),
      className: 'w-40',
      options: [
        { value: '', label: t('orders.anyStatus') },
        ...ZOrderStatus.options.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) })),
      ],
    },
    { key: 'country', label: t('orders.country'), maxLength: 2, className: 'w-24' },
    { key: 'sku', label: t('orders.product'), maxLength: 64, className: 'w-40' },
  ] as const;
  return (
    <form
      className="flex w-full flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const status = ZOrderStatus.safeParse(form.status);
        onApply({
          query: form.query.trim() || undefined,
          status: status.success ? status.data : undefined,
          country: form.country.trim().toUpperCase() || undefined,
          productSku: form.sku.trim() || undefined,
          addressWarnings: warnings ? true : undefined,
        });
      }}
    >
      <FieldTable layout="row" idPrefix="order" rows={rows} state={[form, setForm]} />
      <FormCheckbox
        id="order-warnings"
        label={t('orders.warnings')}
        checked={warnings}
        onChange={setWarnings}
      />
      <Button type="submit">{t('orders.apply')}</Button>
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
  const { t } = useTranslation('admin');
  const utils = trpc.useUtils();
  // The choice holds a target's name; the select offers only targets, and the schema checks on sending.
  const [form, setForm] = useState({ to: 'processing', reason: '' });
  const bulk = trpc.admin.orders.bulkSetStatus.useMutation({
    onSuccess: (r) => {
      onDone(r);
      void utils.admin.orders.search.invalidate();
    },
  });
  const rows = [
    {
      key: 'to',
      label: t('orders.moveTo', { count: selected.length }),
      options: ZAdminOrderTarget.options.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) })),
    },
    { key: 'reason', label: t('orders.reason'), maxLength: 500 },
  ] as const;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <FieldTable layout="row" idPrefix="bulk" rows={rows} state={[form, setForm]} />
      <Button
        disabled={selected.length === 0 || bulk.isPending}
        onClick={() =>
          bulk.mutate({
            orderIds: selected,
            to: ZAdminOrderTarget.parse(form.to),
            reason: form.reason.trim() || undefined,
          })
        }
      >
        {t('orders.applySelected')}
      </Button>
      {bulk.error && <ErrorMessage error={bulk.error} />}
    </div>
  );
}
