/**
 * Reads `EVM_RPC_URLS` (SPEC: `chainId=url` pairs, comma-separated), for example
 * `1=https://eth.example/rpc,80094=https://bera.example/rpc`. Bad entries throw, so that a typo fails
 * start-up instead of silently disabling a chain.
 */
export function parseEvmRpcUrls(value: string | undefined): Record<number, string> {
  const urls: Record<number, string> = {};
  if (!value?.trim()) return urls;
  for (const entry of value.split(',')) {
    const pair = entry.trim();
    if (!pair) continue;
    const split = pair.indexOf('=');
    const chainText = split > 0 ? pair.slice(0, split).trim() : '';
    const url = split > 0 ? pair.slice(split + 1).trim() : '';
    if (!/^[1-9]\d{0,15}$/.test(chainText) || !url) {
      throw new TypeError(`EVM_RPC_URLS entry "${pair}" is not chainId=url.`);
    }
    const chainId = Number(chainText);
    if (urls[chainId] !== undefined) throw new TypeError(`EVM_RPC_URLS names chain ${chainId} twice.`);
    if (!URL.canParse(url)) throw new TypeError(`EVM_RPC_URLS entry for chain ${chainId} is not a URL.`);
    urls[chainId] = url;
  }
  return urls;
}
