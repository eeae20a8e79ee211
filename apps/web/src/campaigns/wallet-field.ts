import {
  type TEligibilityWallet,
  type TWalletChain,
  ZEvmAddress,
  ZSolanaAddress,
  ZTonAddress,
} from '@puffy/contracts';

// The shared sign-in address schemas, so the form refuses exactly what the server would.
const ADDRESS_SCHEMA = { sol: ZSolanaAddress, evm: ZEvmAddress, ton: ZTonAddress } as const;

/** `message` is the schema's sentence; null when the field is empty or the schema gave none (the form words it). */
export type WalletFieldResult =
  | { ok: true; wallet: TEligibilityWallet }
  | { ok: false; message: string | null };

/** Reads the checker's wallet field: the address for the chosen family, or why it is not one. */
export function readWalletField(chain: TWalletChain, raw: string): WalletFieldResult {
  const address = raw.trim();
  if (address === '') return { ok: false, message: null };
  const parsed = ADDRESS_SCHEMA[chain].safeParse(address);
  if (parsed.success) return { ok: true, wallet: { chain, address: parsed.data } };
  return { ok: false, message: parsed.error.issues[0]?.message ?? null };
}
