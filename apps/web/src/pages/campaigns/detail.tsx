import type { TCampaign } from '@puffy/contracts';
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context';
import { Activities } from '../../campaigns/activities';
import { CampaignHeader } from '../../campaigns/campaign-header';
import { EligibilityChecker } from '../../campaigns/eligibility-checker';
import { Leaderboard } from '../../campaigns/leaderboard';
import { ReferralPanel } from '../../campaigns/referral-panel';
import { Standing } from '../../campaigns/standing';
import { useEligibilityCheck } from '../../campaigns/use-eligibility-check';
import { ErrorMessage } from '../../components/error-message';
import { PageSkeleton } from '../../components/skeleton';
import { useDocumentTitle } from '../../lib/document-title';
import { describeError } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { NftClaimPanel } from '../../nft/claim-panel';

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

function CampaignRoom({ campaign }: { campaign: TCampaign }) {
  const auth = useAuth();
  const check = useEligibilityCheck(campaign.id);
  useRefetchOnSessionChange(auth.user?.id ?? null);
  return (
    <div className="campaign-room">
      <EligibilityChecker campaign={campaign} check={check} />
      {auth.status === 'signedIn' ? (
        <Standing campaign={campaign} answer={check.data ?? null} />
      ) : (
        <section className="card" data-testid="standing-signed-out">
          <h2>Your standing</h2>
          <p>Connect your wallet with the button at the top to see your points and what is still missing.</p>
        </section>
      )}
      <NftClaimPanel campaign={campaign} />
      <Activities campaign={campaign} />
      <ReferralPanel campaign={campaign} check={check} />
      <Leaderboard campaignId={campaign.id} />
    </div>
  );
}

export default function CampaignDetailPage() {
  const { slug = '' } = useParams();
  const campaign = trpc.campaign.get.useQuery({ slug });
  useDocumentTitle(campaign.data?.name ?? 'Campaign');
  if (campaign.isPending) return <PageSkeleton />;
  if (campaign.isError) {
    if (describeError(campaign.error).code === 'NOT_FOUND') {
      return (
        <section className="card" data-testid="campaign-not-found">
          <h1>Campaign not found</h1>
          <p>This campaign does not exist or is not open yet.</p>
          <Link to="/campaigns">See all campaigns</Link>
        </section>
      );
    }
    return <ErrorMessage error={campaign.error} onRetry={() => void campaign.refetch()} />;
  }
  return (
    <>
      <p className="small">
        <Link to="/campaigns">← All campaigns</Link>
      </p>
      <CampaignHeader campaign={campaign.data} />
      <CampaignRoom campaign={campaign.data} />
    </>
  );
}
