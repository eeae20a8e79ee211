import { type TWalletChain, ZReferralCodeIssue } from '@puffy/contracts';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { useDocumentTitle } from '../../lib/document-title';
import { formatDateTime } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { Field } from './campaign-form';
import { PagedTable } from './paged-table';

/** `campaigns/:id/codes`: referral codes, the bypass allow-list and the Discord bot secret. */
export default function CodesPage() {
  useDocumentTitle('Codes · Admin');
  const campaignId = Number(useParams().id);
  return (
    <div>
      <IssueCodes campaignId={campaignId} />
      <Allowlist campaignId={campaignId} />
      <BotSecret campaignId={campaignId} />
    </div>
  );
}

function IssueCodes({ campaignId }: { campaignId: number }) {
  const [form, setForm] = useState({ type: 'limited', maxUses: '10', count: '1', level: '0', code: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const list = trpc.admin.codes.list.useInfiniteQuery(
    { campaignId },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  const issue = trpc.admin.codes.issue.useMutation({ onSuccess: () => void list.refetch() });
  const disable = trpc.admin.codes.disable.useMutation({ onSuccess: () => void list.refetch() });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <section className="card">
      <h1>Referral codes</h1>
      <form
        aria-label="Issue codes"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = ZReferralCodeIssue.safeParse({
            campaignId: form.type === 'gunlimited' ? undefined : campaignId,
            type: form.type,
            level: Number(form.level),
            maxUses: form.type === 'limited' ? Number(form.maxUses) : undefined,
            count: Number(form.count),
            code: form.code.trim() || undefined,
          });
          if (!parsed.success) {
            setProblem(parsed.error.issues[0]?.message ?? 'Check the form');
            return;
          }
          setProblem(null);
          issue.mutate(parsed.data);
        }}
      >
        <Field id="code-type" label="Type">
          <select id="code-type" value={form.type} onChange={set('type')}>
            <option value="limited">limited (max uses)</option>
            <option value="unlimited">unlimited</option>
            <option value="gunlimited">gunlimited (every campaign)</option>
          </select>
        </Field>
        {form.type === 'limited' && (
          <Field id="code-max" label="Max uses">
            <input id="code-max" value={form.maxUses} onChange={set('maxUses')} />
          </Field>
        )}
        <Field id="code-level" label="Level">
          <input id="code-level" value={form.level} onChange={set('level')} />
        </Field>
        <Field id="code-count" label="How many">
          <input id="code-count" value={form.count} onChange={set('count')} />
        </Field>
        <Field id="code-text" label="Chosen code (optional, one code)">
          <input id="code-text" value={form.code} onChange={set('code')} />
        </Field>
        {problem && (
          <p className="notice-error" role="alert">
            {problem}
          </p>
        )}
        {issue.error && <ErrorMessage error={issue.error} />}
        {issue.data && <p role="status">Issued {issue.data.length} code(s).</p>}
        <button type="submit" className="button" disabled={issue.isPending}>
          Issue
        </button>
      </form>
      <PagedTable
        caption="Referral codes"
        columns={['Code', 'Type', 'Level', 'Uses', '']}
        query={list}
        empty="No codes for this campaign yet."
        row={(c) => (
          <tr key={c.id}>
            <td>{c.code}</td>
            <td>{c.type}</td>
            <td>{c.level}</td>
            <td>
              {c.uses}
              {c.maxUses !== null ? ` / ${c.maxUses}` : ''}
            </td>
            <td>
              {c.disabledAt ? (
                'disabled'
              ) : (
                <button type="button" onClick={() => disable.mutate({ codeId: c.id })}>
                  Disable {c.code}
                </button>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}

function Allowlist({ campaignId }: { campaignId: number }) {
  const [chain, setChain] = useState<TWalletChain>('sol');
  const [text, setText] = useState('');
  const list = trpc.admin.allowlist.list.useQuery({ campaignId, limit: 100 });
  const add = trpc.admin.allowlist.add.useMutation({ onSuccess: () => void list.refetch() });
  const remove = trpc.admin.allowlist.remove.useMutation({ onSuccess: () => void list.refetch() });
  const entries = () =>
    text
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((address) => ({ chain, address }));
  return (
    <section className="card">
      <h2>Bypass allow-list</h2>
      <label htmlFor="allow-chain">Wallet family</label>
      <select id="allow-chain" value={chain} onChange={(e) => setChain(e.target.value as TWalletChain)}>
        <option value="sol">Solana</option>
        <option value="evm">EVM</option>
        <option value="ton">TON</option>
      </select>
      <label htmlFor="allow-addresses">Addresses (one per line)</label>
      <textarea id="allow-addresses" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="button" className="button" onClick={() => add.mutate({ campaignId, entries: entries() })}>
        Add
      </button>
      <button
        type="button"
        className="button"
        onClick={() => remove.mutate({ campaignId, entries: entries() })}
      >
        Remove
      </button>
      {(add.error ?? remove.error) && <ErrorMessage error={add.error ?? remove.error} />}
      {(add.data ?? remove.data) && <p role="status">{(add.data ?? remove.data)?.changed} changed.</p>}
      <ul aria-label="Allow-listed addresses">
        {(list.data?.items ?? []).map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
    </section>
  );
}

function BotSecret({ campaignId }: { campaignId: number }) {
  const status = trpc.admin.botSecret.status.useQuery({ campaignId });
  const [shown, setShown] = useState<string | null>(null);
  const after = (r: { secret: string }) => {
    setShown(r.secret);
    void status.refetch();
  };
  const create = trpc.admin.botSecret.create.useMutation({ onSuccess: after });
  const rotate = trpc.admin.botSecret.rotate.useMutation({ onSuccess: after });
  const revoke = trpc.admin.botSecret.revoke.useMutation({
    onSuccess: () => {
      setShown(null);
      void status.refetch();
    },
  });
  const hasActive = status.data?.secrets.some((s) => s.status === 'active') ?? false;
  return (
    <section className="card">
      <h2>Discord bot secret</h2>
      {shown && (
        <p role="status">
          New secret (shown once, copy it into the bot now): <code data-testid="bot-secret">{shown}</code>
        </p>
      )}
      <ul>
        {(status.data?.secrets ?? []).map((s) => (
          <li key={s.id}>
            {s.status}
            {s.graceUntil ? ` until ${formatDateTime(s.graceUntil)}` : ''} · created{' '}
            {formatDateTime(s.createdAt)}
          </li>
        ))}
      </ul>
      {hasActive ? (
        <button
          type="button"
          className="button"
          onClick={() => rotate.mutate({ campaignId, graceMinutes: 60 })}
        >
          Rotate (old one works 60 more minutes)
        </button>
      ) : (
        <button type="button" className="button" onClick={() => create.mutate({ campaignId })}>
          Create secret
        </button>
      )}
      <button type="button" className="button" onClick={() => revoke.mutate({ campaignId })}>
        Revoke all
      </button>
      {(create.error ?? rotate.error ?? revoke.error) && (
        <ErrorMessage error={create.error ?? rotate.error ?? revoke.error} />
      )}
    </section>
  );
}
