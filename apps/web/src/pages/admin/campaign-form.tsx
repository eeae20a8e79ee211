import {
  type TAdminCampaign,
  type TAdminCampaignFields,
  type TEligibilityMethod,
  ZAdminCampaignFields,
  ZEligibilityMethod,
  ZNetwork,
} from '@puffy/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { Button } from '../../components/ui/button';
import { FormField } from '../../components/ui/form-field';
import { Input } from '../../components/ui/input';
import { networkName } from '../../lib/format';
import { issueInWords } from '../../lib/issue-words';
import { announced, type FieldRow, FieldTable, FormCheckbox } from './field-table';

const FIELD_KEYS = [
  'name',
  'slug',
  'description',
  'network',
  'collectionAddress',
  'collectionName',
  'startAt',
  'endAt',
  'limit',
  'image',
  'nftGasFeeSol',
] as const;
type FieldKey = (typeof FIELD_KEYS)[number];
const KIND: Partial<Record<FieldKey, FieldRow<FieldKey>['kind']>> = {
  description: 'long',
  startAt: 'datetime',
  endAt: 'datetime',
  limit: 'number',
  nftGasFeeSol: 'number',
};

type MethodData = { collectionAddress: string; minLevel: string };
interface FormState {
  fields: Record<FieldKey, string>;
  methods: Partial<Record<TEligibilityMethod, MethodData>>;
}

const HOLDER = new Set<string>(ZNetwork.options);
const REFERRAL = new Set<string>(['referral', 'c_referral']);

/** datetime-local in UTC: what the operator types is what the server stores. */
const toLocal = (iso: string | null) => (iso ? iso.slice(0, 16) : '');
const toIso = (local: string) => (local ? `${local}:00.000Z` : null);

function stateFrom(c: TAdminCampaign | null): FormState {
  return {
    fields: {
      slug: c?.slug ?? '',
      name: c?.name ?? '',
      description: c?.description ?? '',
      collectionAddress: c?.collectionAddress ?? '',
      collectionName: c?.collectionName ?? '',
      network: c?.network ?? 'sol',
      startAt: toLocal(c?.startAt ?? null),
      endAt: toLocal(c?.endAt ?? null),
      limit: c?.limit ? String(c.limit) : '',
      image: c?.media.image ?? '',
      nftGasFeeSol: c?.nftGasFeeSol ?? '',
    },
    methods: Object.fromEntries(
      (c?.methods ?? []).map(({ method, config }) => [
        method,
        {
          collectionAddress: typeof config.collectionAddress === 'string' ? config.collectionAddress : '',
          minLevel: typeof config.minLevel === 'number' ? String(config.minLevel) : '',
        },
      ]),
    ),
  };
}

function fieldsFrom({ fields: f, methods }: FormState): unknown {
  return {
    slug: f.slug,
    name: f.name,
    description: f.description || null,
    collectionAddress: f.collectionAddress || null,
    collectionName: f.collectionName || null,
    network: f.network,
    startAt: toIso(f.startAt),
    endAt: toIso(f.endAt),
    limit: f.limit ? Number(f.limit) : null,
    media: f.image ? { image: f.image } : {},
    nftGasFeeSol: f.nftGasFeeSol,
    methods: Object.entries(methods).map(([method, data]) => {
      const config: Record<string, unknown> = {};
      if (HOLDER.has(method) && data?.collectionAddress) config.collectionAddress = data.collectionAddress;
      if (REFERRAL.has(method) && data?.minLevel) config.minLevel = Number(data.minLevel);
      return { method, config };
    }),
  };
}

/**
 * The campaign's own fields, checked with the schema the server applies, so "end before start",
 * "gas fee is not a number" and "a method without its data" show beside the field before saving.
 */
