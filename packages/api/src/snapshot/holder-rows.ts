import { createReadStream } from 'node:fs';
import { networkVm, type TNetwork } from '@puffy/contracts';
import { createKeccak, type IHasher } from 'hash-wasm';
import { canonicalAddress, walletChainOf } from '../eligibility/wallets';

/** Text chunks in order (lines are split here), or a file to stream. */
export type SnapshotSource =
  | AsyncIterable<string | Uint8Array>
  | Iterable<string | Uint8Array>
  | { path: string };

export interface SourceLine {
  /** 1-based, counting every line of the file (header and blank lines included). */
  line: number;
  text: string;
}

/** Lines of a source, streamed: a 500,000-row file is never held in memory at once. */
export async function* linesOf(source: SnapshotSource): AsyncGenerator<SourceLine> {
  const chunks = typeof source === 'object' && 'path' in source ? createReadStream(source.path) : source;
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let line = 0;
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    // A cursor over the chunk, cut once at the end: re-slicing after every line is quadratic in the chunk.
    let from = 0;
    let at = pending.indexOf('\n');
    while (at >= 0) {
      line += 1;
      yield { line, text: pending.slice(from, at).replace(/\r$/, '') };
      from = at + 1;
      at = pending.indexOf('\n', from);
    }
    pending = pending.slice(from);
  }
  pending += decoder.decode();
  if (pending.length > 0) yield { line: line + 1, text: pending.replace(/\r$/, '') };
}

export type ParsedRow =
  | { kind: 'holder'; address: string; amount: string | null }
  | { kind: 'skip' }
  | { kind: 'error'; reason: string };

const AMOUNT = /^\d{1,78}(\.\d{1,36})?$/;
const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * Keccak in WebAssembly: EIP-55 checksumming in JavaScript (viem, noble) costs 40-70 µs an address
 * here, most of a 500,000-row EVM import; this costs a few. Loaded once by `prepareHolderRows`.
 */
let keccak: IHasher | null = null;

/** Makes `parseHolderRow` use the fast EVM checksum; parsing works without it, only slower. */
export async function prepareHolderRows(): Promise<void> {
  keccak ??= await createKeccak(256);
}

/** The same answer as `normalizeEvmAddress` (EIP-55; a mixed-case input must match its checksum). */
function checksumEvm(hasher: IHasher, value: string): string | null {
  if (!EVM_ADDRESS.test(value)) return null;
  const body = value.slice(2);
  const lower = body.toLowerCase();
  const hash = hasher.init().update(lower).digest('hex');
  const codes = new Array<number>(40);
  for (let i = 0; i < 40; i += 1) {
    const c = lower.charCodeAt(i);
    // A letter (a-f) is uppercased where the hash's hex digit at its position is 8 or more ('8'=56,
    // and every digit above it, 9 and a-f, has a higher code).
    codes[i] = c > 57 && hash.charCodeAt(i) >= 56 ? c - 32 : c;
  }
  const out = `0x${String.fromCharCode(...codes)}`;
  const uncased = body === lower || body === body.toUpperCase();
  return uncased || out.slice(2) === body ? out : null;
}

function canonicalHolder(network: TNetwork, wallet: string): string | null {
  const chain = walletChainOf[network];
  return chain === 'evm' && keccak ? checksumEvm(keccak, wallet.trim()) : canonicalAddress(chain, wallet);
}

const unquote = (field: string) =>
  field
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

/**
 * One `wallet,chain[,amount]` line for a snapshot of `network`. The chain may name the network, its
 * wallet family or its VM (an `eth` file may say `evm`), or be left empty. Blank lines and a header
 * (`wallet,…` or `address,…`) are skipped.
 */
export function parseHolderRow(text: string, network: TNetwork): ParsedRow {
  if (text.trim() === '') return { kind: 'skip' };
  const fields = text.split(',').map(unquote);
  const [wallet = '', chain = '', amount = ''] = fields;
  if (/^(wallet|address)$/i.test(wallet)) return { kind: 'skip' };
  if (fields.length > 3) return { kind: 'error', reason: 'expected wallet,chain[,amount]' };
  if (wallet === '') return { kind: 'error', reason: 'missing wallet address' };
  const spelled = chain.toLowerCase();
  if (
    spelled !== '' &&
    spelled !== network &&
    spelled !== walletChainOf[network] &&
    spelled !== networkVm[network]
  ) {
    return { kind: 'error', reason: `chain "${chain}" does not match this snapshot's network ${network}` };
  }
  const address = canonicalHolder(network, wallet);
  if (!address)
    return { kind: 'error', reason: `"${wallet.slice(0, 80)}" is not a valid ${network} address` };
  if (amount !== '' && !AMOUNT.test(amount)) {
    return { kind: 'error', reason: `amount "${amount.slice(0, 80)}" is not a non-negative number` };
  }
  return { kind: 'holder', address, amount: amount === '' ? null : amount };
}
