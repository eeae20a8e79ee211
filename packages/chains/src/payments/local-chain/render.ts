import { unitsToDecimal } from '@puffy/contracts';
import bs58 from 'bs58';
import {
  decodeMemo,
  decodeSystemTransfer,
  type ResolvedInstruction,
  readU64,
  TOKEN_MINT_TO_CHECKED_TAG,
  TOKEN_TRANSFER_CHECKED_TAG,
  TOKEN_TRANSFER_TAG,
} from '../instructions';
import { ASSOCIATED_TOKEN_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../programs';
import type { StoredTransaction, TokenBalanceRecord } from './ledger';

/**
 * Renders a landed transaction as agave's RPC does (solana-transaction-status): `json` keeps compiled
 * instructions and lists lookup-table keys in meta.loadedAddresses; `jsonParsed` resolves every account,
 * parses the programs it knows and leaves loadedAddresses out; binary encodings carry the wire bytes.
 */
export type TransactionEncoding = 'json' | 'jsonParsed' | 'base64' | 'base58';

export const tokenAmount = (amount: bigint, decimals: number) => {
  const uiAmountString = unitsToDecimal(amount, decimals);
  return { amount: amount.toString(), decimals, uiAmount: Number(uiAmountString), uiAmountString };
};

const tokenBalance = (balance: TokenBalanceRecord) => ({
  accountIndex: balance.accountIndex,
  mint: balance.mint,
  owner: balance.owner,
  programId: TOKEN_PROGRAM_ID,
  uiTokenAmount: tokenAmount(balance.amount, balance.decimals),
});

/** The token program's parser names the authority `multisigAuthority` when more accounts follow it. */
function signers(accounts: readonly string[], authorityIndex: number, field: string) {
  const authority = accounts[authorityIndex];
  if (accounts.length > authorityIndex + 1) {
    return {
      [`multisig${field[0]?.toUpperCase()}${field.slice(1)}`]: authority,
      signers: accounts.slice(authorityIndex + 1),
    };
  }
  return { [field]: authority };
}

function parseToken(ix: ResolvedInstruction, decimalsOf: (mint: string) => number): unknown {
  const [a = '', b = '', c = '', d] = ix.accounts;
  const { data } = ix;
  if (data[0] === TOKEN_TRANSFER_TAG && data.length >= 9 && ix.accounts.length >= 3) {
    const amount = readU64(data, 1).toString();
    return {
      type: 'transfer',
      info: { source: a, destination: b, amount, ...signers(ix.accounts, 2, 'authority') },
    };
  }
  if (data[0] === TOKEN_TRANSFER_CHECKED_TAG && data.length >= 10 && d) {
    const info = { source: a, mint: b, destination: c, ...signers(ix.accounts, 3, 'authority') };
    return {
      type: 'transferChecked',
      info: { ...info, tokenAmount: tokenAmount(readU64(data, 1), data[9] ?? 0) },
    };
  }
  if (data[0] === TOKEN_MINT_TO_CHECKED_TAG && data.length >= 10 && ix.accounts.length >= 3) {
    const info = { mint: a, account: b, ...signers(ix.accounts, 2, 'mintAuthority') };
    return {
      type: 'mintToChecked',
      info: { ...info, tokenAmount: tokenAmount(readU64(data, 1), decimalsOf(a)) },
    };
  }
  return null;
}

function parseAssociatedToken(ix: ResolvedInstruction): unknown {
  const [source, account, wallet, mint, systemProgram, tokenProgram] = ix.accounts;
  const type =
    ix.data.length === 0 || ix.data[0] === 0 ? 'create' : ix.data[0] === 1 ? 'createIdempotent' : null;
  if (!type || !tokenProgram) return null;
  return { type, info: { source, account, wallet, mint, systemProgram, tokenProgram } };
}

function parsedInstruction(ix: ResolvedInstruction, decimalsOf: (mint: string) => number) {
  const base = { programId: ix.programId, stackHeight: null };
  const transfer = decodeSystemTransfer(ix);
  if (transfer) {
    const info = { ...transfer.info, lamports: Number(transfer.info.lamports) };
    return { parsed: { type: transfer.type, info }, program: 'system', ...base };
  }
  const memo = decodeMemo(ix);
  if (memo !== null) return { parsed: memo, program: 'spl-memo', ...base };
  const token = ix.programId === TOKEN_PROGRAM_ID ? parseToken(ix, decimalsOf) : null;
  if (token) return { parsed: token, program: 'spl-token', ...base };
  const ata = ix.programId === ASSOCIATED_TOKEN_PROGRAM_ID ? parseAssociatedToken(ix) : null;
  if (ata) return { parsed: ata, program: 'spl-associated-token-account', ...base };
  return { accounts: ix.accounts, data: bs58.encode(ix.data), ...base };
}

function resolvedInstructions(stored: StoredTransaction): ResolvedInstruction[] {
  return stored.transaction.message.compiledInstructions.map((ix) => ({
    programId: stored.keys[ix.programIdIndex] ?? '',
    accounts: ix.accountKeyIndexes.map((i) => stored.keys[i] ?? ''),
    data: ix.data,
  }));
}

function lookups(stored: StoredTransaction) {
  return stored.transaction.message.addressTableLookups.map((lookup) => ({
    accountKey: lookup.accountKey.toBase58(),
    writableIndexes: lookup.writableIndexes,
    readonlyIndexes: lookup.readonlyIndexes,
  }));
}

function meta(stored: StoredTransaction, parsed: boolean) {
  return {
    err: stored.err,
    status: stored.err === null ? { Ok: null } : { Err: stored.err },
    fee: Number(stored.fee),
    preBalances: stored.preBalances.map(Number),
    postBalances: stored.postBalances.map(Number),
    innerInstructions: [],
    logMessages: stored.logMessages,
    preTokenBalances: stored.preTokenBalances.map(tokenBalance),
    postTokenBalances: stored.postTokenBalances.map(tokenBalance),
    rewards: [],
    ...(parsed ? {} : { loadedAddresses: stored.loaded }),
    computeUnitsConsumed: 150 * stored.transaction.message.compiledInstructions.length,
  };
}

function jsonMessage(stored: StoredTransaction) {
  const { message } = stored.transaction;
  return {
    accountKeys: message.staticAccountKeys.map((key) => key.toBase58()),
    header: message.header,
    recentBlockhash: message.recentBlockhash,
    instructions: message.compiledInstructions.map((ix) => ({
      programIdIndex: ix.programIdIndex,
      accounts: ix.accountKeyIndexes,
      data: bs58.encode(ix.data),
      stackHeight: null,
    })),
    ...(message.version === 0 ? { addressTableLookups: lookups(stored) } : {}),
  };
}

function parsedMessage(stored: StoredTransaction, decimalsOf: (mint: string) => number) {
  const { message } = stored.transaction;
  const staticCount = message.staticAccountKeys.length;
  return {
    accountKeys: stored.keys.map((pubkey, index) => ({
      pubkey,
      signer: message.isAccountSigner(index),
      source: index < staticCount ? 'transaction' : 'lookupTable',
      writable: message.isAccountWritable(index),
    })),
    recentBlockhash: message.recentBlockhash,
    instructions: resolvedInstructions(stored).map((ix) => parsedInstruction(ix, decimalsOf)),
    ...(message.version === 0 ? { addressTableLookups: lookups(stored) } : {}),
  };
}

export function renderTransaction(
  stored: StoredTransaction,
  encoding: TransactionEncoding,
  withVersion: boolean,
  decimalsOf: (mint: string) => number,
) {
  const signatures = stored.transaction.signatures.map((signature) => bs58.encode(signature));
  const transaction =
    encoding === 'json'
      ? { signatures, message: jsonMessage(stored) }
      : encoding === 'jsonParsed'
        ? { signatures, message: parsedMessage(stored, decimalsOf) }
        : encoding === 'base64'
          ? [Buffer.from(stored.bytes).toString('base64'), 'base64']
          : [bs58.encode(stored.bytes), 'base58'];
  const version = stored.transaction.version;
  return {
    slot: stored.slot,
    blockTime: stored.blockTime,
    meta: meta(stored, encoding === 'jsonParsed'),
    transaction,
    ...(withVersion ? { version } : {}),
  };
}

/** The RPC's `memo` field of getSignaturesForAddress: each memo as `[<byte length>] <text>`, joined by `; `. */
export function renderMemos(stored: StoredTransaction): string | null {
  const memos = resolvedInstructions(stored)
    .map(decodeMemo)
    .filter((memo): memo is string => memo !== null)
    .map((memo) => `[${Buffer.byteLength(memo)}] ${memo}`);
  return memos.length > 0 ? memos.join('; ') : null;
}
