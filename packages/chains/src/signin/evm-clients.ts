import { type Client, createPublicClient, http } from 'viem';

/**
 * One viem client per configured chain id (EVM_RPC_URLS), for contract-wallet signatures (ERC-1271,
 * ERC-6492). Chains without a URL get no client: an EOA still signs in; a contract wallet is told
 * its chain is not supported here.
 */
export function createEvmClients(
  urls: Record<number, string>,
  options: { timeoutMs?: number } = {},
): (chainId: number) => Client | undefined {
  const clients = new Map<number, Client>();
  for (const [id, url] of Object.entries(urls)) {
    clients.set(
      Number(id),
      createPublicClient({ transport: http(url, { timeout: options.timeoutMs ?? 5_000, retryCount: 1 }) }),
    );
  }
  return (chainId) => clients.get(chainId);
}
