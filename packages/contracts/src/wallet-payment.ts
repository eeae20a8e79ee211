import { z } from 'zod';

/**
 * A payment as an unsigned transaction (Solana Pay's transaction-request answer) for the member's
 * connected wallet: base64 wire bytes with an empty signature slot for the wallet to fill, and a line
 * the wallet may show. Orders (USDT) and NFT gas fees (SOL) both answer with it.
 */
export const ZPaymentTransaction = z.object({
  transaction: z.base64(),
  message: z.string(),
});
export type TPaymentTransaction = z.infer<typeof ZPaymentTransaction>;
