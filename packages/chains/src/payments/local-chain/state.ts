import { PublicKey } from '@solana/web3.js';
import { SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../programs';

export interface TokenAccountState {
  mint: string;
  owner: string;
  amount: bigint;
}

export interface MintState {
  decimals: number;
  supply: bigint;
  mintAuthority: string;
}

export interface AccountState {
  lamports: bigint;
  /** The program that owns the account. */
  owner: string;
  token?: TokenAccountState;
  mint?: MintState;
  /** Raw account data of accounts that other programs own (Metaplex Core assets and collections). */
  data?: Uint8Array;
}

export type Accounts = Map<string, AccountState>;

/** What the real cluster charges per signature and keeps in a token account and a mint for rent. */
export const LAMPORTS_PER_SIGNATURE = 5000n;
export const TOKEN_ACCOUNT_RENT = 2_039_280n;
export const MINT_RENT = 1_461_600n;
const TOKEN_ACCOUNT_SIZE = 165;
const MINT_SIZE = 82;

export const emptyAccount = (): AccountState => ({ lamports: 0n, owner: SYSTEM_PROGRAM_ID });

export function tokenAccount(mint: string, owner: string, amount = 0n): AccountState {
  return { lamports: TOKEN_ACCOUNT_RENT, owner: TOKEN_PROGRAM_ID, token: { mint, owner, amount } };
}

export function mintAccount(decimals: number, mintAuthority: string): AccountState {
  return { lamports: MINT_RENT, owner: TOKEN_PROGRAM_ID, mint: { decimals, supply: 0n, mintAuthority } };
}

/** A copy deep enough that changing the copy's balances leaves the original alone. */
export function cloneAccount(account: AccountState): AccountState {
  return {
    ...account,
    ...(account.token ? { token: { ...account.token } } : {}),
    ...(account.mint ? { mint: { ...account.mint } } : {}),
  };
}

const key = (address: string) => new PublicKey(address).toBuffer();
const u64 = (value: bigint) => {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(value);
  return bytes;
};
/** COption<Pubkey> as the token program lays it out: a u32 tag then 32 bytes. */
const optionalKey = (address: string | null) =>
  Buffer.concat([Buffer.from([address ? 1 : 0, 0, 0, 0]), address ? key(address) : Buffer.alloc(32)]);

/** The account's data in the token program's binary layout, so getAccountInfo answers like a validator. */
export function accountData(account: AccountState): Buffer {
  if (account.data) return Buffer.from(account.data);
  if (account.token) {
    const { mint, owner, amount } = account.token;
    const data = Buffer.concat([
      key(mint),
      key(owner),
      u64(amount),
      optionalKey(null),
      Buffer.from([1]),
      Buffer.alloc(12),
      u64(0n),
      optionalKey(null),
    ]);
    return data.subarray(0, TOKEN_ACCOUNT_SIZE);
  }
  if (account.mint) {
    const { mintAuthority, supply, decimals } = account.mint;
    const data = Buffer.concat([
      optionalKey(mintAuthority),
      u64(supply),
      Buffer.from([decimals, 1]),
      optionalKey(null),
    ]);
    return data.subarray(0, MINT_SIZE);
  }
  return Buffer.alloc(0);
}
