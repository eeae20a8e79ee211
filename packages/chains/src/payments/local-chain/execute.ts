import {
  readU64,
  systemInstructionTag,
  TOKEN_MINT_TO_CHECKED_TAG,
  TOKEN_TRANSFER_CHECKED_TAG,
  TOKEN_TRANSFER_TAG,
} from '../instructions';
import {
  ASSOCIATED_TOKEN_PROGRAM_ID,
  associatedTokenAddress,
  COMPUTE_BUDGET_PROGRAM_ID,
  MEMO_PROGRAM_ID,
  MEMO_V1_PROGRAM_ID,
  SYSTEM_PROGRAM_ID,
  TOKEN_PROGRAM_ID,
} from '../programs';
import { MPL_CORE_PROGRAM_ID, mplCore } from './mpl-core';
import {
  type AccountState,
  type Accounts,
  cloneAccount,
  emptyAccount,
  TOKEN_ACCOUNT_RENT,
  tokenAccount,
} from './state';

/** The runtime's InstructionError payload: a variant name, or `{ Custom: n }` for a program's own error. */
export type InstructionError = string | { Custom: number };

/** One transaction's view while it runs: its keys and their privileges, and a working copy of accounts. */
export interface ExecutionFrame {
  keys: readonly string[];
  isSigner(index: number): boolean;
  isWritable(index: number): boolean;
  accounts: Accounts;
  logs: string[];
}

export interface CompiledInstruction {
  programIdIndex: number;
  accountKeyIndexes: readonly number[];
  data: Uint8Array;
}

type Handler = (frame: ExecutionFrame, ix: CompiledInstruction) => InstructionError | null;

const custom = (code: number): InstructionError => ({ Custom: code });
/** SystemError::ResultWithNegativeLamports and TokenError::InsufficientFunds share code 1. */
const INSUFFICIENT_FUNDS = custom(1);
const TOKEN_MINT_MISMATCH = custom(3);
const TOKEN_OWNER_MISMATCH = custom(4);
const TOKEN_DECIMALS_MISMATCH = custom(18);
const ACCOUNT_ALREADY_IN_USE = custom(0);

const read = (frame: ExecutionFrame, address: string): AccountState => {
  const account = frame.accounts.get(address);
  return account ? cloneAccount(account) : emptyAccount();
};

function transferLamports(frame: ExecutionFrame, ix: CompiledInstruction): InstructionError | null {
  const [fromIndex, toIndex] = ix.accountKeyIndexes;
  const from = fromIndex === undefined ? undefined : frame.keys[fromIndex];
  const to = toIndex === undefined ? undefined : frame.keys[toIndex];
  if (fromIndex === undefined || toIndex === undefined || !from || !to) return 'NotEnoughAccountKeys';
  if (ix.data.length < 12) return 'InvalidInstructionData';
  if (!frame.isSigner(fromIndex)) return 'MissingRequiredSignature';
  if (!frame.isWritable(fromIndex) || !frame.isWritable(toIndex)) return 'ReadonlyLamportChange';
  const lamports = readU64(ix.data, 4);
  const source = read(frame, from);
  if (source.owner !== SYSTEM_PROGRAM_ID || source.token || source.mint) {
    frame.logs.push('Transfer: `from` must not carry data');
    return 'InvalidArgument';
  }
  if (source.lamports < lamports) {
    frame.logs.push(`Transfer: insufficient lamports ${source.lamports}, need ${lamports}`);
    return INSUFFICIENT_FUNDS;
  }
  source.lamports -= lamports;
  frame.accounts.set(from, source);
  const destination = read(frame, to);
  destination.lamports += lamports;
  frame.accounts.set(to, destination);
  return null;
}

const system: Handler = (frame, ix) =>
  systemInstructionTag(ix.data) === 2 ? transferLamports(frame, ix) : 'InvalidInstructionData';

interface TokenMove {
  sourceIndex: number;
  destinationIndex: number;
  authorityIndex: number;
  mintAddress: string | null;
  amount: bigint;
  decimals: number | null;
}

