import { z } from 'zod';
import { text } from './text';

export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

/** Every list takes this: an opaque cursor from the previous page and a limit (default 20, max 100). */
export const ZPageInput = z.object({
  cursor: text().max(200).optional().describe('Opaque cursor returned as `nextCursor` by the previous page'),
  limit: z
    .number()
    .int()
    .min(1)
    .max(PAGE_MAX)
    .default(PAGE_DEFAULT)
    .describe(`Items per page, default ${PAGE_DEFAULT}, at most ${PAGE_MAX}`),
});
export type TPageInput = z.infer<typeof ZPageInput>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type TPage<T> = { items: T[]; nextCursor: string | null };
