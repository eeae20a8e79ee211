import { MEMO_PROGRAM_ID } from '@puffy/chains';
import type { TPromotionClaim } from '@puffy/contracts';
import { type Keypair, PublicKey, SystemProgram, Transaction, TransactionInstruction } from '@solana/web3.js';
import type { Member, PromotionWorld } from './promotion-harness';

export interface PaymentShape {
  /** Who signs and pays the fee; the member's wallet unless set. */
  payer?: Keypair;
  recipient?: string;
  lamports?: bigint;
  /** The memo text; null leaves the memo out. */
  memo?: string | null;
  reference?: string | null;
  skipPreflight?: boolean;
}

/** Solana Pay's layout, built and signed with web3.js: the memo, then a transfer carrying the reference. */
export function buildPayment(
  world: PromotionWorld,
  member: Member,
  claim: TPromotionClaim,
  shape: PaymentShape = {},
) {
  const payer = shape.payer ?? member.wallet;
  const transaction = new Transaction({
    feePayer: payer.publicKey,
    recentBlockhash: world.chain.latestBlockhash(),
  });
  const memo = shape.memo === undefined ? claim.memo : shape.memo;
  if (memo !== null) {
    transaction.add(
      new TransactionInstruction({
        programId: new PublicKey(MEMO_PROGRAM_ID),
        keys: [{ pubkey: payer.publicKey, isSigner: true, isWritable: false }],
        data: Buffer.from(memo, 'utf8'),
      }),
    );
  }
  const transfer = SystemProgram.transfer({
    fromPubkey: payer.publicKey,
    toPubkey: new PublicKey(shape.recipient ?? claim.treasuryAddress),
    lamports: shape.lamports ?? BigInt(claim.gasFee),
  });
  const reference = shape.reference === undefined ? claim.reference : shape.reference;
  if (reference !== null)
    transfer.keys.push({ pubkey: new PublicKey(reference), isSigner: false, isWritable: false });
  transaction.add(transfer);
  transaction.sign(payer);
  return transaction;
}

export function pay(
  world: PromotionWorld,
  member: Member,
  claim: TPromotionClaim,
  shape: PaymentShape = {},
): string {
  return world.chain.send(buildPayment(world, member, claim, shape), { skipPreflight: shape.skipPreflight });
}
