import { createLocalSolanaChain, type LocalSolanaChain } from '@puffy/chains/local-chain';
import { USDT_TOKEN_DECIMALS } from '@puffy/contracts';
import type { PinoLogger } from './logger';

/**
 * Development without SOLANA_RPC_URL: the in-process Solana node (the one the tests use), so a person
 * can walk claim → pay → mint and pay for an order on a fresh machine. Transactions finalize after
 * 3 seconds. It holds a USDT mint, so orders can be paid too. The port is LOCAL_CHAIN_PORT (8899, the local validator's) or, when taken, any free one;
 * the SPA learns the URL from `system.version`.
 */
export async function startDevelopmentChain(
  port: number,
  logger: PinoLogger,
  store: { usdtMint: string; treasuryAddress: string },
): Promise<LocalSolanaChain> {
  let chain: LocalSolanaChain;
  try {
    chain = await createLocalSolanaChain({ port, finalizeAfterMs: 3_000 });
  } catch (error) {
    logger.warn({ err: error, port }, 'local chain port taken; using a free one');
    chain = await createLocalSolanaChain({ port: 0, finalizeAfterMs: 3_000 });
  }
  // Orders are paid in USDT: the configured mint (mainnet's address by default) exists on this chain,
  // with 6 decimals like the real one, and the treasury has its token account, as it does on mainnet.
  // The development wallet mints itself test USDT through the chain's `requestTokenAirdrop`.
  chain.createMint({ decimals: USDT_TOKEN_DECIMALS, address: store.usdtMint });
  chain.mintTo(store.usdtMint, store.treasuryAddress, 0n);
  logger.info({ url: chain.url, usdtMint: store.usdtMint }, 'development: local Solana chain started');
  return chain;
}
