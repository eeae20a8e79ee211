import bs58 from 'bs58';

const SYSTEM_PROGRAM_ID = '11111111111111111111111111111111';
/** Memo v2, the program Solana Pay and wallets write memos with. */
const MEMO_PROGRAM_ID = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';
const SYSTEM_TRANSFER = 2;
const MAX_U64 = (1n << 64n) - 1n;

export interface GasPayment {
  payer: string;
  treasury: string;
  reference: string;
  memo: string;
  lamports: bigint;
  recentBlockhash: string;
}

function key(address: string, what: string): Uint8Array {
  const bytes = bs58.decodeUnsafe(address) ?? new Uint8Array(0);
  if (bytes.length !== 32) throw new Error(`The ${what} is not a Solana address.`);
  return bytes;
}

/** Solana's compact-u16 ("shortvec") length prefix. */
function shortVec(length: number): number[] {
  const out: number[] = [];
  let rest = length;
  for (;;) {
    const low = rest & 0x7f;
    rest >>= 7;
    if (rest === 0) {
      out.push(low);
      return out;
    }
    out.push(low | 0x80);
  }
}

function u64le(value: bigint): number[] {
  const out: number[] = [];
  let rest = value;
  for (let i = 0; i < 8; i += 1) {
    out.push(Number(rest & 0xffn));
    rest >>= 8n;
  }
  return out;
}

function concat(parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * The legacy message of the gas payment in Solana Pay's layout: the memo instruction, then a
 * SystemProgram transfer whose third account is the claim's reference (read-only, not a signer).
 * Written by hand so the SPA does not ship web3.js; the accounts are in the order the runtime demands
 * (writable signer, writable, read-only), which the header counts describe.
 */
export function gasPaymentMessage(payment: GasPayment): Uint8Array {
  if (payment.lamports <= 0n || payment.lamports > MAX_U64) throw new Error('The fee is not a valid amount.');
  const accounts = [
    key(payment.payer, 'wallet'),
    key(payment.treasury, 'treasury'),
    key(payment.reference, 'reference'),
    key(MEMO_PROGRAM_ID, 'memo program'),
    key(SYSTEM_PROGRAM_ID, 'system program'),
  ];
  const distinct = new Set(accounts.map((account) => bs58.encode(account)));
  if (distinct.size !== accounts.length) throw new Error('The payment names the same account twice.');
  const memo = new TextEncoder().encode(payment.memo);
  const transferData = [SYSTEM_TRANSFER, 0, 0, 0, ...u64le(payment.lamports)];
  return concat([
    [1, 0, 3],
    shortVec(accounts.length),
    ...accounts,
    key(payment.recentBlockhash, 'blockhash'),
    shortVec(2),
    [3, ...shortVec(0), ...shortVec(memo.length)],
    memo,
    [4, ...shortVec(3), 0, 1, 2, ...shortVec(transferData.length), ...transferData],
  ]);
}
