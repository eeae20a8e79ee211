import bs58 from 'bs58';
import type { ResolvedInstruction } from './instructions';
import type { TCommitment, TJsonTransaction, TTokenBalance, TTransactionError } from './wire';

export interface AccountKey {
  address: string;
  signer: boolean;
  writable: boolean;
}

export interface TokenBalance {
  accountIndex: number;
  mint: string;
  owner: string | null;
  amount: bigint;
  decimals: number;
}

/**
 * A confirmed transaction as the payment checks read it: every account key (static, then those loaded
 * from lookup tables, writable before read-only, which is how the runtime indexes them), the top-level
 * instructions with their accounts resolved, balances as bigints, and how final it is.
 */
export interface PaymentTransaction {
  signature: string;
  slot: number;
  blockTime: Date | null;
  version: 'legacy' | 0;
  /** null when it succeeded; `'MissingMeta'` when the RPC returned no execution status at all. */
  err: TTransactionError;
  accountKeys: AccountKey[];
  instructions: ResolvedInstruction[];
  preBalances: bigint[];
  postBalances: bigint[];
  preTokenBalances: TokenBalance[];
  postTokenBalances: TokenBalance[];
  confirmationStatus: TCommitment;
}

export const COMMITMENT_RANK: Record<TCommitment, number> = { processed: 0, confirmed: 1, finalized: 2 };

const toTokenBalance = (balance: TTokenBalance): TokenBalance => ({
  accountIndex: balance.accountIndex,
  mint: balance.mint,
  owner: balance.owner ?? null,
  amount: BigInt(balance.uiTokenAmount.amount),
  decimals: balance.uiTokenAmount.decimals,
});

function accountKeysOf(wire: TJsonTransaction): AccountKey[] {
  const { accountKeys, header } = wire.transaction.message;
  const signed = header.numRequiredSignatures;
  const writableSigned = signed - header.numReadonlySignedAccounts;
  const writableUnsigned = accountKeys.length - header.numReadonlyUnsignedAccounts;
  const staticKeys = accountKeys.map((address, index) => ({
    address,
    signer: index < signed,
    writable: index < signed ? index < writableSigned : index < writableUnsigned,
  }));
  const loaded = wire.meta?.loadedAddresses ?? { writable: [], readonly: [] };
  return [
    ...staticKeys,
    ...loaded.writable.map((address) => ({ address, signer: false, writable: true })),
    ...loaded.readonly.map((address) => ({ address, signer: false, writable: false })),
  ];
}

/**
 * Reads a `getTransaction` result in the `json` encoding. That encoding keeps every instruction's
 * account list and data; `jsonParsed` drops the accounts of instructions it parses, and a Solana Pay
 * reference travels exactly there, as an extra account of the transfer. Returns null when an
 * instruction points outside the account list (a malformed answer, not a transaction to judge).
 */
export function toPaymentTransaction(
  wire: TJsonTransaction,
  confirmationStatus: TCommitment,
): PaymentTransaction | null {
  const accountKeys = accountKeysOf(wire);
  const addressAt = (index: number) => accountKeys[index]?.address;
  const instructions: ResolvedInstruction[] = [];
  for (const compiled of wire.transaction.message.instructions) {
    const programId = addressAt(compiled.programIdIndex);
    const accounts = compiled.accounts.map(addressAt);
    const data = bs58.decodeUnsafe(compiled.data);
    if (!programId || !data || accounts.some((account) => account === undefined)) return null;
    instructions.push({ programId, accounts: accounts.filter((a) => a !== undefined), data });
  }
  const signature = wire.transaction.signatures[0];
  if (!signature) return null;
  const meta = wire.meta;
  return {
    signature,
    slot: wire.slot,
    blockTime: typeof wire.blockTime === 'number' ? new Date(wire.blockTime * 1000) : null,
    version: wire.version ?? 'legacy',
    err: meta ? meta.err : 'MissingMeta',
    accountKeys,
    instructions,
    preBalances: (meta?.preBalances ?? []).map(BigInt),
    postBalances: (meta?.postBalances ?? []).map(BigInt),
    preTokenBalances: (meta?.preTokenBalances ?? []).map(toTokenBalance),
    postTokenBalances: (meta?.postTokenBalances ?? []).map(toTokenBalance),
    confirmationStatus,
  };
}
