import { redactUrl, SENSITIVE_KEYS } from '../logger';

/**
 * Error reports leave the process, so they get the log's rules (logger.ts): the same keys censored,
 * at any depth, and URLs with their code and token parameters censored. Bearer tokens and cookie
 * pairs that slip into a message are cut as well.
 */

const CENSOR = '[Redacted]';
const SENSITIVE = new Set(SENSITIVE_KEYS.map((key) => key.toLowerCase()));
const BEARER = /\b(bearer\s+)[\w.~+/=-]+/gi;
const MAX_DEPTH = 8;

export function redactText(text: string): string {
  return redactUrl(text).replace(BEARER, `$1${CENSOR}`);
}

/** A copy of `value` with every sensitive key censored and every string cleaned. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SENSITIVE.has(key.toLowerCase()) ? CENSOR : redactValue(item, depth + 1);
  }
  return copy;
}
