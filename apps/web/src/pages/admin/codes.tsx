import {
  type TReferralCodeType,
  ZReferralCodeIssue,
  ZReferralCodeType,
  ZWalletChain,
} from '@puffy/contracts';
import { ArrowLeft, Ban, KeyRound } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { Alert, AlertDescription, AlertTitle } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { TableCell, TableRow } from '../../components/ui/table';
import { chainName, formatDateTime, formatNumber } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { AdminPage } from './admin-page';
import { BuilderPanel } from './campaign-parts';
import { CheckedForm } from './checked-form';
import { DoneNote, LinkButton, RowAction } from './controls';
import { FieldTable } from './field-table';
import { PagedTable } from './paged-table';

/** `campaigns/:id/codes`: referral codes, the bypass allow-list and the Discord bot secret. */
export default function CodesPage() {
  const { t } = useTranslation('admin');
  const campaignId = Number(useParams().id);
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <AdminPage
        title={t('codes.title')}
        description={t('codes.description')}
        action={
          <LinkButton to={`/admin/campaigns/${campaignId}`} icon={ArrowLeft} variant="outline" size="sm">
            {t('codes.back')}
          </LinkButton>
        }
      >
        <IssueCodes campaignId={campaignId} />
      </AdminPage>
      <Allowlist campaignId={campaignId} />
      <BotSecret campaignId={campaignId} />
    </div>
  );
}

const CODE_FIELDS = ['type', 'maxUses', 'level', 'count', 'code'] as const;
const CODE_COLUMNS = ['code', 'type', 'level', 'uses'] as const;

