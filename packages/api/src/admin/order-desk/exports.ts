import { ZAdminOrderSearch } from '@puffy/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { BadInput } from '../../platform/errors';
import { registerExportDataset } from '../exports';
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
    throw new BadInput('These export filters are not valid; export again from the orders desk.');
  return parsed.data;
}

const ORDER_COLUMNS = [
  'id',
  'created_at',
  'status',
  'user_id',
  'wallet_address',
  'total_usdt',
  'skus',
  'name',
  'email',
  'country',
  'address_warnings',
  'transaction_hash',
  'cancel_reason',
];

/**
 * The desk's rows, a page at a time. `query` carries the desk's filters (status, product, country,
 * dates, warnings, search text) when the download route passes the link's query string.
 */
async function orderPage(
  deps: Deps,
  cursor: string | undefined,
  filters: Partial<z.infer<typeof ZOrderExportQuery>>,
) {
  const page = await searchOrders(deps, { ...filters, cursor, limit: PAGE });
  return {
    rows: page.items.map((o) => [
      o.id,
      o.createdAt,
      o.status,
      o.userId,
      o.walletAddress,
      o.total,
      o.skus.join(' '),
      o.name,
      o.email,
      o.country,
      o.addressWarnings.join('; '),
      o.transactionHash,
      o.cancelReason,
    ]),
    nextCursor: page.nextCursor,
  };
}

registerExportDataset('orders', {
  scope: 'orders',
  columns: ORDER_COLUMNS,
  page: (deps, cursor, query?: URLSearchParams) => orderPage(deps, cursor, orderFilters(query)),
});

registerExportDataset('orders-address-warnings', {
  scope: 'orders',
  columns: ORDER_COLUMNS,
  page: (deps, cursor) => orderPage(deps, cursor, { addressWarnings: true }),
});

registerExportDataset('treasury', {
  scope: 'orders',
  columns: [
    'id',
    'created_at',
    'purpose',
    'network',
    'transaction_hash',
    'payer',
    'unit',
    'amount',
    'expected_amount',
    'surplus',
    'status',
    'order_id',
    'nft_id',
    'problems',
    'refund_amount',
    'shortfall',
  ],
  async page(deps, cursor) {
    const page = await listTreasuryProblems(deps, { cursor, limit: PAGE, includeRefunded: false });
    return {
      rows: page.items.map((p) => [
        p.id,
        p.createdAt,
        p.purpose,
        p.network,
        p.transactionHash,
        p.payer,
        p.unit,
        p.amount,
        p.expectedAmount,
        p.surplus,
        p.status,
        p.orderId,
        p.nftId,
        p.problems.join(' '),
        p.refundAmount,
        p.shortfall,
      ]),
      nextCursor: page.nextCursor,
    };
  },
});
