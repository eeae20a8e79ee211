import type { WalletConnector } from './connectors';

interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
  on?(event: string, listener: (...args: unknown[]) => void): void;
  removeListener?(event: string, listener: (...args: unknown[]) => void): void;
}
interface Eip6963Detail {
  info: { uuid: string; name: string; icon: string; rdns: string };
  provider: Eip1193Provider;
}

function toHex(text: string): string {
  return `0x${Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function connector(
  id: string,
  name: string,
  icon: string | undefined,
  provider: Eip1193Provider,
): WalletConnector {
  return {
    id,
    name,
    chain: 'evm',
    icon,
    async connect() {
      const accounts = (await provider.request({ method: 'eth_requestAccounts' })) as string[];
      const chainHex = (await provider.request({ method: 'eth_chainId' })) as string;
      const address = accounts[0];
      if (!address) throw new Error(`${name} shared no account`);
      return { address, chainId: Number.parseInt(chainHex, 16) };
    },
    async signMessage(message, address) {
      // EIP-191 personal_sign: the wallet prefixes and hashes; the server verifies with viem.
      return (await provider.request({
        method: 'personal_sign',
        params: [toHex(message), address],
      })) as string;
    },
    onChange(listener) {
      provider.on?.('accountsChanged', listener);
      provider.on?.('chainChanged', listener);
      return () => {
        provider.removeListener?.('accountsChanged', listener);
        provider.removeListener?.('chainChanged', listener);
      };
    },
  };
}

/**
 * EVM wallets found through EIP-6963 announcements, reported as they arrive (a wallet may announce
 * late), with the injected provider as a fallback when none announces. Returns a stop function.
 */
export function watchEvmWallets(
  onChange: (wallets: WalletConnector[]) => void,
  fallbackAfterMs = 300,
): () => void {
  const found = new Map<string, WalletConnector>();
  const onAnnounce = (event: Event) => {
    const detail = (event as CustomEvent<Eip6963Detail>).detail;
    if (!detail?.info || !detail.provider || found.has(detail.info.rdns)) return;
    found.delete('injected');
    found.set(
      detail.info.rdns,
      connector(`eip6963:${detail.info.rdns}`, detail.info.name, detail.info.icon, detail.provider),
    );
    onChange([...found.values()]);
  };
  window.addEventListener('eip6963:announceProvider', onAnnounce);
  window.dispatchEvent(new Event('eip6963:requestProvider'));
  const fallback = setTimeout(() => {
    const injected = (window as unknown as { ethereum?: Eip1193Provider }).ethereum;
    if (found.size === 0 && injected) {
      found.set('injected', connector('injected', 'Browser wallet', undefined, injected));
      onChange([...found.values()]);
    }
  }, fallbackAfterMs);
  return () => {
    clearTimeout(fallback);
    window.removeEventListener('eip6963:announceProvider', onAnnounce);
  };
}
