import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WalletConnector } from '../src/auth/connectors';
import { watchEvmWallets } from '../src/auth/evm-wallets';

function announce(rdns: string, request: (args: { method: string; params?: unknown[] }) => Promise<unknown>) {
  window.dispatchEvent(
    new CustomEvent('eip6963:announceProvider', {
      detail: { info: { uuid: rdns, name: `Wallet ${rdns}`, icon: '', rdns }, provider: { request } },
    }),
  );
}

afterEach(() => vi.useRealTimers());

describe('EIP-6963 discovery', () => {
  it('reports wallets as they announce, late ones included, and signs with personal_sign over the hex text', async () => {
    let latest: WalletConnector[] = [];
    const stop = watchEvmWallets((wallets) => {
      latest = wallets;
    });
    const calls: Array<{ method: string; params?: unknown[] }> = [];
    announce('io.example.late', async (args) => {
      calls.push(args);
      if (args.method === 'eth_requestAccounts') return ['0x00000000000000000000000000000000000000aa'];
      if (args.method === 'eth_chainId') return '0x138de';
      return '0xsigned';
    });
    expect(latest.map((w) => w.name)).toEqual(['Wallet io.example.late']);
    const wallet = latest[0];
    expect(await wallet?.connect()).toEqual({
      address: '0x00000000000000000000000000000000000000aa',
      chainId: 80094,
    });
    expect(await wallet?.signMessage('hi', '0xaa')).toBe('0xsigned');
    expect(calls.at(-1)).toEqual({ method: 'personal_sign', params: ['0x6869', '0xaa'] });
    stop();
    announce('io.example.after-stop', async () => null);
    expect(latest).toHaveLength(1);
  });

  it('falls back to the injected provider only when nothing announces', () => {
    vi.useFakeTimers();
    const injected = { request: async () => null };
    Object.assign(window, { ethereum: injected });
    let latest: WalletConnector[] = [];
    const stop = watchEvmWallets((wallets) => {
      latest = wallets;
    }, 300);
    vi.advanceTimersByTime(300);
    expect(latest.map((w) => w.id)).toEqual(['injected']);
    stop();
    Reflect.deleteProperty(window, 'ethereum');
  });
});
