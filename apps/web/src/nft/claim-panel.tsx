import { type TCampaign, type TPromotion, ZPromotionPage } from '@puffy/contracts';
import { Sparkles, TimerOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { LoadingLines } from '../campaigns/loading-lines';
import { Panel } from '../campaigns/panel';
import { ErrorMessage } from '../components/error-message';
import { Artwork } from '../components/media/artwork';
import { Button } from '../components/ui/button';
import { Card, CardDescription, CardHeader, CardTitle } from '../components/ui/card';
import { Separator } from '../components/ui/separator';
import { trpc } from '../lib/trpc';
import { ClaimProgress } from './claim-progress';
import { allowsDirectMint, DirectMint } from './direct-mint';
import { PaymentScreen } from './payment-screen';
import { RefusalNotice } from './refusal-notice';
import { type NftClaimFlow, useNftClaim } from './use-nft-claim';
import { formatSol } from './words';

/** Where a claim begins: the artwork, what it costs, and (where allowed) minting it yourself instead. */
function StartClaim({
  campaign,
  promotion,
  flow,
}: {
  campaign: TCampaign;
  promotion: TPromotion;
  flow: NftClaimFlow;
}) {
  const { t } = useTranslation('nft');
  return (
    <Card as="section" aria-labelledby={`nft-start-${promotion.id}`}>
      <div className="grid gap-4 sm:grid-cols-[9rem_minmax(0,1fr)] sm:items-start">
        <Artwork
          className="w-28 border sm:w-full"
          src={promotion.media.image}
          alt=""
          width={1000}
          height={1000}
        />
        <div className="grid min-w-0 gap-3">
          <CardHeader>
            <CardTitle id={`nft-start-${promotion.id}`} className="flex items-center gap-2">
              <Sparkles className="size-5 shrink-0 text-primary" aria-hidden="true" />
              {t('start.title', { name: promotion.name })}
            </CardTitle>
            {promotion.description && <CardDescription>{promotion.description}</CardDescription>}
          </CardHeader>
          <p className="text-sm">{t('start.lead', { fee: formatSol(campaign.nftGasFeeLamports) })}</p>
          <Button className="justify-self-start" size="lg" onClick={flow.claimNow} disabled={flow.claiming}>
            {flow.claiming ? t('start.claiming') : t('start.claim')}
          </Button>
        </div>
      </div>
      {allowsDirectMint(promotion) && (
        <>
          <Separator />
          <DirectMint promotion={promotion} onRecorded={flow.report} />
        </>
      )}
    </Card>
  );
}

function PromotionClaim({ campaign, promotion }: { campaign: TCampaign; promotion: TPromotion }) {
  const { t } = useTranslation('nft');
  const flow = useNftClaim(campaign.id, promotion.id);
  const failed = flow.claimError;
  if (flow.recordError) return <ErrorMessage error={flow.recordError} onRetry={flow.reload} />;
  return (
    <div className="grid gap-4" data-testid="nft-claim" data-step={flow.step}>
      {flow.step === 'loading' && !failed && <LoadingLines lines={3} label={t('start.loading')} />}
      {flow.step === 'start' && <StartClaim campaign={campaign} promotion={promotion} flow={flow} />}
      {flow.step === 'pay' && flow.claim && (
        <PaymentScreen claim={flow.claim} progress={flow.progress} onReported={flow.report} />
      )}
      {flow.step === 'progress' && flow.progress && (
        <ClaimProgress progress={flow.progress} name={promotion.name} />
      )}
      {flow.step === 'expired' && flow.progress && (
        <Panel
          titleId={`nft-expired-${promotion.id}`}
          icon={TimerOff}
          iconClassName="text-muted-foreground"
          title={`${promotion.name} #${flow.progress.sequence}`}
          data-testid="nft-expired"
        >
          <p role="status" className="text-sm">
            {flow.progress.failureReason ?? t('expired.reason')} {t('expired.ended')}
          </p>
        </Panel>
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
