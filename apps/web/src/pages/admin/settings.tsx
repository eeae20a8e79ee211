import { ZMediaHosts } from '@puffy/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonText } from '../../components/skeleton';
import { Button } from '../../components/ui/button';
import { issueInWords } from '../../lib/issue-words';
import { trpc } from '../../lib/trpc';
import { AdminPage } from './admin-page';
import { DoneNote } from './controls';
import { FieldTable } from './field-table';

/** The hosts as the form edits them: one per line. */
const asForm = (hosts: string[]) => ({ hosts: hosts.join('\n') });

/** Hosts admin-entered media may come from (campaign and NFT images); one per line. */
export default function SettingsPage() {
  const { t } = useTranslation('admin');
  const current = trpc.admin.settings.mediaHosts.useQuery();
  const utils = trpc.useUtils();
  const [form, setForm] = useState({ hosts: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const save = trpc.admin.settings.setMediaHosts.useMutation({
    onSuccess: (saved) => {
      utils.admin.settings.mediaHosts.setData(undefined, saved);
      setForm(asForm(saved.hosts));
    },
  });
  useEffect(() => {
    if (current.data) setForm(asForm(current.data.hosts));
  }, [current.data]);

  // The same schema the server applies, so mistakes show before the round trip, with their line.
  const check = () => {
    const hosts = form.hosts
      .split('\n')
      .map((h) => h.trim())
      .filter(Boolean);
    const parsed = ZMediaHosts.safeParse({ hosts });
    if (parsed.success) return parsed.data;
    const bad = parsed.error.issues[0];
    const message = issueInWords(bad, t('settings.notAHost'));
    setProblem(
      typeof bad?.path[1] === 'number'
        ? t('settings.onLine', { problem: message, line: bad.path[1] + 1 })
        : message,
    );
    return null;
  };

  return (
    <AdminPage title={t('settings.title')} description={t('settings.description')}>
      {current.isPending ? (
        <SkeletonText lines={4} label={t('settings.loading')} />
      ) : current.error ? (
        <ErrorMessage error={current.error} onRetry={() => current.refetch()} />
      ) : (
        <form
          className="flex max-w-xl flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const hosts = check();
            if (!hosts) return;
            setProblem(null);
            save.mutate(hosts);
          }}
        >
          <FieldTable
            idPrefix="media"
            rows={[{ key: 'hosts', label: t('settings.hosts'), kind: 'long', wide: true }]}
            state={[form, setForm]}
            problems={{ hosts: problem ?? undefined }}
          />
          {save.error && <ErrorMessage error={save.error} />}
          {save.isSuccess && !save.isPending && <DoneNote>{t('settings.saved')}</DoneNote>}
          <Button type="submit" className="self-start" disabled={save.isPending}>
            {save.isPending ? t('settings.saving') : t('settings.save')}
          </Button>
        </form>
      )}
    </AdminPage>
  );
}
