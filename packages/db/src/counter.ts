import type { Logger } from 'drizzle-orm';
import type { QueryCounter } from './types';

/** drizzle sees every statement it sends (transactions included); its logger hook is where to count. */
export function countingLogger(counter: QueryCounter | undefined): Logger | undefined {
  if (counter === undefined) return undefined;
  return {
    logQuery: () => {
      counter.statements += 1;
    },
  };
}
