import { QueryClient } from '@tanstack/react-query';
import { shouldRetry } from './errors';

/**
 * Query defaults for the whole SPA: retries follow `shouldRetry` (never on 4xx, once on network or
 * 5xx); mutations are never retried by themselves, since a write is repeated only when the member
 * asks (checkout carries an idempotency key for exactly that).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
}
