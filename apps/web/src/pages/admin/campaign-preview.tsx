import { Eye, EyeOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { Artwork } from '../../components/media/artwork';
import { SkeletonText } from '../../components/skeleton';
import { Alert, AlertDescription, AlertTitle } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { formatNumber, formatSolAmount } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import type { AdminOutputs } from './api-types';
import { BuilderPanel } from './campaign-parts';

/** The campaign as a member will see it (the member side's own mapping), and what still blocks it. */
export function CampaignPreviewPanel({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation('admin');
  const preview = trpc.admin.campaigns.preview.useQuery({ campaignId });
  if (preview.isPending) return <SkeletonText lines={4} label={t('campaign.preview.loading')} />;
  if (preview.error) return <ErrorMessage error={preview.error} onRetry={() => preview.refetch()} />;
  const { campaign, promotions, activities, gasFeeSol, visibleToMembers, missing } = preview.data;
  return (
    <BuilderPanel title={t('campaign.preview.title')}>
      <VisibilityNote visible={visibleToMembers} phase={campaign.phase} missing={missing} />
      <article
        aria-label={t('campaign.preview.label')}
        className="flex max-w-xl flex-col gap-3 rounded-lg border bg-background/40 p-4"
      >
        {campaign.media.image && (
          <Artwork className="max-w-sm" src={campaign.media.image} alt="" width={1600} height={900} />
        )}
        <h3 className="font-semibold text-lg">{campaign.name}</h3>
        {campaign.description && <p className="text-muted-foreground text-sm">{campaign.description}</p>}
        <p className="text-sm">
          {t('campaign.preview.qualify', {
            methods: campaign.methods.map((m) => t(`methods.${m}`)).join(', ') || '—',
          })}
        </p>
        {promotions.map((p) => (
          <p key={p.id} className="font-medium text-sm">
            {t('campaign.preview.claim', { name: p.name, symbol: p.symbol, fee: formatSolAmount(gasFeeSol) })}
          </p>
        ))}
        {activities.length > 0 && (
          <ul className="flex flex-col gap-1.5 text-sm">
            {activities.map((a) => (
              <li key={a.activityId} className="flex flex-wrap items-center gap-2">
                <span>{a.name}</span>
                <span className="text-muted-foreground">
                  {t('campaign.activities.points', { count: a.points, points: formatNumber(a.points) })}
                </span>
                {a.required && <Badge variant="outline">{t('campaign.activities.required')}</Badge>}
              </li>
            ))}
          </ul>
        )}
      </article>
    </BuilderPanel>
  );
}

type Preview = AdminOutputs['campaigns']['preview'];

/** Whether members see the campaign now (in which phase), and otherwise what still keeps it from them. */
function VisibilityNote({
  visible,
  phase,
  missing,
}: {
  visible: boolean;
  phase: Preview['campaign']['phase'];
  missing: Preview['missing'];
}) {
  const { t } = useTranslation('admin');
  return (
    <Alert variant={visible ? 'success' : 'warning'} role="status">
      {visible ? <Eye aria-hidden="true" /> : <EyeOff aria-hidden="true" />}
      <AlertTitle>
        {visible
          ? t('campaign.preview.visible', { phase: t(`campaign.preview.phases.${phase}`) })
          : t('campaign.preview.hidden')}
      </AlertTitle>
      {missing.length > 0 && (
        <AlertDescription>
          <p>{t('campaign.preview.missing')}</p>
          <ul className="list-disc pl-5">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </AlertDescription>
      )}
    </Alert>
  );
}
