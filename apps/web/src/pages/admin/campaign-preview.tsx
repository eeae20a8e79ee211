import { ErrorMessage } from '../../components/error-message';
import { Artwork } from '../../components/media/artwork';
import { SkeletonText } from '../../components/skeleton';
import { formatSolAmount } from '../../lib/format';
import { trpc } from '../../lib/trpc';

/** The campaign as a member will see it (the member side's own mapping), and what still blocks it. */
export function CampaignPreviewPanel({ campaignId }: { campaignId: number }) {
  const preview = trpc.admin.campaigns.preview.useQuery({ campaignId });
  if (preview.isPending) return <SkeletonText lines={4} label="Loading the preview" />;
  if (preview.error) return <ErrorMessage error={preview.error} onRetry={() => preview.refetch()} />;
  const { campaign, promotions, activities, gasFeeSol, visibleToMembers, missing } = preview.data;
  return (
    <section className="card" aria-label="Member preview">
      <h2>Preview: what members see</h2>
      <p>{visibleToMembers ? `Visible to members (${campaign.phase}).` : 'Not visible to members yet.'}</p>
      {missing.length > 0 && (
        <ul className="notice-error">
          {missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <article className="campaign-card">
        {campaign.media.image && (
          <Artwork className="max-w-sm" src={campaign.media.image} alt="" width={1600} height={900} />
        )}
        <h3>{campaign.name}</h3>
        {campaign.description && <p>{campaign.description}</p>}
        <p>Qualify by: {campaign.methods.join(', ') || '—'}</p>
        {promotions.map((p) => (
          <p key={p.id}>
            Claim {p.name} ({p.symbol}) for {formatSolAmount(gasFeeSol)} gas
          </p>
        ))}
        <ul>
          {activities.map((a) => (
            <li key={a.activityId}>
              {a.name}: {a.points} points{a.required ? ' (required)' : ''}
            </li>
          ))}
        </ul>
      </article>
    </section>
  );
}
