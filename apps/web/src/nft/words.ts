import type { TNftStatus, TPromotionClaim } from '@puffy/contracts';
import { lamportsToSol } from '@puffy/contracts';
import { describeError } from '../lib/errors';

export { formatSol } from '../lib/format';

/** `mm:ss` (or `h:mm:ss`) left until the deadline; 0 once it passed. */
export function formatCountdown(secondsLeft: number): string {
  const total = Math.max(0, Math.floor(secondsLeft));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/** A Solana Pay transfer request for wallets that build the payment themselves (memo, then reference). */
export function solanaPayUrl(claim: TPromotionClaim): string {
  const params = new URLSearchParams({
    amount: lamportsToSol(BigInt(claim.gasFee)),
    reference: claim.reference,
    label: 'Puffy Reward Center',
    message: `Gas fee for ${claim.name} #${claim.sequence}`,
    memo: claim.memo,
  });
  return `solana:${claim.treasuryAddress}?${params.toString().replace(/\+/g, '%20')}`;
}

/** The live progress the member watches, in order. */
export const PROGRESS_STEPS = [
  { key: 'paid', label: 'Payment received' },
  { key: 'payment_confirmed', label: 'Payment confirmed' },
  { key: 'minting', label: 'Minting' },
  { key: 'minted', label: 'Minted' },
] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number]['key'];

/** How far along the progress list a status is (payment_confirmed means minting has begun). */
export function stepsDone(status: TNftStatus): number {
  if (status === 'paid') return 1;
  if (status === 'payment_confirmed' || status === 'mint_failed') return 2;
  if (status === 'minted') return 4;
  return 0;
}

/** What to do next, by the server's reason; the server's own sentence says what went wrong. */
const NEXT_STEP: Record<string, string> = {
  not_eligible: 'Check your eligibility above; once it is recorded you can claim.',
  activities_missing: 'Finish the required activities listed under Activities, then claim again.',
  campaign_closed: 'This campaign is not taking claims at the moment.',
  no_gas_fee: 'The campaign team has not set the gas fee yet; try again later.',
  network_off: 'This network is not switched on for claims; contact the campaign team.',
  already_holds: 'Your NFT is already in your wallet.',
  promotion_not_found: 'Reload the page: this promotion may have been removed.',
  claim_in_progress: 'Wait a second and press the button again.',
  claim_expired: 'The payment window of this claim closed; its number is not reused.',
  claim_already_paid: 'This claim is paid already; its progress is shown here.',
  payment_reused: 'Each payment counts once: send a new payment for this claim.',
  nft_not_found: 'Reload the page to see your claim.',
  no_solana_wallet: 'Link a Solana wallet in your profile, then claim again.',
};

export interface ClaimRefusal {
  title: string;
  message: string;
  nextStep: string | null;
  code: string;
  reason: string | null;
}

/** A refusal from promotion.complete or promotion.mintGas, in words a member can act on. */
export function claimRefusal(error: unknown): ClaimRefusal {
  const shown = describeError(error);
  const fieldMessage = shown.fieldErrors.transactionHash?.[0];
  let nextStep = shown.reason ? (NEXT_STEP[shown.reason] ?? null) : null;
  if (!nextStep && shown.code === 'BAD_REQUEST') {
    nextStep = 'This transaction does not pay for this claim. Send the payment exactly as shown above.';
  }
  if (!nextStep && shown.code === 'SERVICE_UNAVAILABLE') {
    nextStep = 'Nothing was lost: try again in a moment.';
  }
  return {
    title: shown.title,
    message: fieldMessage ?? shown.message,
    nextStep,
    code: shown.code,
    reason: shown.reason,
  };
}
