import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonText } from '../../components/skeleton';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';
import { CampaignForm } from './campaign-form';
import { ActivitiesPanel, PromotionPanel } from './campaign-parts';
import { CampaignPreviewPanel } from './campaign-preview';

/** `campaigns/new`: the fields first; promotions, activities and the rest open once it exists. */
export function NewCampaignPage() {
  useDocumentTitle('New campaign · Admin');
  const navigate = useNavigate();
  const create = trpc.admin.campaigns.create.useMutation({
    onSuccess: (created) => navigate(`/admin/campaigns/${created.id}`),
  });
  return (
    <section className="card">
      <h1>New campaign</h1>
      <CampaignForm
        campaign={null}
        saving={create.isPending}
        error={create.error}
        onSave={(f) => create.mutate(f)}
      />
    </section>
  );
}

const ACTIONS = [
  { action: 'schedule', label: 'Schedule' },
  { action: 'activate', label: 'Activate now' },
  { action: 'pause', label: 'Pause' },
  { action: 'archive', label: 'Archive' },
] as const;

/** `campaigns/:id`: the whole builder for one campaign, with its lifecycle and a member's-eye preview. */
export default function CampaignEditorPage() {
  const campaignId = Number(useParams().id);
  const detail = trpc.admin.campaigns.get.useQuery({ campaignId });
  const utils = trpc.useUtils();
  const refresh = () => {
    void utils.admin.campaigns.get.invalidate({ campaignId });
    void utils.admin.campaigns.preview.invalidate({ campaignId });
  };
  const update = trpc.admin.campaigns.update.useMutation({ onSuccess: refresh });
  const setState = trpc.admin.campaigns.setState.useMutation({ onSuccess: refresh });
  useDocumentTitle(`${detail.data?.campaign.name ?? 'Campaign'} · Admin`);

  if (detail.isPending) return <SkeletonText lines={8} label="Loading the campaign" />;
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={() => detail.refetch()} />;
  const { campaign } = detail.data;
  const state = campaign.archivedAt
    ? 'archived'
    : !campaign.isReady
      ? 'draft'
      : campaign.isActive
        ? 'open'
        : 'paused';
  return (
    <div className="admin-campaign">
      <section className="card">
        <h1>{campaign.name}</h1>
        <p data-testid="campaign-state">State: {state}</p>
        <nav aria-label="Campaign tools">
          <Link to={`/admin/campaigns/${campaign.id}/snapshot`}>Holder snapshot</Link> ·{' '}
          <Link to={`/admin/campaigns/${campaign.id}/codes`}>Codes, allow-list and Discord</Link>
        </nav>
        {!campaign.archivedAt && (
          <p>
            {ACTIONS.map((a) => (
              <button
                key={a.action}
                type="button"
                className="button"
                disabled={setState.isPending}
                onClick={() => setState.mutate({ campaignId, action: a.action })}
              >
                {a.label}
              </button>
            ))}
          </p>
        )}
        {setState.error && <ErrorMessage error={setState.error} />}
        {update.isSuccess && !update.isPending && <p role="status">Saved.</p>}
        <CampaignForm
          key={campaign.id}
          campaign={campaign}
          saving={update.isPending}
          error={update.error}
          onSave={(fields) => update.mutate({ campaignId, fields })}
        />
      </section>
      <PromotionPanel campaignId={campaignId} promotions={detail.data.promotions} onSaved={refresh} />
      <ActivitiesPanel campaignId={campaignId} activities={detail.data.activities} onSaved={refresh} />
      <CampaignPreviewPanel campaignId={campaignId} />
    </div>
  );
}
