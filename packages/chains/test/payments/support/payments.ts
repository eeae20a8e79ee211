import {
  createAssociatedTokenAccountIdempotentInstruction,
  createTransferCheckedInstruction,
  createTransferInstruction,
  getAssociatedTokenAddressSync,
} from '@solana/spl-token';
import {
  AddressLookupTableAccount,
  Keypair,
  PublicKey,
  SystemProgram,
  Transaction,
  TransactionInstruction,
  TransactionMessage,
  VersionedTransaction,
} from '@solana/web3.js';
import {
  MEMO_PROGRAM_ID,
  nftMemo,
  nftMemoFields,
  orderMemo,
  orderMemoFields,
  type PaymentExpectation,
  type TokenPaymentExpectation,
} from '../../../src/payments';
import type { LocalSolanaChain } from '../../../src/payments/local-rpc';
import type { TestClock } from './local-solana';

export const GAS_FEE = 10_000_000n;
export const USDT_DECIMALS = 6;
export const ORDER_TOTAL = 99_000_000n;
export const PAYMENT_WINDOW_MS = 30 * 60_000;

export interface Parties {
  member: Keypair;
  treasury: Keypair;
  stranger: Keypair;
}

/** Fresh keys, each funded with 10 SOL through the chain's faucet. */
export function fundedParties(chain: LocalSolanaChain): Parties {
  const parties = { member: Keypair.generate(), treasury: Keypair.generate(), stranger: Keypair.generate() };
  for (const keypair of Object.values(parties)) chain.airdrop(keypair.publicKey.toBase58(), 10_000_000_000n);
  return parties;
}

export function memoInstruction(text: string, programId = MEMO_PROGRAM_ID): TransactionInstruction {
  return new TransactionInstruction({
    programId: new PublicKey(programId),
    keys: [],
    data: Buffer.from(text, 'utf8'),
  });
}

/** Solana Pay's layout: the reference rides on the transfer as an extra read-only, non-signer account. */
function withReference(instruction: TransactionInstruction, reference?: PublicKey): TransactionInstruction {
  if (reference) instruction.keys.push({ pubkey: reference, isSigner: false, isWritable: false });
  return instruction;
}

export function solTransfer(from: PublicKey, to: PublicKey, lamports: bigint, reference?: PublicKey) {
  return withReference(SystemProgram.transfer({ fromPubkey: from, toPubkey: to, lamports }), reference);
}

export function usdtTransfer(input: {
  mint: PublicKey;
  owner: PublicKey;
  toOwner: PublicKey;
  amount: bigint;
  reference?: PublicKey;
  checked?: boolean;
  decimals?: number;
}): TransactionInstruction {
  const source = getAssociatedTokenAddressSync(input.mint, input.owner);
  const destination = getAssociatedTokenAddressSync(input.mint, input.toOwner);
  const instruction =
    input.checked === false
      ? createTransferInstruction(source, destination, input.owner, input.amount)
      : createTransferCheckedInstruction(
          source,
          input.mint,
          destination,
          input.owner,
          input.amount,
          input.decimals ?? USDT_DECIMALS,
        );
  return withReference(instruction, input.reference);
}

export function createTreasuryAccount(payer: PublicKey, treasury: PublicKey, mint: PublicKey) {
  const account = getAssociatedTokenAddressSync(mint, treasury);
  return createAssociatedTokenAccountIdempotentInstruction(payer, account, treasury, mint);
}

export function signLegacy(
  chain: LocalSolanaChain,
  feePayer: Keypair,
  instructions: TransactionInstruction[],
  extraSigners: Keypair[] = [],
): Transaction {
  const transaction = new Transaction({
    feePayer: feePayer.publicKey,
    recentBlockhash: chain.latestBlockhash(),
  });
  transaction.add(...instructions);
  transaction.sign(feePayer, ...extraSigners);
  return transaction;
}

/** A version-0 transaction whose non-signer keys come from a lookup table registered on the chain. */
export function signV0(
  chain: LocalSolanaChain,
  feePayer: Keypair,
  instructions: TransactionInstruction[],
  tableAddresses: PublicKey[],
): VersionedTransaction {
  const key = new PublicKey(chain.addLookupTable(tableAddresses.map((a) => a.toBase58())));
  const table = new AddressLookupTableAccount({
    key,
    state: {
      deactivationSlot: BigInt('18446744073709551615'),
      lastExtendedSlot: 0,
      lastExtendedSlotStartIndex: 0,
      addresses: tableAddresses,
    },
  });
  const message = new TransactionMessage({
    payerKey: feePayer.publicKey,
    recentBlockhash: chain.latestBlockhash(),
    instructions,
  }).compileToV0Message([table]);
  const transaction = new VersionedTransaction(message);
  transaction.sign([feePayer]);
  return transaction;
}

export interface Claim {
  nftId: number;
  userId: string;
  reference: PublicKey;
  memo: string;
  claimedAt: Date;
}

export function newClaim(
  clock: TestClock,
  nftId = 7,
  userId = 'c3f1c6a0-5b1e-4f0e-9d7e-2b8f7a1d9e11',
): Claim {
  return {
    nftId,
    userId,
    reference: Keypair.generate().publicKey,
    memo: nftMemo({ nftId, userId }),
    claimedAt: clock.now(),
  };
}

export function solExpectation(parties: Parties, claim: Claim, overrides: Partial<PaymentExpectation> = {}) {
  return {
    payer: parties.member.publicKey.toBase58(),
    recipient: parties.treasury.publicKey.toBase58(),
    minAmount: GAS_FEE,
    memo: nftMemoFields({ nftId: claim.nftId, userId: claim.userId }),
    reference: claim.reference.toBase58(),
    window: { notBefore: claim.claimedAt, notAfter: new Date(claim.claimedAt.getTime() + PAYMENT_WINDOW_MS) },
    commitment: 'confirmed',
    ...overrides,
  } satisfies PaymentExpectation;
}

/** The SPA's layout: memo first, then the transfer carrying the reference. */
export function solPayment(parties: Parties, claim: Claim, lamports = GAS_FEE): TransactionInstruction[] {
  return [
    memoInstruction(claim.memo),
    solTransfer(parties.member.publicKey, parties.treasury.publicKey, lamports, claim.reference),
  ];
}

export interface Order {
  orderId: string;
  reference: PublicKey;
  memo: string;
  createdAt: Date;
}

export function newOrder(clock: TestClock, orderId = '0b0f4a5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b'): Order {
  return {
    orderId,
    reference: Keypair.generate().publicKey,
    memo: orderMemo({ orderId }),
    createdAt: clock.now(),
  };
}

export function tokenExpectation(
  parties: Parties,
  order: Order,
  mint: PublicKey,
  overrides: Partial<TokenPaymentExpectation> = {},
) {
  return {
    payer: parties.member.publicKey.toBase58(),
    recipient: parties.treasury.publicKey.toBase58(),
    minAmount: ORDER_TOTAL,
    memo: orderMemoFields({ orderId: order.orderId }),
    reference: order.reference.toBase58(),
    window: { notBefore: order.createdAt, notAfter: new Date(order.createdAt.getTime() + PAYMENT_WINDOW_MS) },
    commitment: 'confirmed',
    mint: mint.toBase58(),
    decimals: USDT_DECIMALS,
    symbol: 'USDT',
    ...overrides,
  } satisfies TokenPaymentExpectation;
}
