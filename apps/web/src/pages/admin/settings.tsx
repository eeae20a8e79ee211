import { ZMediaHosts } from '@puffy/contracts';
import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonText } from '../../components/skeleton';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';

/** Hosts admin-entered media may come from (campaign and NFT images); one per line. */
export default function SettingsPage() {
  useDocumentTitle('Settings · Admin');
  const current = trpc.admin.settings.mediaHosts.useQuery();
  const utils = trpc.useUtils();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = trpc.admin.settings.setMediaHosts.useMutation({
    onSuccess: (saved) => {
      utils.admin.settings.mediaHosts.setData(undefined, saved);
      setText(saved.hosts.join('\n'));
    },
  });
  useEffect(() => {
    if (current.data) setText(current.data.hosts.join('\n'));
  }, [current.data]);

  if (current.isPending) return <SkeletonText lines={4} label="Loading settings" />;
  if (current.error) return <ErrorMessage error={current.error} onRetry={() => current.refetch()} />;
  return (
    <section className="card">
      <h1>Settings</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const hosts = text
            .split('\n')
            .map((h) => h.trim())
            .filter(Boolean);
          // The same schema the server applies, so mistakes show before the round trip.
          const parsed = ZMediaHosts.safeParse({ hosts });
          if (!parsed.success) {
            const bad = parsed.error.issues[0];
            const line = typeof bad?.path[1] === 'number' ? ` (line ${bad.path[1] + 1})` : '';
            setProblem(`${bad?.message ?? 'Not a host name'}${line}`);
            return;
          }
          setProblem(null);
          save.mutate(parsed.data);
        }}
      >
        <label htmlFor="media-hosts">Allowed media hosts (https only, one host per line)</label>
        <textarea
          id="media-hosts"
          rows={6}
          value={text}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'media-hosts-problem' : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {problem && (
          <p id="media-hosts-problem" className="notice-error" role="alert">
            {problem}
          </p>
        )}
        {save.error && <ErrorMessage error={save.error} />}
        {save.isSuccess && !save.isPending && <p role="status">Saved.</p>}
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
      </form>
    </section>
  );
}
