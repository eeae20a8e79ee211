import { createServer } from 'node:http';
import {
  Keypair,
  PublicKey,
  SystemProgram,
  Transaction,
  TransactionInstruction,
  type VersionedTransaction,
} from '@solana/web3.js';
import { TOKEN_MINT_TO_CHECKED_TAG } from './instructions';
import { type LocalChainAvailability, rpcRequestListener } from './local-chain/http';
import { Ledger } from './local-chain/ledger';
import type { MethodContext } from './local-chain/methods';
import { mintAccount } from './local-chain/state';
import {
  ASSOCIATED_TOKEN_PROGRAM_ID,
  associatedTokenAddress,
  SYSTEM_PROGRAM_ID,
  TOKEN_PROGRAM_ID,
} from './programs';
import type { TCommitment } from './wire';

export interface LocalSolanaChainOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The chain's clock, which stamps block times. */
  now?: () => Date;
  /** The status a transaction lands in (default `confirmed`); tests move it on with setStatus. */
  initialStatus?: TCommitment;
  /** In development: promote each landed transaction to `finalized` after this many milliseconds. */
  finalizeAfterMs?: number;
}

export interface LocalSolanaChain {
  /** The JSON-RPC endpoint, `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Every JSON-RPC method called, in order. */
  readonly calls: readonly string[];
  /** Credits lamports through a real transfer from the chain's faucet; returns its signature. */
  airdrop(address: string, lamports: bigint): string;
  /** Creates a mint (at `address` when given, e.g. the mainnet USDT mint) whose authority is the faucet. */
  createMint(options: { decimals: number; address?: string }): string;
  /** Mints tokens into the owner's associated token account, creating it, through a real transaction. */
  mintTo(mint: string, owner: string, amount: bigint): { signature: string; tokenAccount: string };
  balance(address: string): bigint;
  /** The token balance of `owner`'s associated token account for `mint` (0 when it does not exist). */
  tokenBalance(owner: string, mint: string): bigint;
  /** Registers an address lookup table for version-0 transactions; returns its address. */
  addLookupTable(addresses: string[]): string;
  latestBlockhash(): string;
  /** Lands a signed transaction as sendTransaction would, with the same checks; throws SubmitError. */
  send(transaction: Transaction | VersionedTransaction, options?: { skipPreflight?: boolean }): string;
  setStatus(signature: string, status: TCommitment): void;
  /** Forgets a transaction, as a cluster forgets one that never reached a rooted block. */
  drop(signature: string): void;
  /** `down` answers HTTP 503 to everything; `hang` never answers, so clients time out. */
  setAvailability(mode: LocalChainAvailability): void;
  close(): Promise<void>;
}

const FAUCET_LAMPORTS = 5_000_000_000_000_000n;

/**
 * A Solana JSON-RPC node in one process, for development and tests only: it keeps balances, token
 * accounts and history in memory, checks signatures and blockhashes, runs the system, SPL Token,
 * associated-token-account, memo and compute-budget programs, and answers in the real wire format, so
 * the SPA, the server and their tests run the whole payment flow with no network. It holds no real
 * value and verifies nothing a real cluster would not; never point production configuration at it.
 */
