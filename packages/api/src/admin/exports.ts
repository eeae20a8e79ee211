import { type TAdminScope, ZSecurityEventType } from '@puffy/contracts';
import type { Deps } from '../deps';
import { BadInput } from '../platform/errors';
import { listAuditLog, listSecurityEvents } from './logs';
import { searchUsers } from './users';

type Cell = string | number | boolean | null;

/**
 * A list the console can download whole (CSV or JSON). Rows come a page at a time through the same
 * keyset-paginated service functions the console reads, so an export of a million rows never sits
 * in memory. Other domains add theirs (orders) with `registerExportDataset`.
 */
export interface ExportDataset {
  scope: TAdminScope;
  columns: string[];
  /** `query` is the download URL's search parameters: the filters of the view the export comes from. */
  page(
    deps: Deps,
    cursor: string | undefined,
    query: URLSearchParams,
  ): Promise<{ rows: Cell[][]; nextCursor: string | null }>;
}

const PAGE = 100;
const datasets = new Map<string, ExportDataset>();

export function registerExportDataset(name: string, dataset: ExportDataset): void {
  datasets.set(name, dataset);
}

/** Each column of an export by its header: the row field it shows, or how it is worked out from the row. */
export type ExportColumns<R> = Record<
  string,
  { [K in keyof R]: R[K] extends Cell ? K : never }[keyof R] | ((row: R) => Cell)
>;

/**
 * A dataset read through a paged list: each header sits beside what fills it, so the header line and
 * the cells of a row cannot fall out of step.
 */
export function listExport<R>(dataset: {
  scope: TAdminScope;
  list(
    deps: Deps,
    cursor: string | undefined,
    query: URLSearchParams,
  ): Promise<{ items: R[]; nextCursor: string | null }>;
  columns: ExportColumns<R>;
}): ExportDataset {
  const cells = Object.values(dataset.columns).map((column) =>
    typeof column === 'function' ? column : (row: R) => row[column] as Cell,
  );
  return {
    scope: dataset.scope,
    columns: Object.keys(dataset.columns),
    async page(deps, cursor, query) {
      const page = await dataset.list(deps, cursor, query);
      return { rows: page.items.map((row) => cells.map((cell) => cell(row))), nextCursor: page.nextCursor };
    },
  };
}

export const exportDataset = (name: string): ExportDataset | undefined => datasets.get(name);
export const exportDatasetNames = (): string[] => [...datasets.keys()].sort();

/** `?campaignId=` of an export URL: the campaign view's filter. A value that is not an id is refused. */
export function campaignParam(query: URLSearchParams): number | undefined {
  const raw = query.get('campaignId');
  if (raw === null || raw === '') return undefined;
  if (!/^[1-9]\d{0,9}$/.test(raw))
    throw new BadInput(
      'campaignId must be a campaign id.',
      { campaignId: ['Not an id'] },
      'export_filter_invalid',
    );
  return Number(raw);
}

/** An optional text filter of an export URL, bounded like the console's own inputs. */
function textParam(query: URLSearchParams, name: string, max: number): string | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw.length > max)
    throw new BadInput(
      `${name} is too long.`,
      { [name]: [`At most ${max} characters`] },
      'export_filter_invalid',
    );
  return raw;
}

const json = (value: unknown): string => (value === null || value === undefined ? '' : JSON.stringify(value));

registerExportDataset(
  'members',
  listExport({
    scope: 'users',
    list: (deps, cursor) => searchUsers(deps, { cursor, limit: PAGE }),
    columns: {
      id: 'id',
      chain: 'chain',
      wallet_address: 'walletAddress',
      role: 'role',
      scopes: (u) => u.scopes.join(' '),
      name: 'name',
      email: 'email',
      created_at: 'createdAt',
    },
  }),
);

registerExportDataset(
  'audit-log',
  listExport({
    scope: 'users',
    list: (deps, cursor, query) =>
      listAuditLog(deps, {
        cursor,
        limit: PAGE,
        targetType: textParam(query, 'targetType', 60),
        targetId: textParam(query, 'targetId', 120),
        actorUserId: textParam(query, 'actorUserId', 64),
      }),
    columns: {
      id: 'id',
      created_at: 'createdAt',
      actor_user_id: 'actorUserId',
      action: 'action',
      target_type: 'targetType',
      target_id: 'targetId',
      before: (e) => json(e.before),
      after: (e) => json(e.after),
      request_id: 'requestId',
    },
  }),
);

registerExportDataset(
  'security-events',
  listExport({
    scope: 'users',
    list(deps, cursor, query) {
      const type = textParam(query, 'type', 40);
      const parsedType = type === undefined ? undefined : ZSecurityEventType.safeParse(type);
      if (parsedType && !parsedType.success)
        throw new BadInput(
          `type must be one of ${ZSecurityEventType.options.join(', ')}.`,
          {
            type: ['Unknown kind'],
          },
          'export_filter_invalid',
        );
      return listSecurityEvents(deps, {
        cursor,
        limit: PAGE,
        type: parsedType?.data,
        userId: textParam(query, 'userId', 64),
      });
    },
    columns: {
      id: 'id',
      created_at: 'createdAt',
      type: 'type',
      user_id: 'userId',
      request_id: 'requestId',
      ip: 'ip',
      detail: (e) => json(e.detail),
    },
  }),
);

/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet by the OWASP CSV-injection rules: a text
 * starting as a formula would (=, +, -, @, tab, CR) gets a leading apostrophe, and every cell holding
 * any separator a spreadsheet may split on (comma, semicolon, tab), a quote or a line break is quoted.
 * A locale that splits on semicolons would otherwise start a new cell after `Bob;`, and `=1+2` there
 * would run: member-supplied names must not become code in an operator's Excel.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: Cell[]): string => `${cells.map(csvField).join(',')}\r\n`;
