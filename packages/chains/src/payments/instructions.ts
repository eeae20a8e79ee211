import { MEMO_PROGRAM_IDS, SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID } from './programs';

/** An instruction with its program and accounts resolved to addresses, and its data as bytes. */
export interface ResolvedInstruction {
  programId: string;
  accounts: readonly string[];
  data: Uint8Array;
}

/** A SystemProgram transfer, in the words of the RPC's jsonParsed rendering. */
export interface SystemTransfer {
  type: 'transfer';
  info: { source: string; destination: string; lamports: bigint };
}

export type TokenTransfer =
  | {
      type: 'transfer';
      info: { source: string; destination: string; authority: string; amount: bigint };
    }
  | {
      type: 'transferChecked';
      info: {
        source: string;
        mint: string;
        destination: string;
        authority: string;
        amount: bigint;
        decimals: number;
      };
    };

const SYSTEM_TRANSFER_TAG = 2;
export const TOKEN_TRANSFER_TAG = 3;
export const TOKEN_MINT_TO_CHECKED_TAG = 14;
export const TOKEN_TRANSFER_CHECKED_TAG = 12;

const view = (data: Uint8Array) => new DataView(data.buffer, data.byteOffset, data.byteLength);

export const readU64 = (data: Uint8Array, offset: number): bigint => view(data).getBigUint64(offset, true);

/** The system program's instruction index (a little-endian u32), or null when the data is too short. */
export function systemInstructionTag(data: Uint8Array): number | null {
  return data.length < 4 ? null : view(data).getUint32(0, true);
}

/**
 * Reads a SystemProgram transfer the way the runtime does: a u32 index 2 then a u64 of lamports; the
 * runtime tolerates trailing bytes, so this does too. Any other system instruction is not a transfer.
 */
export function decodeSystemTransfer(instruction: ResolvedInstruction): SystemTransfer | null {
  const { programId, accounts, data } = instruction;
  if (programId !== SYSTEM_PROGRAM_ID || data.length < 12) return null;
  if (systemInstructionTag(data) !== SYSTEM_TRANSFER_TAG) return null;
  const [source, destination] = accounts;
  if (!source || !destination) return null;
  return { type: 'transfer', info: { source, destination, lamports: readU64(data, 4) } };
}

/**
 * SPL Token `Transfer` (tag 3: accounts source, destination, authority) and `TransferChecked` (tag 12:
 * source, mint, destination, authority). Accounts after these are multisig signers or, in Solana Pay,
 * reference keys.
 */
export function decodeTokenTransfer(instruction: ResolvedInstruction): TokenTransfer | null {
  const { programId, accounts, data } = instruction;
  if (programId !== TOKEN_PROGRAM_ID) return null;
  if (data[0] === TOKEN_TRANSFER_TAG && data.length >= 9) {
    const [source, destination, authority] = accounts;
    if (!source || !destination || !authority) return null;
    return { type: 'transfer', info: { source, destination, authority, amount: readU64(data, 1) } };
  }
  if (data[0] === TOKEN_TRANSFER_CHECKED_TAG && data.length >= 10) {
    const [source, mint, destination, authority] = accounts;
    if (!source || !mint || !destination || !authority) return null;
    const decimals = data[9] ?? 0;
    return {
      type: 'transferChecked',
      info: { source, mint, destination, authority, amount: readU64(data, 1), decimals },
    };
  }
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a Memo (v1 or v2) instruction; null for other programs and for bytes that are not UTF-8. */
export function decodeMemo(instruction: ResolvedInstruction): string | null {
  if (!MEMO_PROGRAM_IDS.has(instruction.programId)) return null;
  try {
    return utf8.decode(instruction.data);
  } catch {
    // The memo program itself refuses invalid UTF-8, so such an instruction carries no memo.
    return null;
  }
}
