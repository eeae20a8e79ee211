import { PublicKey } from '@solana/web3.js';

export const SYSTEM_PROGRAM_ID = '11111111111111111111111111111111';
/** The classic SPL Token program, which Solana USDT lives under. */
export const TOKEN_PROGRAM_ID = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
export const ASSOCIATED_TOKEN_PROGRAM_ID = 'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL';
/** Memo v2, the one wallets and Solana Pay write. */
export const MEMO_PROGRAM_ID = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';
/** Memo v1, still deployed and still honoured by the RPC's memo parser. */
export const MEMO_V1_PROGRAM_ID = 'Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo';
export const COMPUTE_BUDGET_PROGRAM_ID = 'ComputeBudget111111111111111111111111111111';

export const MEMO_PROGRAM_IDS: ReadonlySet<string> = new Set([MEMO_PROGRAM_ID, MEMO_V1_PROGRAM_ID]);

/**
 * The associated token account of `owner` for `mint` under the classic token program, derived the way
 * the ATA program does (seeds: owner, token program, mint). A Solana Pay SPL payment goes to this
 * account, never to an address the payer chooses.
 */
export function associatedTokenAddress(owner: string, mint: string): string {
  const [address] = PublicKey.findProgramAddressSync(
    [
      new PublicKey(owner).toBuffer(),
      new PublicKey(TOKEN_PROGRAM_ID).toBuffer(),
      new PublicKey(mint).toBuffer(),
    ],
    new PublicKey(ASSOCIATED_TOKEN_PROGRAM_ID),
  );
  return address.toBase58();
}
