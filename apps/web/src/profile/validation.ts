import type { z } from 'zod';

/**
 * The shared schema's own message for a bad value, or null when it passes: the form says exactly
 * what the server would say, before asking it.
 */
export function schemaMessage(schema: z.ZodType, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'This value is not valid');
}
