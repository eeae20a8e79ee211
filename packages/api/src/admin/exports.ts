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

export const exportDataset = (name: string): ExportDataset | undefined => datasets.get(name);
export const exportDatasetNames = (): string[] => [...datasets.keys()].sort();

/** `?campaignId=` of an export URL: the campaign view's filter. A value that is not an id is refused. */
export function campaignParam(query: URLSearchParams): number | undefined {
  const raw = query.get('campaignId');
  if (raw === null || raw === '') return undefined;
  if (!/^[1-9]\d{0,9}$/.test(raw))
    throw new BadInput('campaignId must be a campaign id.', { campaignId: ['Not an id'] });
  return Number(raw);
}

/** An optional text filter of an export URL, bounded like the console's own inputs. */
function textParam(query: URLSearchParams, name: string, max: number): string | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw.length > max) throw new BadInput(`${name} is too long.`, { [name]: [`At most ${max} characters`] });
  return raw;
}

const json = (value: unknown): string => (value === null || value === undefined ? '' : JSON.stringify(value));

registerExportDataset('members', {
  scope: 'users',
  columns: ['id', 'chain', 'wallet_address', 'role', 'scopes', 'name', 'email', 'created_at'],
  async page(deps, cursor) {
    const page = await searchUsers(deps, { cursor, limit: PAGE });
    return {
      rows: page.items.map((u) => [
        u.id,
        u.chain,
        u.walletAddress,
        u.role,
        u.scopes.join(' '),
        u.name,
        u.email,
        u.createdAt,
      ]),
      nextCursor: page.nextCursor,
    };
  },
});

registerExportDataset('audit-log', {
  scope: 'users',
  columns: [
    'id',
    'created_at',
    'actor_user_id',
    'action',
    'target_type',
    'target_id',
    'before',
    'after',
    'request_id',
  ],
  async page(deps, cursor, query) {
    const page = await listAuditLog(deps, {
      cursor,
      limit: PAGE,
      targetType: textParam(query, 'targetType', 60),
      targetId: textParam(query, 'targetId', 120),
      actorUserId: textParam(query, 'actorUserId', 64),
    });
    return {
      rows: page.items.map((e) => [
        e.id,
        e.createdAt,
        e.actorUserId,
        e.action,
        e.targetType,
        e.targetId,
        json(e.before),
        json(e.after),
        e.requestId,
      ]),
      nextCursor: page.nextCursor,
    };
  },
});

registerExportDataset('security-events', {
  scope: 'users',
  columns: ['id', 'created_at', 'type', 'user_id', 'request_id', 'ip', 'detail'],
  async page(deps, cursor, query) {
    const type = textParam(query, 'type', 40);
    const parsedType = type === undefined ? undefined : ZSecurityEventType.safeParse(type);
    if (parsedType && !parsedType.success)
      throw new BadInput(`type must be one of ${ZSecurityEventType.options.join(', ')}.`, {
        type: ['Unknown kind'],
      });
    const page = await listSecurityEvents(deps, {
      cursor,
      limit: PAGE,
      type: parsedType?.data,
      userId: textParam(query, 'userId', 64),
    });
    return {
      rows: page.items.map((e) => [e.id, e.createdAt, e.type, e.userId, e.requestId, e.ip, json(e.detail)]),
      nextCursor: page.nextCursor,
    };
  },
});

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
