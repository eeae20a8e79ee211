import { PublicKey, SystemProgram, Transaction, TransactionInstruction } from '@solana/web3.js';
import { TOKEN_TRANSFER_CHECKED_TAG } from './instructions';
import { associatedTokenAddress, MEMO_PROGRAM_ID, TOKEN_PROGRAM_ID } from './programs';

export interface TokenPaymentRequest {
  /** The wallet that signs, pays the network fee and owns the source token account. */
  payer: string;
  /** The receiving wallet; the tokens go to its associated token account. */
  recipient: string;
  mint: string;
  decimals: number;
  /** Base units of the token. */
  amount: bigint;
  /** Solana Pay reference key, found again later with getSignaturesForAddress. */
  reference: string;
  memo: string;
  recentBlockhash: string;
}

/**
 * A Solana Pay SPL-token payment as a wallet would build it from the transfer request: the memo, then
 * `transferChecked` from the payer's associated token account to the recipient's, carrying the
 * reference as an extra read-only key. Returned unsigned (the signature slot zeroed) for the payer's
 * wallet to sign and send; the server's verifier reads exactly this layout back.
 */
export function tokenPaymentTransaction(request: TokenPaymentRequest): Uint8Array {
  if (request.amount <= 0n || request.amount >= 1n << 64n) throw new RangeError('amount out of u64 range');
  const payer = new PublicKey(request.payer);
  const data = Buffer.alloc(10);
  data.writeUInt8(TOKEN_TRANSFER_CHECKED_TAG, 0);
  data.writeBigUInt64LE(request.amount, 1);
  data.writeUInt8(request.decimals, 9);
  const key = (address: string, isWritable: boolean, isSigner = false) => ({
    pubkey: new PublicKey(address),
    isSigner,
    isWritable,
  });
  const transfer = new TransactionInstruction({
    programId: new PublicKey(TOKEN_PROGRAM_ID),
    keys: [
      key(associatedTokenAddress(request.payer, request.mint), true),
      key(request.mint, false),
      key(associatedTokenAddress(request.recipient, request.mint), true),
      key(request.payer, false, true),
      key(request.reference, false),
    ],
    data,
  });
  const transaction = new Transaction({ feePayer: payer, recentBlockhash: request.recentBlockhash }).add(
    memoInstruction(request.memo),
    transfer,
  );
  return transaction.serialize({ requireAllSignatures: false, verifySignatures: false });
}

export interface SolPaymentRequest {
  /** The wallet that signs, pays the network fee and sends the lamports. */
  payer: string;
  recipient: string;
  lamports: bigint;
  reference: string;
  memo: string;
  recentBlockhash: string;
}

/**
 * A Solana Pay SOL payment as a wallet builds it from the transfer request: the memo, then a system
 * transfer carrying the reference as an extra read-only key. Unsigned, for the payer's wallet.
 */
export function solPaymentTransaction(request: SolPaymentRequest): Uint8Array {
  if (request.lamports <= 0n || request.lamports >= 1n << 64n)
    throw new RangeError('lamports out of u64 range');
  const payer = new PublicKey(request.payer);
  const transfer = SystemProgram.transfer({
    fromPubkey: payer,
    toPubkey: new PublicKey(request.recipient),
    lamports: request.lamports,
  });
  transfer.keys.push({ pubkey: new PublicKey(request.reference), isSigner: false, isWritable: false });
  return new Transaction({ feePayer: payer, recentBlockhash: request.recentBlockhash })
    .add(memoInstruction(request.memo), transfer)
    .serialize({ requireAllSignatures: false, verifySignatures: false });
}

function memoInstruction(memo: string): TransactionInstruction {
  return new TransactionInstruction({
    programId: new PublicKey(MEMO_PROGRAM_ID),
    keys: [],
    data: Buffer.from(memo, 'utf8'),
  });
}
