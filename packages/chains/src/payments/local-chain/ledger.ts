import { Keypair, type PublicKey, VersionedTransaction } from '@solana/web3.js';
import bs58 from 'bs58';
import { createEd25519Verifier } from '../../signin/ed25519';
import type { TCommitment } from '../wire';
import {
  describeInstructionError,
  type ExecutionFrame,
  executeInstruction,
  type InstructionError,
} from './execute';
import { type Accounts, LAMPORTS_PER_SIGNATURE } from './state';

export type TransactionErrorValue = string | { InstructionError: [number, InstructionError] };

export interface TokenBalanceRecord {
  accountIndex: number;
  mint: string;
  owner: string;
  amount: bigint;
  decimals: number;
}

export interface StoredTransaction {
  signature: string;
  slot: number;
  /** Unix seconds. */
  blockTime: number;
  transaction: VersionedTransaction;
  bytes: Uint8Array;
  /** Static keys, then keys loaded from lookup tables (writable, then read-only). */
  keys: string[];
  loaded: { writable: string[]; readonly: string[] };
  err: TransactionErrorValue | null;
  fee: bigint;
  preBalances: bigint[];
  postBalances: bigint[];
  preTokenBalances: TokenBalanceRecord[];
  postTokenBalances: TokenBalanceRecord[];
  logMessages: string[];
  status: TCommitment;
}

/** A refusal of `sendTransaction`, with the JSON-RPC code and data a validator answers with. */
export class SubmitError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'SubmitError';
  }
}

const simulationFailed = (err: TransactionErrorValue, detail: string, logs: string[] = []) =>
  new SubmitError(-32002, `Transaction simulation failed: ${detail}`, {
    err,
    logs,
    accounts: null,
    unitsConsumed: 0,
    returnData: null,
  });

export interface LedgerOptions {
  now: () => Date;
  initialStatus: TCommitment;
}

/** The chain's state and history: accounts, lookup tables, issued blockhashes, landed transactions. */
export class Ledger {
  readonly accounts: Accounts = new Map();
  private readonly transactions = new Map<string, StoredTransaction>();
  private readonly lookupTables = new Map<string, string[]>();
  private readonly blockhashes = new Set<string>();
  private readonly ed25519 = createEd25519Verifier();
  slot = 1;

  constructor(private readonly options: LedgerOptions) {}

  get blockHeight(): number {
    return this.slot;
  }

  issueBlockhash(): string {
    const blockhash = Keypair.generate().publicKey.toBase58();
    this.blockhashes.add(blockhash);
    return blockhash;
  }

  addLookupTable(addresses: string[]): string {
    const address = Keypair.generate().publicKey.toBase58();
    this.lookupTables.set(address, [...addresses]);
    return address;
  }

  get(signature: string): StoredTransaction | undefined {
    return this.transactions.get(signature);
  }

  all(): StoredTransaction[] {
    return [...this.transactions.values()];
  }

  setStatus(signature: string, status: TCommitment): void {
    const stored = this.transactions.get(signature);
    if (!stored) throw new Error(`no transaction ${signature} on the local chain`);
    stored.status = status;
  }

  drop(signature: string): void {
    this.transactions.delete(signature);
  }

  /** Checks, executes and records a signed transaction in wire bytes; returns its signature. */
  submit(bytes: Uint8Array, options: { skipPreflight: boolean }): string {
    const transaction = this.decode(bytes);
    const signature = bs58.encode(transaction.signatures[0] ?? new Uint8Array(64));
    this.checkSignatures(transaction);
    if (this.transactions.has(signature)) {
      throw simulationFailed('AlreadyProcessed', 'This transaction has already been processed');
    }
    if (!this.blockhashes.has(transaction.message.recentBlockhash)) {
      throw simulationFailed('BlockhashNotFound', 'Blockhash not found');
    }
    const loaded = this.loadAddresses(transaction);
    const keys = [
      ...transaction.message.staticAccountKeys.map((k: PublicKey) => k.toBase58()),
      ...loaded.writable,
      ...loaded.readonly,
    ];
    const inRange = (index: number) => index < keys.length;
    const sane = transaction.message.compiledInstructions.every(
      (ix) => inRange(ix.programIdIndex) && ix.accountKeyIndexes.every(inRange),
    );
    if (!sane) {
      throw new SubmitError(
        -32602,
        'invalid transaction: Transaction failed to sanitize accounts offsets correctly',
      );
    }
    const { stored, final } = this.execute(transaction, bytes, signature, keys, loaded);
    if (stored.err !== null && !options.skipPreflight) {
      const detail =
        typeof stored.err === 'string'
          ? stored.err
          : `Error processing Instruction ${stored.err.InstructionError[0]}: ${describeInstructionError(stored.err.InstructionError[1])}`;
      throw simulationFailed(stored.err, detail, stored.logMessages);
    }
    this.commit(stored, final);
    return signature;
  }

