import { type TCampaign, type TPromotion, ZPromotionPage } from '@puffy/contracts';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import { Media } from '../components/media';
import { SkeletonText } from '../components/skeleton';
import { trpc } from '../lib/trpc';
import { ClaimProgress } from './claim-progress';
import { PaymentScreen } from './payment-screen';
import { RefusalNotice } from './refusal-notice';
import { useNftClaim } from './use-nft-claim';
import { formatSol } from './words';

function PromotionClaim({ campaign, promotion }: { campaign: TCampaign; promotion: TPromotion }) {
  const flow = useNftClaim(campaign.id, promotion.id);
  const failed = flow.claimError;
  if (flow.recordError) return <ErrorMessage error={flow.recordError} onRetry={flow.reload} />;
  return (
    <div className="nft-claim" data-testid="nft-claim" data-step={flow.step}>
      {flow.step === 'loading' && !failed && <SkeletonText lines={3} label="Loading your claim" />}
      {flow.step === 'start' && (
        <section className="card nft-start" aria-labelledby={`nft-start-${promotion.id}`}>
          <h2 id={`nft-start-${promotion.id}`}>Claim {promotion.name}</h2>
          {promotion.media.image && (
            <Media className="nft-thumb" src={promotion.media.image} alt="" width={1000} height={1000} />
          )}
          {promotion.description && <p>{promotion.description}</p>}
          <p>
            You are eligible. Claim your NFT, then pay its gas fee of{' '}
            <strong>{formatSol(campaign.nftGasFeeLamports)}</strong> from your wallet and we mint it to you.
          </p>
          <button type="button" onClick={flow.claimNow} disabled={flow.claiming}>
            {flow.claiming ? 'Claiming…' : 'Claim your NFT'}
          </button>
        </section>
      )}
      {flow.step === 'pay' && flow.claim && (
        <PaymentScreen claim={flow.claim} progress={flow.progress} onReported={flow.report} />
      )}
      {flow.step === 'progress' && flow.progress && (
        <ClaimProgress progress={flow.progress} name={promotion.name} />
      )}
      {flow.step === 'expired' && flow.progress && (
        <section className="card nft-expired" data-testid="nft-expired">
          <h2>
            {promotion.name} #{flow.progress.sequence}
          </h2>
          <p role="status">
            {flow.progress.failureReason ?? 'The payment window closed before the payment arrived.'} This
            claim has ended and its number is not reused.
          </p>
        </section>
      )}
      {failed && <RefusalNotice key={flow.claimAttempt} error={failed} onRetry={flow.claimNow} />}
    </div>
  );
}

/**
 * The promotional NFT of a campaign, for a signed-in member: the claim entry point once eligible, and
 * the claim's payment and progress whenever one exists (a member who left comes back to the same step).
 */
export function NftClaimPanel({ campaign }: { campaign: TCampaign }) {
  const auth = useAuth();
  const signedIn = auth.status === 'signedIn';
  const info = trpc.campaign.info.useQuery({ campaignId: campaign.id }, { enabled: signedIn });
  const promotions = trpc.campaign.promotions.useQuery({ campaignId: campaign.id }, { enabled: signedIn });
  // Checked against the shared schema: this panel sits inside the campaign room and must never take it down.
  const listed = ZPromotionPage.safeParse(promotions.data);
  if (!signedIn || !info.data || !listed.success) return null;
  // A claim already made stays visible even if eligibility changed since; otherwise eligibility gates it.
  if (!info.data.eligibility.eligible && info.data.nft === null) return null;
  return (
    <>
      {listed.data.items.map((promotion) => (
        <PromotionClaim key={promotion.id} campaign={campaign} promotion={promotion} />
      ))}
    </>
  );
}
