import type { TNftProgress, TPromotionClaim } from '@puffy/contracts';
import { useCallback, useEffect, useState } from 'react';
import { trpc } from '../lib/trpc';

/** Where the member stands, derived from the server's record only, so a reopened tab lands here again. */
export type ClaimStep = 'loading' | 'start' | 'pay' | 'progress' | 'expired';

const IN_FLIGHT = new Set(['paid', 'payment_confirmed']);

/** The newer of two views of the same NFT (the stream and a mutation may answer in either order). */
function newer(a: TNftProgress | null, b: TNftProgress | null): TNftProgress | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b.updatedAt) >= Date.parse(a.updatedAt) ? b : a;
}

export function stepOf(
  progress: TNftProgress | null,
  claim: TPromotionClaim | null,
  loading: boolean,
): ClaimStep {
  if (!progress) {
    if (claim) return 'pay';
    return loading ? 'loading' : 'start';
  }
  if (progress.status === 'payment_expired') return 'expired';
  if (progress.status === 'new') return claim ? 'pay' : 'loading';
  return 'progress';
}

/**
 * The member's claim on one promotion: `promotion.alreadyPaid` says what exists, `promotion.complete`
 * creates the claim or hands back the existing one (the payment details of a claim still waiting for
 * its fee), and `promotion.status` streams each change. Without a stream (no EventSource, or it
 * failed) the record is polled instead.
 */
export interface NftClaimFlow {
  step: ClaimStep;
  /** The payment details from `promotion.complete`, once asked for. */
  claim: TPromotionClaim | null;
  progress: TNftProgress | null;
  recordError: object | null;
  reload: () => void;
  claimNow: () => void;
  claiming: boolean;
  claimError: object | null;
  claimAttempt: number;
  /** A fresher view of the claim (mintGas's answer). */
  report: (progress: TNftProgress) => void;
}

export function useNftClaim(campaignId: number, promotionId: number): NftClaimFlow {
  const [streamFailed, setStreamFailed] = useState(false);
  const [latest, setLatest] = useState<TNftProgress | null>(null);
  const canStream = typeof EventSource !== 'undefined' && !streamFailed;
  const record = trpc.promotion.alreadyPaid.useQuery(
    { promotionId },
    {
      refetchInterval: (query) => {
        const status = query.state.data?.nft?.status;
        return !canStream && status !== undefined && (IN_FLIGHT.has(status) || status === 'new')
          ? 5_000
          : false;
      },
    },
  );
  const complete = trpc.promotion.complete.useMutation();
  const claim = complete.data ?? null;
  const progress = newer(record.data?.nft ?? null, latest);
  const nftId = progress?.nftId ?? claim?.nftId;

  const claimNow = useCallback(
    () => complete.mutate({ campaignId, promotionId }),
    [complete, campaignId, promotionId],
  );

  // A reopened tab with a claim still waiting for its fee: the same call hands back its payment details.
  const waiting = progress?.status === 'new' && claim === null && complete.isIdle;
  useEffect(() => {
    if (waiting) complete.mutate({ campaignId, promotionId });
  }, [waiting, complete, campaignId, promotionId]);

  trpc.promotion.status.useSubscription(
    { nftId },
    {
      enabled: nftId !== undefined && canStream,
      onData: (event) => {
        if (event.nftId === nftId) setLatest((current) => newer(current, event));
      },
      onError: () => setStreamFailed(true),
    },
  );

  const report = useCallback((next: TNftProgress) => setLatest((current) => newer(current, next)), []);
  return {
    step: stepOf(progress, claim, record.isPending || (waiting && !complete.isError)),
    claim,
    progress,
    recordError: record.error,
    reload: () => void record.refetch(),
    claimNow,
    claiming: complete.isPending,
    claimError: complete.error,
    claimAttempt: complete.submittedAt,
    report,
  };
}