function moveTokens(frame: ExecutionFrame, move: TokenMove): InstructionError | null {
  const sourceAddress = frame.keys[move.sourceIndex];
  const destinationAddress = frame.keys[move.destinationIndex];
  const authority = frame.keys[move.authorityIndex];
  if (!sourceAddress || !destinationAddress || !authority) return 'NotEnoughAccountKeys';
  const source = read(frame, sourceAddress);
  const destination = read(frame, destinationAddress);
  if (!source.token || !destination.token) return 'InvalidAccountData';
  if (!frame.isWritable(move.sourceIndex) || !frame.isWritable(move.destinationIndex))
    return 'ReadonlyDataModified';
  if (source.token.mint !== destination.token.mint) return TOKEN_MINT_MISMATCH;
  if (move.mintAddress !== null) {
    if (move.mintAddress !== source.token.mint) return TOKEN_MINT_MISMATCH;
    if (frame.accounts.get(move.mintAddress)?.mint?.decimals !== move.decimals)
      return TOKEN_DECIMALS_MISMATCH;
  }
  if (source.token.owner !== authority) return TOKEN_OWNER_MISMATCH;
  if (!frame.isSigner(move.authorityIndex)) return 'MissingRequiredSignature';
  if (source.token.amount < move.amount) {
    frame.logs.push('Program log: Error: insufficient funds');
    return INSUFFICIENT_FUNDS;
  }
  source.token.amount -= move.amount;
  frame.accounts.set(sourceAddress, source);
  // Re-read: a transfer to itself must see the debit it just made.
  const credited = read(frame, destinationAddress);
  if (credited.token) credited.token.amount += move.amount;
  frame.accounts.set(destinationAddress, credited);
  return null;
}

function mintTokens(frame: ExecutionFrame, ix: CompiledInstruction): InstructionError | null {
  const [mintIndex, destinationIndex, authorityIndex] = ix.accountKeyIndexes;
  if (mintIndex === undefined || destinationIndex === undefined || authorityIndex === undefined) {
    return 'NotEnoughAccountKeys';
  }
  const mintAddress = frame.keys[mintIndex] ?? '';
  const destinationAddress = frame.keys[destinationIndex] ?? '';
  const mint = read(frame, mintAddress);
  const destination = read(frame, destinationAddress);
  if (!mint.mint || !destination.token) return 'InvalidAccountData';
  if (destination.token.mint !== mintAddress) return TOKEN_MINT_MISMATCH;
  if (ix.data[9] !== mint.mint.decimals) return TOKEN_DECIMALS_MISMATCH;
  if (frame.keys[authorityIndex] !== mint.mint.mintAuthority) return TOKEN_OWNER_MISMATCH;
  if (!frame.isSigner(authorityIndex)) return 'MissingRequiredSignature';
  const amount = readU64(ix.data, 1);
  mint.mint.supply += amount;
  destination.token.amount += amount;
  frame.accounts.set(mintAddress, mint);
  frame.accounts.set(destinationAddress, destination);
  return null;
}

const token: Handler = (frame, ix) => {
  const [a, b, c, d] = ix.accountKeyIndexes;
  const tag = ix.data[0];
  if (tag === TOKEN_TRANSFER_TAG && ix.data.length >= 9) {
    frame.logs.push('Program log: Instruction: Transfer');
    if (a === undefined || b === undefined || c === undefined) return 'NotEnoughAccountKeys';
    const amount = readU64(ix.data, 1);
    return moveTokens(frame, {
      sourceIndex: a,
      destinationIndex: b,
      authorityIndex: c,
      mintAddress: null,
      amount,
      decimals: null,
    });
  }
  if (tag === TOKEN_TRANSFER_CHECKED_TAG && ix.data.length >= 10) {
    frame.logs.push('Program log: Instruction: TransferChecked');
    if (a === undefined || b === undefined || c === undefined || d === undefined)
      return 'NotEnoughAccountKeys';
    const amount = readU64(ix.data, 1);
    const mintAddress = frame.keys[b] ?? '';
    const decimals = ix.data[9] ?? 0;
    return moveTokens(frame, {
      sourceIndex: a,
      destinationIndex: c,
      authorityIndex: d,
      mintAddress,
      amount,
      decimals,
    });
  }
  if (tag === TOKEN_MINT_TO_CHECKED_TAG && ix.data.length >= 10) {
    frame.logs.push('Program log: Instruction: MintToChecked');
    return mintTokens(frame, ix);
  }
  return 'InvalidInstructionData';
};