export async function createLocalSolanaChain(
  options: LocalSolanaChainOptions = {},
): Promise<LocalSolanaChain> {
  const now = options.now ?? (() => new Date());
  const ledger = new Ledger({ now, initialStatus: options.initialStatus ?? 'confirmed' });
  const faucet = Keypair.generate();
  ledger.accounts.set(faucet.publicKey.toBase58(), { lamports: FAUCET_LAMPORTS, owner: SYSTEM_PROGRAM_ID });
  const calls: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let availability: LocalChainAvailability = 'up';

  const submit = (bytes: Uint8Array, submitOptions: { skipPreflight: boolean }) => {
    const signature = ledger.submit(bytes, submitOptions);
    if (options.finalizeAfterMs !== undefined) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (ledger.get(signature)) ledger.setStatus(signature, 'finalized');
      }, options.finalizeAfterMs);
      timer.unref();
      timers.add(timer);
    }
    return signature;
  };

  const sendFromFaucet = (instructions: TransactionInstruction[]) => {
    const transaction = new Transaction({
      feePayer: faucet.publicKey,
      recentBlockhash: ledger.issueBlockhash(),
    }).add(...instructions);
    transaction.sign(faucet);
    return submit(transaction.serialize(), { skipPreflight: false });
  };

  const airdrop = (address: string, lamports: bigint) =>
    sendFromFaucet([
      SystemProgram.transfer({ fromPubkey: faucet.publicKey, toPubkey: new PublicKey(address), lamports }),
    ]);

  const mintTo = (mint: string, owner: string, amount: bigint) => {
    const decimals = ledger.accounts.get(mint)?.mint?.decimals;
    if (decimals === undefined) throw new Error(`no mint ${mint} on the local chain`);
    const tokenAccount = associatedTokenAddress(owner, mint);
    const key = (pubkey: string, isSigner: boolean, isWritable: boolean) => ({
      pubkey: new PublicKey(pubkey),
      isSigner,
      isWritable,
    });
    const payer = faucet.publicKey.toBase58();
    const data = Buffer.alloc(10);
    data.writeUInt8(TOKEN_MINT_TO_CHECKED_TAG, 0);
    data.writeBigUInt64LE(amount, 1);
    data.writeUInt8(decimals, 9);
    const signature = sendFromFaucet([
      new TransactionInstruction({
        programId: new PublicKey(ASSOCIATED_TOKEN_PROGRAM_ID),
        keys: [
          key(payer, true, true),
          key(tokenAccount, false, true),
          key(owner, false, false),
          key(mint, false, false),
          key(SYSTEM_PROGRAM_ID, false, false),
          key(TOKEN_PROGRAM_ID, false, false),
        ],
        data: Buffer.from([1]),
      }),
      new TransactionInstruction({
        programId: new PublicKey(TOKEN_PROGRAM_ID),
        keys: [key(mint, false, true), key(tokenAccount, false, true), key(payer, true, false)],
        data,
      }),
    ]);
    return { signature, tokenAccount };
  };

  const context: MethodContext = {
    ledger,
    submit,
    requestAirdrop: airdrop,
    requestTokens: (owner, mint, amount) => mintTo(mint, owner, amount).signature,
  };

  const server = createServer(rpcRequestListener({ context, calls, availability: () => availability }));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const bound = server.address();
  if (!bound || typeof bound === 'string') throw new Error('the local chain is not listening on TCP');
  const { address, port } = bound;

  return {
    url: `http://${address}:${port}`,
    calls,
    airdrop,
    createMint({ decimals, address: mintAddress }) {
      const mint = mintAddress ?? Keypair.generate().publicKey.toBase58();
      ledger.accounts.set(mint, mintAccount(decimals, faucet.publicKey.toBase58()));
      return mint;
    },
    mintTo,
    balance: (account) => ledger.accounts.get(account)?.lamports ?? 0n,
    tokenBalance: (owner, mint) =>
      ledger.accounts.get(associatedTokenAddress(owner, mint))?.token?.amount ?? 0n,
    addLookupTable: (addresses) => ledger.addLookupTable(addresses),
    latestBlockhash: () => ledger.issueBlockhash(),
    send(transaction, sendOptions = {}) {
      // The chain checks signatures itself, so a test can hand it a transaction that web3.js would refuse.
      const bytes =
        transaction instanceof Transaction
          ? transaction.serialize({ requireAllSignatures: false, verifySignatures: false })
          : transaction.serialize();
      return submit(bytes, { skipPreflight: sendOptions.skipPreflight ?? false });
    },
    setStatus: (signature, status) => ledger.setStatus(signature, status),
    drop: (signature) => ledger.drop(signature),
    setAvailability(mode) {
      availability = mode;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type { LocalChainAvailability } from './local-chain/http';
export { SubmitError } from './local-chain/ledger';