export function CampaignForm(props: {
  campaign: TAdminCampaign | null;
  saving: boolean;
  error: unknown;
  onSave: (fields: TAdminCampaignFields) => void;
}) {
  const { t } = useTranslation('admin');
  const [fields, setFields] = useState(() => stateFrom(props.campaign).fields);
  const [methods, setMethods] = useState(() => stateFrom(props.campaign).methods);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const setMethod = (m: TEligibilityMethod, value: MethodData | null) =>
    setMethods((current) => {
      const next = { ...current };
      if (value) next[m] = value;
      else delete next[m];
      return next;
    });
  const methodKeys = Object.keys(methods) as TEligibilityMethod[];
  const rows = FIELD_KEYS.map((key) => ({
    key,
    label: t(`campaign.form.fields.${key}`),
    kind: KIND[key],
    options:
      key === 'network' ? ZNetwork.options.map((n) => ({ value: n, label: networkName(n) })) : undefined,
  }));

  const check = () => {
    const parsed = ZAdminCampaignFields.safeParse(fieldsFrom({ fields, methods }));
    if (parsed.success) return parsed.data;
    const found: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const [head, index, ...rest] = issue.path.map(String);
      const field = rest.at(-1);
      if (head === 'methods') {
        // Method issues point at the method by name, the way the form shows it, in the operator's words.
        const method = methodKeys[Number(index)] ?? 'sol';
        found[`methods.${method}.${field}`] ??=
          field === 'collectionAddress'
            ? t('campaign.form.needsCollection', {
                method: t(`methods.${method}`),
                network: networkName(fields.network),
              })
            : issueInWords(issue);
      } else found[head === 'media' ? 'image' : issue.path.join('.')] ??= issueInWords(issue);
    }
    setProblems(found);
    return null;
  };

  return (
    <form
      aria-label={t('campaign.form.label')}
      className="flex flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        const fields = check();
        if (!fields) return;
        setProblems({});
        props.onSave(fields);
      }}
    >
      <FieldTable idPrefix="campaign" rows={rows} state={[fields, setFields]} problems={problems} />
      <fieldset className="flex min-w-0 flex-col gap-3 rounded-lg border p-4">
        <legend className="px-1 font-medium text-sm">{t('campaign.form.methods')}</legend>
        {problems.methods && <p className="text-destructive text-sm">{problems.methods}</p>}
        <div className="grid gap-3 sm:grid-cols-2">
          {ZEligibilityMethod.options.map((m) => (
            <MethodChoice
              key={m}
              method={m}
              data={methods[m]}
              problems={problems}
              onChange={(value) => setMethod(m, value)}
            />
          ))}
        </div>
      </fieldset>
      {props.error ? <ErrorMessage error={props.error} /> : null}
      <Button type="submit" className="self-start" disabled={props.saving}>
        {props.saving ? t('campaign.form.saving') : t('campaign.form.save')}
      </Button>
    </form>
  );
}

/** One eligibility method: its switch, and the setting it needs once chosen (collection or level). */
function MethodChoice({
  method,
  data,
  problems,
  onChange,
}: {
  method: TEligibilityMethod;
  data: MethodData | undefined;
  problems: Record<string, string>;
  onChange: (value: MethodData | null) => void;
}) {
  const { t } = useTranslation('admin');
  const name = t(`methods.${method}`);
  const setting = !data
    ? null
    : HOLDER.has(method)
      ? ({ key: 'collectionAddress', label: t('campaign.form.methodCollection', { method: name }) } as const)
      : REFERRAL.has(method)
        ? ({ key: 'minLevel', label: t('campaign.form.methodLevel', { method: name }) } as const)
        : null;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <FormCheckbox
        id={`method-${method}`}
        label={name}
        checked={data !== undefined}
        onChange={(on) => onChange(on ? { collectionAddress: '', minLevel: '' } : null)}
      />
      {data && setting && (
        <FormField label={setting.label} error={announced(problems[`methods.${method}.${setting.key}`])}>
          <Input
            id={`method-${method}-${setting.key}`}
            value={data[setting.key]}
            inputMode={setting.key === 'minLevel' ? 'numeric' : undefined}
            onChange={(e) => onChange({ ...data, [setting.key]: e.target.value })}
          />
        </FormField>
      )}
    </div>
  );
}