  private decode(bytes: Uint8Array): VersionedTransaction {
    try {
      return VersionedTransaction.deserialize(bytes);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SubmitError(-32602, `failed to deserialize transaction: ${reason}`);
    }
  }

  private checkSignatures(transaction: VersionedTransaction): void {
    const { message } = transaction;
    const body = message.serialize();
    const required = message.header.numRequiredSignatures;
    const valid =
      required >= 1 &&
      transaction.signatures.length === required &&
      message.staticAccountKeys
        .slice(0, required)
        .every((key, i) =>
          this.ed25519.verify(key.toBytes(), body, transaction.signatures[i] ?? new Uint8Array()),
        );
    if (!valid) throw new SubmitError(-32003, 'Transaction signature verification failure');
  }

  private loadAddresses(transaction: VersionedTransaction): { writable: string[]; readonly: string[] } {
    const writable: string[] = [];
    const readonly: string[] = [];
    for (const lookup of transaction.message.addressTableLookups) {
      const table = this.lookupTables.get(lookup.accountKey.toBase58());
      if (!table) {
        throw simulationFailed(
          'AddressLookupTableNotFound',
          "Transaction loads an address table account that doesn't exist",
        );
      }
      const pick = (index: number) => {
        const address = table[index];
        if (!address)
          throw simulationFailed(
            'InvalidAddressLookupTableIndex',
            'Transaction address table lookup uses an invalid index',
          );
        return address;
      };
      writable.push(...lookup.writableIndexes.map(pick));
      readonly.push(...lookup.readonlyIndexes.map(pick));
    }
    return { writable, readonly };
  }

  private tokenBalances(accounts: Accounts, keys: string[]): TokenBalanceRecord[] {
    return keys.flatMap((address, accountIndex) => {
      const token = accounts.get(address)?.token;
      if (!token) return [];
      const decimals = accounts.get(token.mint)?.mint?.decimals ?? 0;
      return [{ accountIndex, mint: token.mint, owner: token.owner, amount: token.amount, decimals }];
    });
  }

  private execute(
    transaction: VersionedTransaction,
    bytes: Uint8Array,
    signature: string,
    keys: string[],
    loaded: { writable: string[]; readonly: string[] },
  ): { stored: StoredTransaction; final: Accounts } {
    const { message } = transaction;
    const feePayer = keys[0] ?? '';
    const fee = LAMPORTS_PER_SIGNATURE * BigInt(message.header.numRequiredSignatures);
    const payerAccount = this.accounts.get(feePayer);
    if (!payerAccount || payerAccount.lamports === 0n) {
      throw simulationFailed(
        'AccountNotFound',
        'Attempt to debit an account but found no record of a prior credit.',
      );
    }
    if (payerAccount.lamports < fee || payerAccount.token || payerAccount.mint) {
      throw simulationFailed('InsufficientFundsForFee', 'Insufficient funds for fee');
    }
    const preBalances = keys.map((k) => this.accounts.get(k)?.lamports ?? 0n);
    const preTokenBalances = this.tokenBalances(this.accounts, keys);
    const afterFee: Accounts = new Map(this.accounts);
    afterFee.set(feePayer, { ...payerAccount, lamports: payerAccount.lamports - fee });
    const frame: ExecutionFrame = {
      keys,
      isSigner: (i) => message.isAccountSigner(i),
      isWritable: (i) => message.isAccountWritable(i),
      accounts: new Map(afterFee),
      logs: [],
    };
    let err: TransactionErrorValue | null = null;
    for (const [index, ix] of message.compiledInstructions.entries()) {
      const error = executeInstruction(frame, ix);
      if (error !== null) {
        err = { InstructionError: [index, error] };
        break;
      }
    }
    // A failed transaction still pays its fee; nothing else it did stays.
    const final = err === null ? frame.accounts : afterFee;
    const stored: StoredTransaction = {
      signature,
      slot: 0,
      blockTime: Math.floor(this.options.now().getTime() / 1000),
      transaction,
      bytes,
      keys,
      loaded,
      err,
      fee,
      preBalances,
      postBalances: keys.map((k) => final.get(k)?.lamports ?? 0n),
      preTokenBalances,
      postTokenBalances: this.tokenBalances(final, keys),
      logMessages: frame.logs,
      status: this.options.initialStatus,
    };
    return { stored, final };
  }

  private commit(stored: StoredTransaction, final: Accounts): void {
    for (const [address, account] of final) this.accounts.set(address, account);
    this.slot += 1;
    stored.slot = this.slot;
    this.transactions.set(stored.signature, stored);
  }
}
