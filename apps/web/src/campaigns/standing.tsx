import type { TCampaign, TEligibilityAnswer } from '@puffy/contracts';
import { ErrorMessage } from '../components/error-message';
import { SkeletonText } from '../components/skeleton';
import { trpc } from '../lib/trpc';
import { Checklist, checklistOf } from './checklist';
import { formatDate, methodInWords } from './words';

const NFT_STATUS = {
  new: 'Claimed, waiting for the gas fee',
  paid: 'Gas fee sent, being confirmed',
  payment_confirmed: 'Gas fee confirmed, minting',
  minted: 'Minted',
  mint_failed: 'Minting failed: we will retry',
  payment_expired: 'The payment window passed: claim again',
} as const;

/** The signed-in member's standing (`campaign.info`) with the checklist of what is still missing. */
export function Standing({ campaign, answer }: { campaign: TCampaign; answer: TEligibilityAnswer | null }) {
  const info = trpc.campaign.info.useQuery({ campaignId: campaign.id });
  return (
    <section className="card campaign-standing" aria-labelledby="standing-title">
      <h2 id="standing-title">Your standing</h2>
      {info.isPending && <SkeletonText lines={4} label="Loading your standing" />}
      {info.isError && <ErrorMessage error={info.error} onRetry={() => void info.refetch()} />}
      {info.data && (
        <>
          <p data-testid="standing-status" data-eligible={info.data.eligibility.eligible}>
            {info.data.eligibility.eligible ? (
              <strong className="campaign-eligible">You are eligible</strong>
            ) : (
              <strong>Not eligible yet</strong>
            )}
            {info.data.eligibility.method && (
              <span className="muted">
                {' '}
                · {methodInWords(info.data.eligibility.method, campaign)}
                {info.data.eligibility.since && ` since ${formatDate(info.data.eligibility.since)}`}
              </span>
            )}
          </p>
          <Checklist items={checklistOf(campaign, info.data, answer)} />
          <dl className="facts">
            <dt>Points</dt>
            <dd data-testid="standing-points">{info.data.points}</dd>
            <dt>Required activities</dt>
            <dd>
              {info.data.requiredCompleted} of {info.data.requiredTotal} done
            </dd>
            <dt>Friends you referred</dt>
            <dd>{info.data.referral.referredCount}</dd>
            <dt>Joined through a referral</dt>
            <dd>{info.data.referral.referred ? 'Yes' : 'No'}</dd>
            {info.data.nft && (
              <>
                <dt>NFT</dt>
                <dd>{NFT_STATUS[info.data.nft.status]}</dd>
              </>
            )}
          </dl>
        </>
      )}
    </section>
  );
}
