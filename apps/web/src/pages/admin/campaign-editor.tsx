import { ZCampaignStateAction } from '@puffy/contracts';
import { KeyRound, ListTree, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonText } from '../../components/skeleton';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { trpc } from '../../lib/trpc';
import { AdminPage } from './admin-page';
import { CampaignForm } from './campaign-form';
import { ActivitiesPanel, PromotionPanel } from './campaign-parts';
import { CampaignPreviewPanel } from './campaign-preview';
import { STATE_BADGE, stateOf } from './campaign-state';
import { DoneNote, LinkButton } from './controls';

/** `campaigns/new`: the fields first; promotions, activities and the rest open once it exists. */
export function NewCampaignPage() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const create = trpc.admin.campaigns.create.useMutation({
    onSuccess: (created) => navigate(`/admin/campaigns/${created.id}`),
  });
  return (
    <AdminPage title={t('campaign.newTitle')} description={t('campaign.newDescription')}>
      <CampaignForm
        campaign={null}
        saving={create.isPending}
        error={create.error}
        onSave={(f) => create.mutate(f)}
      />
    </AdminPage>
  );
}

/** The campaign's own tools, each a page under it: `campaigns/:id/requirements`, `…/snapshot`, `…/codes`. */
const TOOLS = [
  { path: 'requirements', icon: ListTree },
  { path: 'snapshot', icon: Users },
  { path: 'codes', icon: KeyRound },
] as const;

/** `campaigns/:id`: the whole builder for one campaign, with its lifecycle and a member's-eye preview. */
export default function CampaignEditorPage() {
  const { t } = useTranslation('admin');
  const campaignId = Number(useParams().id);
  const detail = trpc.admin.campaigns.get.useQuery({ campaignId });
  const utils = trpc.useUtils();
  const refresh = () => {
    void utils.admin.campaigns.get.invalidate({ campaignId });
    void utils.admin.campaigns.preview.invalidate({ campaignId });
  };
  const update = trpc.admin.campaigns.update.useMutation({ onSuccess: refresh });
  const setState = trpc.admin.campaigns.setState.useMutation({ onSuccess: refresh });

  if (detail.isPending) return <SkeletonText lines={8} label={t('campaign.loading')} />;
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={() => detail.refetch()} />;
  const { campaign } = detail.data;
  const state = stateOf(campaign);
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <AdminPage
        title={campaign.name}
        description={
          <span className="flex items-center gap-2" data-testid="campaign-state" data-state={state}>
            {t('campaign.state')}
            <Badge variant={STATE_BADGE[state]}>{t(`campaignList.states.${state}`)}</Badge>
          </span>
        }
        action={
          <nav aria-label={t('campaign.tools')} className="flex flex-wrap gap-2">
            {TOOLS.map((tool) => (
              <LinkButton
                key={tool.path}
                to={`/admin/campaigns/${campaign.id}/${tool.path}`}
                icon={tool.icon}
                variant="outline"
                size="sm"
              >
                {t(`campaign.${tool.path}`)}
              </LinkButton>
            ))}
          </nav>
        }
      >
        {!campaign.archivedAt && (
          <fieldset className="flex min-w-0 flex-wrap items-center gap-2">
            <legend className="sr-only">{t('campaign.lifecycle')}</legend>
            {ZCampaignStateAction.options.map((action) => (
              <Button
                key={action}
                variant={
                  action === 'activate' ? 'default' : action === 'archive' ? 'destructive' : 'secondary'
                }
                size="sm"
                disabled={setState.isPending}
                onClick={() => setState.mutate({ campaignId, action })}
              >
                {t(`campaign.actions.${action}`)}
              </Button>
            ))}
          </fieldset>
        )}
        {setState.error && <ErrorMessage error={setState.error} />}
        {update.isSuccess && !update.isPending && <DoneNote>{t('campaign.saved')}</DoneNote>}
        <CampaignForm
          key={campaign.id}
          campaign={campaign}
          saving={update.isPending}
          error={update.error}
          onSave={(fields) => update.mutate({ campaignId, fields })}
        />
      </AdminPage>
      <PromotionPanel campaignId={campaignId} promotions={detail.data.promotions} onSaved={refresh} />
      <ActivitiesPanel campaignId={campaignId} activities={detail.data.activities} onSaved={refresh} />
      <CampaignPreviewPanel campaignId={campaignId} />
    </div>
  );
}
