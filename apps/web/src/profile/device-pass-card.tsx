import type { TDevicePass } from '@puffy/contracts';
import { Ticket } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message';
import { SkeletonText } from '../components/skeleton';
import { Badge } from '../components/ui/badge';
import { Button } from '../components/ui/button';
import { toast } from '../components/ui/toast-queue';
import { formatDate } from '../lib/intl';
import { trpc } from '../lib/trpc';
import { CopyButton } from './copy-button';
import { ProfilePanel } from './profile-panel';

const STATUS_VARIANT = { active: 'success', used: 'secondary', revoked: 'destructive' } as const;

function PassRow({ pass }: { pass: TDevicePass }) {
  const { t } = useTranslation('profile');
  return (
    <li
      className="flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-lg border px-3 py-2.5"
      data-status={pass.status}
    >
      <code className="break-all font-mono text-sm" data-testid="pass-code">
        {pass.code}
      </code>
      <Badge variant={STATUS_VARIANT[pass.status]}>{t(`passes.status.${pass.status}`)}</Badge>
      <span className="text-muted-foreground text-xs">
        {pass.usedAt
          ? pass.usedByOther
            ? t('passes.usedByOther')
            : t('passes.usedOn', { date: formatDate(pass.usedAt) })
          : t('passes.createdOn', { date: formatDate(pass.createdAt) })}
      </span>
      {pass.status === 'active' && (
        <CopyButton
          value={pass.code}
          label={t('passes.copy')}
          copied={t('passes.copied')}
          className="ml-auto"
        />
      )}
    </li>
  );
}

/** The member's device passes (device.pass.summary) and, while one is due, the button that issues it. */
export function DevicePassCard() {
  const { t } = useTranslation('profile');
  const utils = trpc.useUtils();
  const summary = trpc.device.pass.summary.useQuery();
  const create = trpc.device.pass.create.useMutation({
    onSuccess: (pass) => {
      toast({ title: t('passes.created'), description: pass.code, variant: 'success' });
      void utils.device.pass.summary.invalidate();
    },
  });
  return (
    <ProfilePanel section="passes" icon={Ticket} withLead>
      {summary.isPending && <SkeletonText lines={2} label={t('passes.loading')} />}
      {summary.isError && <ErrorMessage error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.data && (
        <>
          <p className="text-sm" data-testid="passes-entitled">
            {summary.data.entitled === 0
              ? t('passes.none')
              : `${t('passes.entitled', { count: summary.data.entitled })} ${
                  summary.data.available > 0 ? t('passes.available', { count: summary.data.available }) : ''
                }`.trim()}
          </p>
          {summary.data.passes.length > 0 && (
            <ul className="grid gap-2">
              {summary.data.passes.map((pass) => (
                <PassRow key={pass.code} pass={pass} />
              ))}
            </ul>
          )}
          {summary.data.available > 0 && (
            <Button className="self-start" disabled={create.isPending} onClick={() => create.mutate()}>
              {create.isPending ? t('passes.creating') : t('passes.create')}
            </Button>
          )}
          {create.isError && <ErrorMessage error={create.error} />}
        </>
      )}
    </ProfilePanel>
  );
}
