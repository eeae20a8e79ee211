import { lamportsToSol, unitsToDecimal } from '@puffy/contracts';
import {
  decodeSystemTransfer,
  decodeTokenTransfer,
  type ResolvedInstruction,
  type SystemTransfer,
  type TokenTransfer,
} from './instructions';
import { associatedTokenAddress } from './programs';
import { type PaymentRefused, refuse } from './result';
import type { PaymentTransaction } from './transaction';

/** The top-level transfer instructions that pay the treasury, and what certainly arrived. */
export interface MatchedTransfer {
  ok: true;
  instructions: ResolvedInstruction[];
  amount: bigint;
}

export type TransferMatch = MatchedTransfer | PaymentRefused;

interface Parties {
  payer: string;
  recipient: string;
  minAmount: bigint;
}

const sum = (values: bigint[]) => values.reduce((total, value) => total + value, 0n);
const smaller = (a: bigint, b: bigint) => (a < b ? a : b);
const sol = (lamports: bigint) => `${lamportsToSol(lamports)} SOL`;

function indexOf(tx: PaymentTransaction, address: string): number {
  return tx.accountKeys.findIndex((key) => key.address === address);
}

function lamportDelta(tx: PaymentTransaction, address: string): bigint {
  const index = indexOf(tx, address);
  if (index < 0) return 0n;
  return (tx.postBalances[index] ?? 0n) - (tx.preBalances[index] ?? 0n);
}

/**
 * A top-level SystemProgram transfer from the payer to the treasury of at least the fee, and the
 * treasury's balance risen by at least the fee (Solana Pay's own check): an instruction alone can
 * claim more than arrived when a later instruction in the same transaction takes lamports back.
 */
export function matchSolTransfer(tx: PaymentTransaction, expected: Parties): TransferMatch {
  const transfers = tx.instructions
    .map((instruction) => ({ instruction, transfer: decodeSystemTransfer(instruction) }))
    .filter((entry): entry is { instruction: ResolvedInstruction; transfer: SystemTransfer } =>
      Boolean(entry.transfer),
    );
  const fromPayer = transfers.filter(({ transfer }) => transfer.info.source === expected.payer);
  const paying = fromPayer.filter(({ transfer }) => transfer.info.destination === expected.recipient);
  if (paying.length === 0) {
    if (fromPayer.length > 0) {
      return refuse('wrong_recipient', 'This payment went to another address, not to the treasury.');
    }
    if (transfers.some(({ transfer }) => transfer.info.destination === expected.recipient)) {
      return refuse('wrong_payer', 'The SOL sent to the treasury came from another wallet than yours.');
    }
    return refuse('transfer_missing', 'This transaction carries no SOL transfer to the treasury.');
  }
  const instructed = sum(paying.map(({ transfer }) => transfer.info.lamports));
  if (instructed < expected.minAmount) {
    return refuse(
      'amount_too_small',
      `This payment sends ${sol(instructed)}; the fee is ${sol(expected.minAmount)}.`,
    );
  }
  const arrived = lamportDelta(tx, expected.recipient);
  if (arrived < expected.minAmount) {
    return refuse(
      'amount_too_small',
      `The treasury received only ${sol(arrived < 0n ? 0n : arrived)} of the ${sol(expected.minAmount)} fee.`,
    );
  }
  return {
    ok: true,
    instructions: paying.map(({ instruction }) => instruction),
    amount: smaller(instructed, arrived),
  };
}

interface TokenParties extends Parties {
  mint: string;
  decimals: number;
  symbol: string;
}

function tokenAccountMint(tx: PaymentTransaction, address: string): string | null {
  const index = indexOf(tx, address);
  const balance = [...tx.postTokenBalances, ...tx.preTokenBalances].find((b) => b.accountIndex === index);
  return balance?.mint ?? null;
}

function tokenDelta(
  tx: PaymentTransaction,
  account: string,
  mint: string,
): { delta: bigint; owner: string | null } {
  const index = indexOf(tx, account);
  const at = (balances: PaymentTransaction['postTokenBalances']) =>
    balances.find((b) => b.accountIndex === index && b.mint === mint);
  const post = at(tx.postTokenBalances);
  // A treasury token account created in the same transaction has no pre balance: it held nothing.
  const pre = at(tx.preTokenBalances);
  return { delta: (post?.amount ?? 0n) - (pre?.amount ?? 0n), owner: post?.owner ?? null };
}

/**
 * An SPL Token `transfer` or `transferChecked`, authorised by the payer, into the treasury's associated
 * token account for the expected mint, and that account's token balance risen by at least the amount.
 */
export function matchTokenTransfer(tx: PaymentTransaction, expected: TokenParties): TransferMatch {
  const units = (amount: bigint) =>
    `${unitsToDecimal(amount < 0n ? 0n : amount, expected.decimals)} ${expected.symbol}`;
  const treasuryAccount = associatedTokenAddress(expected.recipient, expected.mint);
  const transfers = tx.instructions
    .map((instruction) => ({ instruction, transfer: decodeTokenTransfer(instruction) }))
    .filter((entry): entry is { instruction: ResolvedInstruction; transfer: TokenTransfer } =>
      Boolean(entry.transfer),
    );
  const mintOf = (transfer: TokenTransfer) =>
    transfer.type === 'transferChecked'
      ? transfer.info.mint
      : (tokenAccountMint(tx, transfer.info.destination) ?? tokenAccountMint(tx, transfer.info.source));
  const byPayer = transfers.filter(({ transfer }) => transfer.info.authority === expected.payer);
  if (byPayer.length === 0) {
    if (transfers.some(({ transfer }) => transfer.info.destination === treasuryAccount)) {
      return refuse('wrong_payer', `The ${expected.symbol} sent to the treasury came from another wallet.`);
    }
    return refuse('transfer_missing', `This transaction carries no ${expected.symbol} transfer.`);
  }
  // The treasury's account can only hold the expected mint, so a mint read elsewhere names another token.
  const isOtherMint = (transfer: TokenTransfer) => {
    const mint = mintOf(transfer);
    return mint !== null && mint !== expected.mint;
  };
  const otherMint = byPayer.some(({ transfer }) => isOtherMint(transfer));
  const paying = byPayer.filter(({ transfer }) => transfer.info.destination === treasuryAccount);
  if (paying.length === 0 || paying.some(({ transfer }) => isOtherMint(transfer))) {
    if (otherMint) return refuse('wrong_mint', `This payment is in another token, not ${expected.symbol}.`);
    return refuse('wrong_recipient', `This payment went to another account, not to the treasury.`);
  }
  const instructed = sum(paying.map(({ transfer }) => transfer.info.amount));
  if (instructed < expected.minAmount) {
    return refuse(
      'amount_too_small',
      `This payment sends ${units(instructed)}; the order total is ${units(expected.minAmount)}.`,
    );
  }
  const arrived = tokenDelta(tx, treasuryAccount, expected.mint);
  if (arrived.owner !== null && arrived.owner !== expected.recipient) {
    return refuse('wrong_recipient', 'The receiving token account no longer belongs to the treasury.');
  }
  if (arrived.delta < expected.minAmount) {
    return refuse(
      'amount_too_small',
      `The treasury received only ${units(arrived.delta)} of the ${units(expected.minAmount)} total.`,
    );
  }
  return {
    ok: true,
    instructions: paying.map(({ instruction }) => instruction),
    amount: smaller(instructed, arrived.delta),
  };
}
