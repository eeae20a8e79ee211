import {
  type TActivityKind,
  type TAdminCampaignDetail,
  type TNetwork,
  ZActivityKind,
  ZNetwork,
  ZPromotionFields,
} from '@puffy/contracts';
import { useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { trpc } from '../../lib/trpc';
import { Field } from './campaign-form';

type Promotion = TAdminCampaignDetail['promotions'][number];

/** The NFT members claim: name, symbol, description, image, collection, royalty. */
export function PromotionPanel(props: { campaignId: number; promotions: Promotion[]; onSaved: () => void }) {
  const existing = props.promotions[0];
  const [form, setForm] = useState({
    name: existing?.name ?? '',
    symbol: existing?.symbol ?? '',
    description: existing?.description ?? '',
    image: existing?.media.image ?? '',
    collectionAddress: existing?.collectionAddress ?? '',
    network: (existing?.network ?? 'sol') as TNetwork,
    royaltyPercent: existing?.royaltyPercent ?? '5.5',
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = trpc.admin.campaigns.savePromotion.useMutation({ onSuccess: props.onSaved });
  const input = (
    key: 'name' | 'symbol' | 'description' | 'image' | 'collectionAddress' | 'royaltyPercent',
    label: string,
  ) => (
    <Field id={`promotion-${key}`} label={label} problem={problems[key]}>
      <input
        id={`promotion-${key}`}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </Field>
  );
  return (
    <section className="card">
      <h2>Promotion (NFT)</h2>
      <form
        aria-label="Promotion"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = ZPromotionFields.safeParse({
            ...form,
            description: form.description || null,
            collectionAddress: form.collectionAddress || null,
          });
          if (!parsed.success) {
            setProblems(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
            return;
          }
          setProblems({});
          save.mutate({ campaignId: props.campaignId, promotionId: existing?.id, fields: parsed.data });
        }}
      >
        {input('name', 'NFT name')}
        {input('symbol', 'Symbol')}
        {input('description', 'Description')}
        {input('image', 'Image URL (https, allowed host)')}
        {input('collectionAddress', 'Collection address')}
        <Field id="promotion-network" label="Network">
          <select
            id="promotion-network"
            value={form.network}
            onChange={(e) => setForm({ ...form, network: e.target.value as TNetwork })}
          >
            {ZNetwork.options.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </Field>
        {input('royaltyPercent', 'Royalty (%)')}
        {save.error && <ErrorMessage error={save.error} />}
        <button type="submit" className="button" disabled={save.isPending}>
          {existing ? 'Save promotion' : 'Add promotion'}
        </button>
      </form>
    </section>
  );
}

/** Activities of the campaign with their points and whether they are required. */
export function ActivitiesPanel(props: {
  campaignId: number;
  activities: TAdminCampaignDetail['activities'];
  onSaved: () => void;
}) {
  const [form, setForm] = useState({
    kind: 'link_x' as TActivityKind,
    name: '',
    points: '0',
    required: false,
  });
  const save = trpc.admin.campaigns.saveActivity.useMutation({ onSuccess: props.onSaved });
  const remove = trpc.admin.campaigns.removeActivity.useMutation({ onSuccess: props.onSaved });
  const points = Number(form.points);
  const pointsProblem =
    Number.isInteger(points) && points >= 0 ? undefined : 'Points are a whole number, 0 or more';
  return (
    <section className="card">
      <h2>Activities</h2>
      <ul>
        {props.activities.map((a) => (
          <li key={a.activityId}>
            {a.name} ({a.kind}) · {a.points} points{a.required ? ' · required' : ''}{' '}
            <button
              type="button"
              onClick={() => remove.mutate({ campaignId: props.campaignId, activityId: a.activityId })}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        aria-label="Add activity"
        onSubmit={(e) => {
          e.preventDefault();
          if (pointsProblem || !form.name.trim()) return;
          save.mutate({
            campaignId: props.campaignId,
            activity: { kind: form.kind, name: form.name },
            points,
            required: form.required,
          });
        }}
      >
        <Field id="activity-kind" label="Kind">
          <select
            id="activity-kind"
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.target.value as TActivityKind })}
          >
            {ZActivityKind.options.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </Field>
        <Field id="activity-name" label="Activity name">
          <input
            id="activity-name"
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </Field>
        <Field id="activity-points" label="Points" problem={pointsProblem}>
          <input
            id="activity-points"
            value={form.points}
            onChange={(e) => setForm({ ...form, points: e.target.value })}
          />
        </Field>
        <label>
          <input
            type="checkbox"
            checked={form.required}
            onChange={(e) => setForm({ ...form, required: e.target.checked })}
          />{' '}
          Required
        </label>
        {(save.error ?? remove.error) && <ErrorMessage error={save.error ?? remove.error} />}
        <button type="submit" className="button" disabled={save.isPending}>
          Add activity
        </button>
      </form>
    </section>
  );
}
