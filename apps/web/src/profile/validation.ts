import type { z } from 'zod';
import { issueInWords } from '../lib/issue-words';

/**
 * What is wrong with a value by the shared schema, or null when it passes: the form checks what the
 * server would, before asking it, in the member's language (the schema's own sentence in English).
 */
export function schemaMessage(schema: z.ZodType, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : issueInWords(parsed.error.issues[0]);
}
