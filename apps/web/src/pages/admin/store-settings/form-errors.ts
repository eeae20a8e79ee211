import type { z } from 'zod';
import { describeError } from '../../../lib/errors';
import { issueInWords } from '../../../lib/issue-words';

/** Field path ("price", "byCountry.0.fee") → what to fix there, in words for people. */
export type FieldErrors = Record<string, string>;

/**
 * Checks a form's value with the same schema the server applies, so a mistake shows beside its field
 * before any round trip, in the operator's language.
 */
export function checkWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
): { ok: true; data: z.output<T> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    errors[path] ??= issueInWords(issue);
  }
  return { ok: false, errors };
}

/** The server's field errors of a failed save, for the same places. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!error) return {};
  return Object.fromEntries(
    Object.entries(describeError(error).fieldErrors).map(([path, messages]) => [path, messages.join(' ')]),
  );
}
