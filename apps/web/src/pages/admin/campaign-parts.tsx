import {
  type TActivityKind,
  type TAdminCampaignDetail,
  type TNetwork,
  ZActivityKind,
  ZNetwork,
  ZPromotionFields,
} from '@puffy/contracts';
import { Trash2 } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card, CardDescription, CardHeader, CardTitle } from '../../components/ui/card';
import { formatNumber, networkName } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { CheckedForm } from './checked-form';
import { RowAction } from './controls';
import { FieldTable, FormCheckbox } from './field-table';
import { useTaskSettings } from './task-settings';

type Promotion = TAdminCampaignDetail['promotions'][number];

/** A panel of the campaign builder: a card with its title and what it is for. */
export function BuilderPanel(props: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card as="section" aria-label={props.title}>
      <CardHeader>
        <CardTitle>{props.title}</CardTitle>
        {props.description && <CardDescription>{props.description}</CardDescription>}
      </CardHeader>
      {props.children}
    </Card>
  );
}

const PROMOTION_KEYS = [
  'name',
  'symbol',
  'description',
  'image',
  'collectionAddress',
  'network',
  'royaltyPercent',
] as const;

/** The NFT members claim: name, symbol, description, image, collection, royalty. */
export function PromotionPanel(props: { campaignId: number; promotions: Promotion[]; onSaved: () => void }) {
  const { t } = useTranslation('admin');
  const existing = props.promotions[0];
  const [form, setForm] = useState({
    name: existing?.name ?? '',
    symbol: existing?.symbol ?? '',
    description: existing?.description ?? '',
    image: existing?.media.image ?? '',
    collectionAddress: existing?.collectionAddress ?? '',
    network: existing?.network ?? ('sol' as TNetwork),
    royaltyPercent: existing?.royaltyPercent ?? '5.5',
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = trpc.admin.campaigns.savePromotion.useMutation({ onSuccess: props.onSaved });
  const rows = PROMOTION_KEYS.map((key) => ({
    key,
    label: t(`campaign.promotion.fields.${key}`),
    kind:
      key === 'description' ? ('long' as const) : key === 'royaltyPercent' ? ('number' as const) : undefined,
    options:
      key === 'network' ? ZNetwork.options.map((n) => ({ value: n, label: networkName(n) })) : undefined,
  }));
  return (
    <BuilderPanel title={t('campaign.promotion.title')} description={t('campaign.promotion.description')}>
      <CheckedForm
        label={t('campaign.promotion.label')}
        schema={ZPromotionFields}
        read={() => ({
          ...form,
          description: form.description || null,
          collectionAddress: form.collectionAddress || null,
        })}
        send={(fields) => save.mutate({ campaignId: props.campaignId, promotionId: existing?.id, fields })}
        show={setProblems}
      >
        <FieldTable idPrefix="promotion" rows={rows} state={[form, setForm]} problems={problems} />
        {save.error && <ErrorMessage error={save.error} />}
        <Button type="submit" className="self-start" disabled={save.isPending}>
          {existing ? t('campaign.promotion.save') : t('campaign.promotion.add')}
        </Button>
      </CheckedForm>
    </BuilderPanel>
  );
}

/** Activities of the campaign with their points and whether they are required. */
export function ActivitiesPanel(props: {
  campaignId: number;
  activities: TAdminCampaignDetail['activities'];
  onSaved: () => void;
}) {
  const { t } = useTranslation('admin');
  const [form, setForm] = useState({ kind: 'link_x' as string, name: '', points: '0' });
  const [required, setRequired] = useState(false);
  const task = useTaskSettings(form.kind);
  const save = trpc.admin.campaigns.saveActivity.useMutation({
    onSuccess: () => {
      task.reset();
      props.onSaved();
    },
  });
  const remove = trpc.admin.campaigns.removeActivity.useMutation({ onSuccess: props.onSaved });
  const points = Number(form.points);
  const pointsProblem =
    Number.isInteger(points) && points >= 0 ? undefined : t('campaign.activities.pointsProblem');
  const rows = [
    {
      key: 'kind',
      label: t('campaign.activities.kind'),
      options: ZActivityKind.options.map((k) => ({ value: k, label: t(`activityKinds.${k}`) })),
    },
    { key: 'name', label: t('campaign.activities.name') },
    { key: 'points', label: t('campaign.activities.pointsLabel'), kind: 'number' },
  ] as const;
  return (
    <BuilderPanel title={t('campaign.activities.title')} description={t('campaign.activities.description')}>
      {props.activities.length === 0 ? (
        <p className="text-muted-foreground text-sm">{t('campaign.activities.empty')}</p>
      ) : (
        <ul className="flex flex-col divide-y rounded-lg border">
          {props.activities.map((a) => (
            <li key={a.activityId} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2.5">
              <span className="min-w-0 flex-1">
                <span className="block font-medium">{a.name}</span>
                <span className="text-muted-foreground text-xs">
                  {t(`activityKinds.${a.kind}`)} ·{' '}
                  {t('campaign.activities.points', { count: a.points, points: formatNumber(a.points) })}
                </span>
              </span>
              {a.required && <Badge variant="outline">{t('campaign.activities.required')}</Badge>}
              <RowAction
                variant="outline"
                icon={Trash2}
                label={t('campaign.activities.remove')}
                name={t('campaign.activities.removeNamed', { name: a.name })}
                onClick={() => remove.mutate({ campaignId: props.campaignId, activityId: a.activityId })}
              />
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label={t('campaign.activities.addLabel')}
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (pointsProblem || !form.name.trim() || !task.parameter) return;
          save.mutate({
            campaignId: props.campaignId,
            activity: { kind: form.kind as TActivityKind, name: form.name, parameter: task.parameter },
            points,
            required,
          });
        }}
      >
        <FieldTable
          idPrefix="activity"
          rows={rows}
          state={[form, setForm]}
          problems={{ points: pointsProblem }}
        />
        {task.fields && <div className="grid items-start gap-4 sm:grid-cols-2">{task.fields}</div>}
        {task.problem && <p className="text-muted-foreground text-sm">{task.problem}</p>}
        <FormCheckbox
          id="activity-required"
          label={t('campaign.activities.required')}
          checked={required}
          onChange={setRequired}
        />
        {(save.error ?? remove.error) && <ErrorMessage error={save.error ?? remove.error} />}
        <Button type="submit" className="self-start" disabled={save.isPending}>
          {t('campaign.activities.add')}
        </Button>
      </form>
    </BuilderPanel>
  );
}
