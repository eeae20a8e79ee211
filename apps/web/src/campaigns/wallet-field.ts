import {
  type TEligibilityWallet,
  type TWalletChain,
  ZEvmAddress,
  ZSolanaAddress,
  ZTonAddress,
} from '@puffy/contracts';
import { issueInWords } from '../lib/issue-words';

// The shared sign-in address schemas, so the form refuses exactly what the server would.
const ADDRESS_SCHEMA = { sol: ZSolanaAddress, evm: ZEvmAddress, ton: ZTonAddress } as const;

/** `message` is the schema's sentence in words for people; null when the field is empty or there is nothing specific to say (the form words it). */
export type WalletFieldResult =
  | { ok: true; wallet: TEligibilityWallet }
  | { ok: false; message: string | null };

/** Reads the checker's wallet field: the address for the chosen family, or why it is not one. */
export function readWalletField(chain: TWalletChain, raw: string): WalletFieldResult {
  const address = raw.trim();
  if (address === '') return { ok: false, message: null };
  const parsed = ADDRESS_SCHEMA[chain].safeParse(address);
  if (parsed.success) return { ok: true, wallet: { chain, address: parsed.data } };
  // Empty words (nothing more specific than "check this") leave the wording to the form.
  return { ok: false, message: issueInWords(parsed.error.issues[0], '') || null };
}