function IssueCodes({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation('admin');
  const [form, setForm] = useState({ type: 'limited', maxUses: '10', count: '1', level: '0', code: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const list = trpc.admin.codes.list.useInfiniteQuery(
    { campaignId },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  const issue = trpc.admin.codes.issue.useMutation({ onSuccess: () => void list.refetch() });
  const disable = trpc.admin.codes.disable.useMutation({ onSuccess: () => void list.refetch() });
  // "Most uses" only means something for a limited code.
  const rows = CODE_FIELDS.filter((key) => key !== 'maxUses' || form.type === 'limited').map((key) =>
    key === 'type'
      ? {
          key,
          label: t('codes.type'),
          options: ZReferralCodeType.options.map((v) => ({ value: v, label: t(`codes.types.${v}`) })),
        }
      : { key, label: t(`codes.fields.${key}`), kind: key === 'code' ? undefined : ('number' as const) },
  );
  return (
    <div className="flex min-w-0 flex-col gap-5">
      <CheckedForm
        label={t('codes.issueLabel')}
        schema={ZReferralCodeIssue}
        read={() => ({
          campaignId: form.type === 'gunlimited' ? undefined : campaignId,
          type: form.type,
          level: Number(form.level),
          maxUses: form.type === 'limited' ? Number(form.maxUses) : undefined,
          count: Number(form.count),
          code: form.code.trim() || undefined,
        })}
        send={(input) => issue.mutate(input)}
        // The form shows one problem at a time, the first the schema found.
        show={(problems) => setProblem(Object.values(problems)[0] ?? null)}
      >
        <FieldTable idPrefix="code" rows={rows} state={[form, setForm]} />
        {problem && (
          <Alert variant="destructive" role="alert">
            <AlertTitle>{problem}</AlertTitle>
          </Alert>
        )}
        {issue.error && <ErrorMessage error={issue.error} />}
        {issue.data && <DoneNote>{t('codes.issued', { count: issue.data.length })}</DoneNote>}
        <Button type="submit" className="self-start" disabled={issue.isPending}>
          <KeyRound aria-hidden="true" />
          {t('codes.issue')}
        </Button>
      </CheckedForm>
      <PagedTable
        caption={t('codes.caption')}
        columns={[...CODE_COLUMNS.map((c) => t(`codes.${c}`)), '']}
        query={list}
        empty={t('codes.empty')}
        row={(c) => (
          <TableRow key={c.id}>
            <TableCell className="font-mono text-xs">{c.code}</TableCell>
            <TableCell>{t(`codes.typeNames.${c.type as TReferralCodeType}`)}</TableCell>
            <TableCell>{formatNumber(c.level)}</TableCell>
            <TableCell className="whitespace-nowrap">
              {c.maxUses !== null
                ? `${formatNumber(c.uses)} / ${formatNumber(c.maxUses)}`
                : formatNumber(c.uses)}
            </TableCell>
            <TableCell className="text-right">
              {c.disabledAt ? (
                <Badge variant="outline">{t('codes.disabled')}</Badge>
              ) : (
                <RowAction
                  variant="outline"
                  icon={Ban}
                  label={t('codes.disable')}
                  name={t('codes.disableNamed', { code: c.code })}
                  onClick={() => disable.mutate({ codeId: c.id })}
                />
              )}
            </TableCell>
          </TableRow>
        )}
      />
    </div>
  );
}

function Allowlist({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation('admin');
  const [form, setForm] = useState({ chain: 'sol', addresses: '' });
  const rows = [
    {
      key: 'chain',
      label: t('codes.chain'),
      options: ZWalletChain.options.map((c) => ({ value: c, label: chainName(c) })),
    },
    { key: 'addresses', label: t('codes.addresses'), kind: 'long' },
  ] as const;
  const list = trpc.admin.allowlist.list.useQuery({ campaignId, limit: 100 });
  const add = trpc.admin.allowlist.add.useMutation({ onSuccess: () => void list.refetch() });
  const remove = trpc.admin.allowlist.remove.useMutation({ onSuccess: () => void list.refetch() });
  // The family is one of the select's options; the schema checks it again on sending.
  const entries = () =>
    form.addresses
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((address) => ({ chain: ZWalletChain.parse(form.chain), address }));
  const changed = (add.data ?? remove.data)?.changed;
  const listed = list.data?.items ?? [];
  return (
    <BuilderPanel title={t('codes.allowTitle')} description={t('codes.allowDescription')}>
      <FieldTable idPrefix="allow" rows={rows} state={[form, setForm]} />
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => add.mutate({ campaignId, entries: entries() })}>{t('codes.add')}</Button>
        <Button variant="outline" onClick={() => remove.mutate({ campaignId, entries: entries() })}>
          {t('codes.remove')}
        </Button>
      </div>
      {(add.error ?? remove.error) && <ErrorMessage error={add.error ?? remove.error} />}
      {changed !== undefined && <DoneNote>{t('codes.changed', { count: changed })}</DoneNote>}
      {listed.length === 0 ? (
        <p className="text-muted-foreground text-sm">{t('codes.noneListed')}</p>
      ) : (
        <ul aria-label={t('codes.listed')} className="flex flex-col divide-y rounded-lg border text-xs">
          {listed.map((a) => (
            <li key={a} className="break-all px-3 py-2 font-mono">
              {a}
            </li>
          ))}
        </ul>
      )}
    </BuilderPanel>
  );
}

const SECRET_BADGE = { active: 'success', grace: 'warning', revoked: 'outline' } as const;

function BotSecret({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation('admin');
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
  const secrets = status.data?.secrets ?? [];
  const hasActive = secrets.some((s) => s.status === 'active');
  const error = create.error ?? rotate.error ?? revoke.error;
  return (
    <BuilderPanel title={t('codes.botTitle')} description={t('codes.botDescription')}>
      {shown && (
        <Alert variant="warning" role="status">
          <KeyRound aria-hidden="true" />
          <AlertTitle>{t('codes.newSecret')}</AlertTitle>
          <AlertDescription>
            <code data-testid="bot-secret" className="break-all font-mono text-foreground text-xs">
              {shown}
            </code>
          </AlertDescription>
        </Alert>
      )}
      {secrets.length === 0 ? (
        <p className="text-muted-foreground text-sm">{t('codes.noSecrets')}</p>
      ) : (
        <ul className="flex flex-col gap-1.5 text-sm">
          {secrets.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2">
              <Badge variant={SECRET_BADGE[s.status]}>{t(`codes.secretStates.${s.status}`)}</Badge>
              {s.graceUntil && <span>{t('codes.until', { when: formatDateTime(s.graceUntil) })}</span>}
              <span className="text-muted-foreground">
                {t('codes.created', { when: formatDateTime(s.createdAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        {hasActive ? (
          <Button onClick={() => rotate.mutate({ campaignId, graceMinutes: 60 })}>{t('codes.rotate')}</Button>
        ) : (
          <Button onClick={() => create.mutate({ campaignId })}>{t('codes.create')}</Button>
        )}
        <Button variant="destructive" onClick={() => revoke.mutate({ campaignId })}>
          {t('codes.revokeAll')}
        </Button>
      </div>
      {error && <ErrorMessage error={error} />}
    </BuilderPanel>
  );
}
