import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';

const STORAGE_KEY = 'puffy.devWallet.evm';
const RDNS = 'center.puffy.devwallet';

type Hex = `0x${string}`;

/**
 * A development EVM wallet: a local secp256k1 key behind an EIP-1193 provider, announced through
 * EIP-6963 exactly as an extension announces itself, so sign-in runs the same discovery and
 * personal_sign path a real wallet takes. Only announced when the server is not production.
 */
export function announceDevEvmWallet(
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
): () => void {
  const saved = storage.getItem(STORAGE_KEY) as Hex | null;
  const privateKey = saved ?? generatePrivateKey();
  if (!saved) storage.setItem(STORAGE_KEY, privateKey);
  const account = privateKeyToAccount(privateKey);
  const provider = {
    async request({ method, params }: { method: string; params?: unknown[] }): Promise<unknown> {
      if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [account.address];
      if (method === 'eth_chainId') return '0x1';
      if (method === 'personal_sign') {
        const [message] = (params ?? []) as [Hex];
        return account.signMessage({ message: { raw: message } });
      }
      throw Object.assign(new Error(`The development wallet does not support ${method}`), { code: 4200 });
    },
  };
  const info = {
    uuid: crypto.randomUUID(),
    name: 'Development wallet (EVM)',
    icon: '/favicon.svg',
    rdns: RDNS,
  };
  const announce = () =>
    window.dispatchEvent(
      new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }),
    );
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
  return () => window.removeEventListener('eip6963:requestProvider', announce);
}
