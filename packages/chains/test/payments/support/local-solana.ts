import { Connection } from '@solana/web3.js';
import { createSolanaRpc, type SolanaRpc, type SolanaRpcOptions } from '../../../src/payments';
import {
  createLocalSolanaChain,
  type LocalSolanaChain,
  type LocalSolanaChainOptions,
} from '../../../src/payments/local-rpc';

/** A settable clock shared by the chain (block times) and the test (claim windows). */
export class TestClock {
  constructor(private current: Date = new Date('2025-06-01T12:00:00.000Z')) {}

  readonly now = (): Date => new Date(this.current);

  advance(ms: number): Date {
    this.current = new Date(this.current.getTime() + ms);
    return this.now();
  }
}

export interface LocalSolana {
  chain: LocalSolanaChain;
  /** Our client, with short timeouts so outage tests stay quick. */
  rpc: SolanaRpc;
  /** web3.js's own client, which validates every answer against its schemas: a second opinion on the wire format. */
  connection: Connection;
  clock: TestClock;
  close(): Promise<void>;
}

/**
 * Starts the local Solana JSON-RPC node on a free port of 127.0.0.1 with a test clock. Other packages'
 * tests can do the same through `createLocalSolanaChain` from `@puffy/chains`.
 */
export async function startLocalSolanaRpc(
  options: LocalSolanaChainOptions & { rpc?: Partial<SolanaRpcOptions>; clock?: TestClock } = {},
): Promise<LocalSolana> {
  const clock = options.clock ?? new TestClock();
  const chain = await createLocalSolanaChain({ now: clock.now, ...options });
  const rpc = createSolanaRpc({
    url: chain.url,
    timeoutMs: 1_000,
    retries: 1,
    backoff: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options.rpc,
  });
  const connection = new Connection(chain.url, { commitment: 'confirmed', disableRetryOnRateLimit: true });
  return { chain, rpc, connection, clock, close: () => chain.close() };
}
