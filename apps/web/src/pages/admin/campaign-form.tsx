import {
  type TAdminCampaign,
  type TAdminCampaignFields,
  type TEligibilityMethod,
  type TNetwork,
  ZAdminCampaignFields,
  ZEligibilityMethod,
  ZNetwork,
} from '@puffy/contracts';
import { useState } from 'react';
import { ErrorMessage } from '../../components/error-message';

interface FormState {
  slug: string;
  name: string;
  description: string;
  collectionAddress: string;
  collectionName: string;
  network: TNetwork;
  startAt: string;
  endAt: string;
  limit: string;
  image: string;
  nftGasFeeSol: string;
  methods: Partial<Record<TEligibilityMethod, { collectionAddress: string; minLevel: string }>>;
}

const HOLDER = new Set<string>(ZNetwork.options);
const REFERRAL = new Set<string>(['referral', 'c_referral']);

/** datetime-local in UTC: what the operator types is what the server stores. */
const toLocal = (iso: string | null) => (iso ? iso.slice(0, 16) : '');
const toIso = (local: string) => (local ? `${local}:00.000Z` : null);

function stateFrom(c: TAdminCampaign | null): FormState {
  return {
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
    methods: Object.fromEntries(
      (c?.methods ?? []).map((m) => [
        m.method,
        {
          collectionAddress: typeof m.config.collectionAddress === 'string' ? m.config.collectionAddress : '',
          minLevel: typeof m.config.minLevel === 'number' ? String(m.config.minLevel) : '',
        },
      ]),
    ),
  };
}

function fieldsFrom(s: FormState): unknown {
  return {
    slug: s.slug,
    name: s.name,
    description: s.description || null,
    collectionAddress: s.collectionAddress || null,
    collectionName: s.collectionName || null,
    network: s.network,
    startAt: toIso(s.startAt),
    endAt: toIso(s.endAt),
    limit: s.limit ? Number(s.limit) : null,
    media: s.image ? { image: s.image } : {},
    nftGasFeeSol: s.nftGasFeeSol,
    methods: Object.entries(s.methods).map(([method, data]) => {
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
  const [state, setState] = useState(() => stateFrom(props.campaign));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const text = (
    key: 'slug' | 'name' | 'collectionAddress' | 'collectionName' | 'limit' | 'image' | 'nftGasFeeSol',
    label: string,
  ) => (
    <Field id={`campaign-${key}`} label={label} problem={problems[key === 'image' ? 'media.image' : key]}>
      <input id={`campaign-${key}`} value={state[key]} onChange={(e) => set(key, e.target.value)} />
    </Field>
  );
  const setMethod = (m: TEligibilityMethod, value: { collectionAddress: string; minLevel: string } | null) =>
    setState((s) => {
      const methods = { ...s.methods };
      if (value) methods[m] = value;
      else delete methods[m];
      return { ...s, methods };
    });
  const methodKeys = Object.keys(state.methods);

  return (
    <form
      aria-label="Campaign"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = ZAdminCampaignFields.safeParse(fieldsFrom(state));
        if (!parsed.success) {
          const found: Record<string, string> = {};
          for (const issue of parsed.error.issues) {
            const [head, index, ...rest] = issue.path.map(String);
            // Method issues point at the method by name, the way the form shows it.
            const key =
              head === 'methods'
                ? `methods.${methodKeys[Number(index)]}.${rest.at(-1)}`
                : issue.path.join('.');
            found[key] ??= issue.message;
          }
          setProblems(found);
          return;
        }
        setProblems({});
        props.onSave(parsed.data);
      }}
    >
      {text('name', 'Name')}
      {text('slug', 'Slug (in the address)')}
      <Field id="campaign-description" label="Description">
        <textarea
          id="campaign-description"
          value={state.description}
          onChange={(e) => set('description', e.target.value)}
        />
      </Field>
      <Field id="campaign-network" label="Network">
        <select
          id="campaign-network"
          value={state.network}
          onChange={(e) => set('network', e.target.value as TNetwork)}
        >
          {ZNetwork.options.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </Field>
      {text('collectionAddress', 'Collection address')}
      {text('collectionName', 'Collection name')}
      <Field id="campaign-start" label="Starts (UTC)" problem={problems.startAt}>
        <input
          id="campaign-start"
          type="datetime-local"
          value={state.startAt}
          onChange={(e) => set('startAt', e.target.value)}
        />
      </Field>
      <Field id="campaign-end" label="Ends (UTC)" problem={problems.endAt}>
        <input
          id="campaign-end"
          type="datetime-local"
          value={state.endAt}
          onChange={(e) => set('endAt', e.target.value)}
        />
      </Field>
      {text('limit', 'Most eligible members (empty: no limit)')}
      {text('image', 'Image URL (https, allowed host)')}
      {text('nftGasFeeSol', 'NFT gas fee (SOL)')}
      <fieldset>
        <legend>Eligibility methods (any one suffices)</legend>
        {problems.methods && <p className="notice-error">{problems.methods}</p>}
        {ZEligibilityMethod.options.map((m) => {
          const data = state.methods[m];
          return (
            <div key={m}>
              <label>
                <input
                  type="checkbox"
                  checked={data !== undefined}
                  onChange={(e) =>
                    setMethod(m, e.target.checked ? { collectionAddress: '', minLevel: '' } : null)
                  }
                />{' '}
                {m}
              </label>
              {data && HOLDER.has(m) && (
                <Field
                  id={`method-${m}-collection`}
                  label={`${m} collection address`}
                  problem={problems[`methods.${m}.collectionAddress`]}
                >
                  <input
                    id={`method-${m}-collection`}
                    value={data.collectionAddress}
                    onChange={(e) => setMethod(m, { ...data, collectionAddress: e.target.value })}
                  />
                </Field>
              )}
              {data && REFERRAL.has(m) && (
                <Field
                  id={`method-${m}-level`}
                  label={`${m} minimum code level`}
                  problem={problems[`methods.${m}.minLevel`]}
                >
                  <input
                    id={`method-${m}-level`}
                    value={data.minLevel}
                    onChange={(e) => setMethod(m, { ...data, minLevel: e.target.value })}
                  />
                </Field>
              )}
            </div>
          );
        })}
      </fieldset>
      {props.error ? <ErrorMessage error={props.error} /> : null}
      <button type="submit" className="button" disabled={props.saving}>
        {props.saving ? 'Saving…' : 'Save campaign'}
      </button>
    </form>
  );
}

export function Field(props: { id: string; label: string; problem?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.problem && (
        <p className="notice-error" role="alert" id={`${props.id}-problem`}>
          {props.problem}
        </p>
      )}
    </div>
  );
}
