import { createLocalSolanaChain, type LocalSolanaChain } from '@puffy/chains/local-chain';
import type { PinoLogger } from './logger';

/**
 * Development without SOLANA_RPC_URL: the in-process Solana node (the one the tests use), so a person
 * can walk claim → pay → mint and pay for an order on a fresh machine. Transactions finalize after
 * 3 seconds. The port is LOCAL_CHAIN_PORT (8899, the local validator's) or, when taken, any free one;
 * the SPA learns the URL from `system.version`.
 */
export async function startDevelopmentChain(port: number, logger: PinoLogger): Promise<LocalSolanaChain> {
  let chain: LocalSolanaChain;
  try {
    chain = await createLocalSolanaChain({ port, finalizeAfterMs: 3_000 });
  } catch (error) {
    logger.warn({ err: error, port }, 'local chain port taken; using a free one');
    chain = await createLocalSolanaChain({ port: 0, finalizeAfterMs: 3_000 });
  }
  logger.info({ url: chain.url }, 'development: local Solana chain started');
  return chain;
}
