/**
 * Server field errors in words for people: the path (`items.0.colorway`) becomes a label ("Cart line
 * 1, colorway"), and the schema's own report ("Too small: expected string to have >=2 characters")
 * becomes advice, in the member's language (common catalog, `fields`). Forms still find their fields
 * by path; only the words change.
 */
import { i18n } from '../i18n';

/** The catalog's label for a field name (common catalog, `fields.label`), or null when it has none. */
function labelOf(field: string): string | null {
  const key = `fields.label.${field}`;
  return i18n.exists(key, { ns: 'common' }) ? i18n.t(key, { ns: 'common' }) : null;
}

export const issue = (key: string, n?: number | string): string =>
  i18n.t(`fields.issue.${key}`, { ns: 'common', n });

/** A label for a field path, or null when the path means nothing to a member. */
export function fieldLabel(path: string): string | null {
  const parts = path.split('.');
  const line = parts.findIndex((part, i) => part === 'items' && /^\d+$/.test(parts[i + 1] ?? ''));
  const last = parts[parts.length - 1] ?? '';
  const label = labelOf(last);
  if (line >= 0) {
    const n = Number(parts[line + 1]) + 1;
    return label && last !== 'items'
      ? i18n.t('fields.cartLineField', { ns: 'common', n, label })
      : i18n.t('fields.cartLine', { ns: 'common', n });
  }
  if (!label) return null;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A schema's bound as advice: `>= 2` characters, `< 5` items, more than 0. */
export function boundInWords(side: 'min' | 'max', of: string, n: number, inclusive: boolean): string {
  const edge = inclusive ? n : side === 'min' ? n + 1 : n - 1;
  if (of === 'string') return issue(side === 'min' ? 'minChars' : 'maxChars', edge);
  if (of === 'array' || of === 'set') return issue(side === 'min' ? 'minItems' : 'maxItems', n);
  if (side === 'min') return issue(inclusive ? 'atLeast' : 'moreThan', n);
  return issue(inclusive ? 'atMost' : 'lessThan', n);
}

/** The schema's report (zod's wording) as advice; anything unrecognised gets a plain request to check. */
export function schemaIssueInWords(message: string): string {
  const bound = /(>=|<=|>|<)\s*(\d+)/.exec(message)?.slice(1) ?? [];
  const [op = '', n] = bound;
  const of = /string/.test(message) ? 'string' : /array|set/.test(message) ? 'array' : 'number';
  if (/^Too small/i.test(message) && n) return boundInWords('min', of, Number(n), op.includes('='));
  if (/^Too big/i.test(message) && n) return boundInWords('max', of, Number(n), op.includes('='));
  if (/email/i.test(message)) return issue('email');
  if (/url/i.test(message)) return issue('url');
  if (/^Invalid option|^Invalid enum/i.test(message)) return issue('option');
  if (/received undefined|required/i.test(message)) return issue('required');
  return issue('other');
}

const RULE_NOTE = /\s*\(rule: [^)]*\)/g;
const UUID = /\s*\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/** Drops what is meant for logs from a server message: rule names and ids (support has the request id). */
export function withoutInternals(message: string): string {
  return message.replace(RULE_NOTE, '').replace(UUID, '').trim();
}
