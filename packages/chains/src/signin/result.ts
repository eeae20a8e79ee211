import type { TSignInFailureReason, TWalletChain } from '@puffy/contracts';
import { type Refusal, refusal } from '../refusal';

/** A proof that passed every check, with the address in its canonical form for its chain. */
export interface SignInSuccess {
  ok: true;
  chain: TWalletChain;
  /** base58 (sol), EIP-55 checksummed (evm), bounceable url-safe friendly form (ton). */
  address: string;
  /** TON only: the raw form `<workchain>:<64 hex digits>`. */
  addressHex?: string;
}

export type SignInFailure = Refusal<TSignInFailureReason>;

export type SignInResult = SignInSuccess | SignInFailure;

export const fail: (reason: TSignInFailureReason, message: string) => SignInFailure = refusal;

/** Clock skew tolerated between the server and a wallet that stamps its own time (TON) by default. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 60;
