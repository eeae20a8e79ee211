import { MEMO_PROGRAM_ID } from '@puffy/chains';
import type { TOrder } from '@puffy/contracts';
import { createTransferCheckedInstruction, getAssociatedTokenAddressSync } from '@solana/spl-token';
import { type Keypair, PublicKey, Transaction, TransactionInstruction } from '@solana/web3.js';
import type { StoreWorld } from '../../support/store-harness';

/** Gives a member SOL for fees and USDT to pay with, through real transactions on the local chain. */
export function fund(
  world: StoreWorld,
  wallet: Keypair,
  usdtUnits = 1_000_000_000n,
  mint = world.mint,
): void {
  world.chain.airdrop(wallet.publicKey.toBase58(), 1_000_000_000n);
  world.chain.mintTo(mint, wallet.publicKey.toBase58(), usdtUnits);
}

export interface PaymentOptions {
  /** Token base units (6 decimals); the order total by default. */
  amount?: bigint;
  mint?: string;
  /** Owner of the receiving token account; the treasury by default. */
  recipient?: PublicKey;
  memo?: string;
  /** More orders paid by the same transaction (one transfer and memo each). */
  alsoPays?: TOrder[];
  skipPreflight?: boolean;
}

const units = (order: TOrder) => BigInt(order.total.replace('.', '')) * 10_000n;

function transferFor(world: StoreWorld, payer: Keypair, order: TOrder, options: PaymentOptions) {
  const mint = new PublicKey(options.mint ?? world.mint);
  const instruction = createTransferCheckedInstruction(
    getAssociatedTokenAddressSync(mint, payer.publicKey),
    mint,
    getAssociatedTokenAddressSync(mint, options.recipient ?? world.treasury.publicKey),
    payer.publicKey,
    options.amount ?? units(order),
    6,
  );
  instruction.keys.push({
    pubkey: new PublicKey(order.payment.reference),
    isSigner: false,
    isWritable: false,
  });
  return [
    instruction,
    new TransactionInstruction({
      programId: new PublicKey(MEMO_PROGRAM_ID),
      keys: [],
      data: Buffer.from(options.memo ?? order.payment.memo, 'utf8'),
    }),
  ];
}

/** A real USDT transferChecked with the order's reference and memo, as the SPA's wallet sends it. */
export function payOrder(
  world: StoreWorld,
  payer: Keypair,
  order: TOrder,
  options: PaymentOptions = {},
): string {
  const instructions = [order, ...(options.alsoPays ?? [])].flatMap((o) =>
    transferFor(world, payer, o, o === order ? options : {}),
  );
  const transaction = new Transaction({
    feePayer: payer.publicKey,
    recentBlockhash: world.chain.latestBlockhash(),
  });
  transaction.add(...instructions);
  transaction.sign(payer);
  return world.chain.send(transaction, { skipPreflight: options.skipPreflight ?? false });
}
