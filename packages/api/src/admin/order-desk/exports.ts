import { type TAdminOrderRow, ZAdminOrderSearch } from '@puffy/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { BadInput } from '../../platform/errors';
import { type ExportColumns, listExport, registerExportDataset } from '../exports';
import { searchOrders } from './orders';
import { listTreasuryProblems } from './treasury';

const PAGE = 100;

/** The orders desk's filters as they arrive in a download link's query string. */
const ZOrderExportQuery = ZAdminOrderSearch.omit({ cursor: true, limit: true }).extend({
  addressWarnings: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

function orderFilters(query: URLSearchParams | undefined) {
  const parsed = ZOrderExportQuery.safeParse(Object.fromEntries(query ?? []));
  if (!parsed.success)
    throw new BadInput(
      'These export filters are not valid; export again from the orders desk.',
      undefined,
      'export_filter_invalid',
    );
  return parsed.data;
}

/** The desk's columns, for every order export. */
const orderColumns: ExportColumns<TAdminOrderRow> = {
  id: 'id',
  created_at: 'createdAt',
  status: 'status',
  user_id: 'userId',
  wallet_address: 'walletAddress',
  total_usdt: 'total',
  skus: (o) => o.skus.join(' '),
  name: 'name',
  email: 'email',
  country: 'country',
  address_warnings: (o) => o.addressWarnings.join('; '),
  transaction_hash: 'transactionHash',
  cancel_reason: 'cancelReason',
};

/**
 * The desk's rows, a page at a time. `filters` are the desk's (status, product, country, dates,
 * warnings, search text) when the download route passes the link's query string.
 */
const orderPage = (
  deps: Deps,
  cursor: string | undefined,
  filters: Partial<z.infer<typeof ZOrderExportQuery>>,
) => searchOrders(deps, { ...filters, cursor, limit: PAGE });

registerExportDataset(
  'orders',
  listExport({
    scope: 'orders',
    list: (deps, cursor, query) => orderPage(deps, cursor, orderFilters(query)),
    columns: orderColumns,
  }),
);

registerExportDataset(
  'orders-address-warnings',
  listExport({
    scope: 'orders',
    list: (deps, cursor) => orderPage(deps, cursor, { addressWarnings: true }),
    columns: orderColumns,
  }),
);

registerExportDataset(
  'treasury',
  listExport({
    scope: 'orders',
    list: (deps, cursor) => listTreasuryProblems(deps, { cursor, limit: PAGE, includeRefunded: false }),
    columns: {
      id: 'id',
      created_at: 'createdAt',
      purpose: 'purpose',
      network: 'network',
      transaction_hash: 'transactionHash',
      payer: 'payer',
      unit: 'unit',
      amount: 'amount',
      expected_amount: 'expectedAmount',
      surplus: 'surplus',
      status: 'status',
      order_id: 'orderId',
      nft_id: 'nftId',
      problems: (p) => p.problems.join(' '),
      refund_amount: 'refundAmount',
      shortfall: 'shortfall',
    },
  }),
);
