import type { TCampaign } from '@puffy/contracts';
import { Gauge } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context';
import { Activities } from '../../campaigns/activities';
import { CampaignHeader } from '../../campaigns/campaign-header';
import { EligibilityChecker } from '../../campaigns/eligibility-checker';
import { Leaderboard } from '../../campaigns/leaderboard';
import { LoadingLines } from '../../campaigns/loading-lines';
import { NotFoundCard } from '../../campaigns/not-found-card';
import { Panel } from '../../campaigns/panel';
import { ReferralPanel } from '../../campaigns/referral-panel';
import { Standing } from '../../campaigns/standing';
import { useEligibilityCheck } from '../../campaigns/use-eligibility-check';
import { BackLink } from '../../components/back-link';
import { ErrorMessage } from '../../components/error-message';
import { useDocumentTitle } from '../../lib/document-title';
import { describeError } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { NftClaimPanel } from '../../nft/claim-panel';

/** How often the places left are read again while the page is open: they fill up as members qualify. */
const PLACES_REFRESH_MS = 30_000;

/** Guest answers (no points, no rank) must not linger once the member signs in or out. */
function useRefetchOnSessionChange(userId: string | null) {
  const utils = trpc.useUtils();
  const seen = useRef(userId);
  useEffect(() => {
    if (seen.current === userId) return;
    seen.current = userId;
    void utils.activity.list.invalidate();
    void utils.campaign.leaderboard.invalidate();
  }, [userId, utils]);
}

function SignedOutStanding() {
  const { t } = useTranslation('campaign');
  return (
    <Panel
      icon={Gauge}
      title={t('standing.title')}
      description={t('standing.signedOut')}
      data-testid="standing-signed-out"
    />
  );
}

/**
 * Everything a member does on a campaign. From lg up the checker and referrals sit beside the
 * standing; on a phone the checker comes first (a guest's first question) and referrals last.
 */
function CampaignRoom({ campaign }: { campaign: TCampaign }) {
  const auth = useAuth();
  const check = useEligibilityCheck(campaign.id);
  useRefetchOnSessionChange(auth.user?.id ?? null);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:grid-rows-[auto_1fr] lg:items-start">
      <div className="grid min-w-0 gap-6 lg:col-start-2 lg:row-start-1">
        <EligibilityChecker campaign={campaign} check={check} />
      </div>
      <div className="grid min-w-0 gap-6 lg:col-start-1 lg:row-span-2 lg:row-start-1">
        {auth.status === 'signedIn' ? (
          <Standing campaign={campaign} answer={check.data ?? null} />
        ) : (
          <SignedOutStanding />
        )}
        <NftClaimPanel campaign={campaign} />
        <Activities campaign={campaign} />
        <Leaderboard campaignId={campaign.id} />
      </div>
      <div className="grid min-w-0 gap-6 lg:col-start-2 lg:row-start-2">
        <ReferralPanel campaign={campaign} check={check} />
      </div>
    </div>
  );
}

export default function CampaignDetailPage() {
  const { t } = useTranslation('campaign');
  const { slug = '' } = useParams();
  const campaign = trpc.campaign.get.useQuery({ slug }, { refetchInterval: PLACES_REFRESH_MS });
  useDocumentTitle(campaign.data?.name ?? t('detail.title'));
  if (campaign.isPending) return <LoadingLines lines={6} label={t('detail.loading')} />;
  if (campaign.isError) {
    if (describeError(campaign.error).code === 'NOT_FOUND') {
      return (
        <NotFoundCard
          title={t('detail.notFound')}
          body={t('detail.notFoundBody')}
          back={t('detail.seeAll')}
          testId="campaign-not-found"
        />
      );
    }
    return <ErrorMessage error={campaign.error} onRetry={() => void campaign.refetch()} />;
  }
  return (
    <>
      <BackLink to="/campaigns">{t('detail.back')}</BackLink>
      <CampaignHeader campaign={campaign.data} />
      <CampaignRoom campaign={campaign.data} />
    </>
  );
}
