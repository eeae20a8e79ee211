import { decodeSolanaAddress, normalizeEvmAddress, normalizeTonAddress } from '@puffy/chains';
import { ZWalletChain } from '@puffy/contracts';
import type { WalletIdentity } from '../auth/users';

/**
 * A wallet written as `chain:address` (ADMIN_WALLETS, `pnpm admin:grant`), in the canonical form
 * sign-in stores: base58 (sol), checksummed (evm), bounceable friendly with its raw form (ton). An
 * operator may type any form a wallet shows; null when it is not a wallet of that chain.
 */
export function parseWalletSpec(spec: string): WalletIdentity | null {
  const at = spec.indexOf(':');
  const chain = ZWalletChain.safeParse(spec.slice(0, at));
  const address = spec.slice(at + 1).trim();
  if (at < 0 || !chain.success || !address) return null;
  if (chain.data === 'sol')
    return decodeSolanaAddress(address) ? { chain: 'sol', address, addressHex: null } : null;
  if (chain.data === 'evm') {
    const evm = normalizeEvmAddress(address);
    return evm ? { chain: 'evm', address: evm, addressHex: null } : null;
  }
  const ton = normalizeTonAddress(address);
  return ton ? { chain: 'ton', address: ton.friendly, addressHex: ton.raw } : null;
}

/** Whether a signed-in wallet is one of the configured admin wallets, whatever form they were written in. */
export function isConfiguredAdmin(adminWallets: readonly string[], wallet: WalletIdentity): boolean {
  return adminWallets.some((spec) => {
    const parsed = parseWalletSpec(spec);
    return parsed !== null && parsed.chain === wallet.chain && parsed.address === wallet.address;
  });
}