/** `Create` (no data or 0) and `CreateIdempotent` (1) of the associated token account program. */
const associatedToken: Handler = (frame, ix) => {
  const [funderIndex, ataIndex, walletIndex, mintIndex] = ix.accountKeyIndexes;
  if (
    funderIndex === undefined ||
    ataIndex === undefined ||
    walletIndex === undefined ||
    mintIndex === undefined
  ) {
    return 'NotEnoughAccountKeys';
  }
  const idempotent = ix.data[0] === 1;
  if (ix.data.length > 1 || (ix.data.length === 1 && ix.data[0] !== 0 && !idempotent))
    return 'InvalidInstructionData';
  const [funder, ata, wallet, mint] = [funderIndex, ataIndex, walletIndex, mintIndex].map(
    (i) => frame.keys[i] ?? '',
  );
  if (!funder || !ata || !wallet || !mint) return 'NotEnoughAccountKeys';
  if (!frame.accounts.get(mint)?.mint) return 'InvalidAccountData';
  if (associatedTokenAddress(wallet, mint) !== ata) return 'InvalidSeeds';
  const existing = frame.accounts.get(ata);
  if (existing?.token) {
    if (!idempotent) return ACCOUNT_ALREADY_IN_USE;
    return existing.token.owner === wallet && existing.token.mint === mint ? null : 'IllegalOwner';
  }
  if (!frame.isSigner(funderIndex)) return 'MissingRequiredSignature';
  const payer = read(frame, funder);
  if (payer.lamports < TOKEN_ACCOUNT_RENT) return INSUFFICIENT_FUNDS;
  payer.lamports -= TOKEN_ACCOUNT_RENT;
  frame.accounts.set(funder, payer);
  frame.accounts.set(ata, tokenAccount(mint, wallet));
  return null;
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

const memo =
  (requireSigners: boolean): Handler =>
  (frame, ix) => {
    let text: string;
    try {
      text = utf8.decode(ix.data);
    } catch {
      frame.logs.push('Program log: Invalid UTF-8');
      return 'InvalidInstructionData';
    }
    if (requireSigners && ix.accountKeyIndexes.some((index) => !frame.isSigner(index))) {
      return 'MissingRequiredSignature';
    }
    frame.logs.push(`Program log: Memo (len ${ix.data.length}): ${JSON.stringify(text)}`);
    return null;
  };

const handlers: Record<string, Handler> = {
  [SYSTEM_PROGRAM_ID]: system,
  [TOKEN_PROGRAM_ID]: token,
  [ASSOCIATED_TOKEN_PROGRAM_ID]: associatedToken,
  [MEMO_PROGRAM_ID]: memo(true),
  [MEMO_V1_PROGRAM_ID]: memo(false),
  [COMPUTE_BUDGET_PROGRAM_ID]: () => null,
  [MPL_CORE_PROGRAM_ID]: mplCore,
};

export const describeInstructionError = (error: InstructionError): string =>
  typeof error === 'string' ? error : `custom program error: 0x${error.Custom.toString(16)}`;

/** Runs one top-level instruction against the frame's working accounts, logging as a validator would. */
export function executeInstruction(frame: ExecutionFrame, ix: CompiledInstruction): InstructionError | null {
  const programId = frame.keys[ix.programIdIndex] ?? '';
  const handler = handlers[programId];
  frame.logs.push(`Program ${programId} invoke [1]`);
  if (!handler) {
    frame.logs.push(`Program ${programId} failed: unsupported program id`);
    return 'UnsupportedProgramId';
  }
  const error = handler(frame, ix);
  if (error === null) {
    frame.logs.push(`Program ${programId} success`);
  } else {
    frame.logs.push(`Program ${programId} failed: ${describeInstructionError(error)}`);
  }
  return error;
}
