import { z } from 'zod';

/*
 * One rule for the text members and operators send: every character must be one a database text
 * column keeps. Postgres refuses U+0000 outright (the request would end in a 500), and both databases
 * store an unpaired UTF-16 surrogate as U+FFFD (the record would silently differ from what was sent).
 * JSON carries both, so the rule is checked where input is parsed, before anything is written.
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the text holds no NUL and no unpaired surrogate. */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

const TEXT_REFUSED =
  "This text can't contain invisible control characters or broken characters; remove them.";
const JSON_REFUSED =
  "These settings can't contain invisible control characters or broken characters; remove them.";

/** A string of free text; chain `.trim()`, `.min()`, `.max()` on it as on `z.string()`. */
export const text = (message = TEXT_REFUSED) => z.string().refine(isStorableText, message);

/**
 * True when every string inside a JSON value, object keys included, at any depth, is storable text:
 * a JSON column refuses (Postgres) or alters them like a text column. Walked with a stack, not
 * recursion, so a deeply nested body cannot overflow the call stack.
 */
export function isStorableJson(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (!isStorableText(item)) return false;
    } else if (Array.isArray(item)) {
      pending.push(...item);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) {
        if (!isStorableText(key)) return false;
        pending.push(inner);
      }
    }
  }
  return true;
}

/** Free JSON (settings, parameters) that lands in a JSON column: its strings follow the text rule. */
export const storableJson = <T extends z.ZodType>(schema: T, message = JSON_REFUSED) =>
  schema.refine(isStorableJson, message);
