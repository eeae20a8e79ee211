import type { TNftStatus, TPromotionClaim } from '@puffy/contracts';
import { lamportsToSol } from '@puffy/contracts';
import type { TFunction } from 'i18next';
import { describeError } from '../lib/errors';

export { formatSol } from '../lib/format';

/** The NFT screens' words come from their catalog (locales/<language>/nft.json). */
export type NftT = TFunction<'nft'>;

/** `mm:ss` (or `h:mm:ss`) left until the deadline; 0 once it passed. */
export function formatCountdown(secondsLeft: number): string {
  const total = Math.max(0, Math.floor(secondsLeft));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/**
 * A Solana Pay transfer request for wallets that build the payment themselves (memo, then reference).
 * `message` is what the member's wallet shows beside the amount, so it is in their language.
 */
export function solanaPayUrl(claim: TPromotionClaim, message: string): string {
  const params = new URLSearchParams({
    amount: lamportsToSol(BigInt(claim.gasFee)),
    reference: claim.reference,
    label: 'Puffy Reward Center',
    message,
    memo: claim.memo,
  });
  return `solana:${claim.treasuryAddress}?${params.toString().replace(/\+/g, '%20')}`;
}

/** The live progress the member watches, in order (the words are `progress.step.<key>`). */
export const PROGRESS_STEPS = ['paid', 'payment_confirmed', 'minting', 'minted'] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

/** How far along the progress list a status is (payment_confirmed means minting has begun). */
export function stepsDone(status: TNftStatus): number {
  if (status === 'paid') return 1;
  if (status === 'payment_confirmed' || status === 'mint_failed') return 2;
  if (status === 'minted') return 4;
  return 0;
}

/** The server's reasons that have a next step in the catalog (`refusal.next.<reason>`). */
const REASONS_WITH_NEXT_STEP = new Set([
  'not_eligible',
  'activities_missing',
  'campaign_closed',
  'no_gas_fee',
  'network_off',
  'already_holds',
  'promotion_not_found',
  'claim_in_progress',
  'claim_expired',
  'claim_already_paid',
  'payment_reused',
  'nft_not_found',
  'no_solana_wallet',
  'wrong_payer',
  'wrong_owner',
  'not_a_core_mint',
  'unknown_collection',
  'failed',
  'not_found',
]);

export interface ClaimRefusal {
  title: string;
  message: string;
  nextStep: string | null;
  code: string;
  reason: string | null;
}

/** A refusal from promotion.complete, .mintGas or .recordMint, in words a member can act on. */
export function claimRefusal(t: NftT, error: unknown): ClaimRefusal {
  const shown = describeError(error);
  const fieldMessage = shown.fieldErrors.transactionHash?.[0];
  let nextStep =
    shown.reason && REASONS_WITH_NEXT_STEP.has(shown.reason) ? t(`refusal.next.${shown.reason}`) : null;
  if (!nextStep && shown.code === 'BAD_REQUEST') nextStep = t('refusal.badPayment');
  if (!nextStep && shown.code === 'SERVICE_UNAVAILABLE') nextStep = t('refusal.unavailable');
  return {
    title: shown.title,
    message: fieldMessage ?? shown.message,
    nextStep,
    code: shown.code,
    reason: shown.reason,
  };
}
