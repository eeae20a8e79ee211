import { type TAdminScope, type TAdminUserRow, ZAdminScope } from '@puffy/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context';
import { ErrorMessage } from '../../components/error-message';
import { Button } from '../../components/ui/button';
import { FormField } from '../../components/ui/form-field';
import { Input } from '../../components/ui/input';
import { trpc } from '../../lib/trpc';
import { AdminPage } from './admin-page';
import { PagedTable, when } from './paged-table';

/** Members and their admin rights: search, grant scopes, revoke (which ends their sessions at once). */
export default function MembersPage() {
  const { t } = useTranslation('admin');
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const members = trpc.admin.users.search.useInfiniteQuery(
    { query: submitted || undefined, limit: 20 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  return (
    <AdminPage title={t('sections.members')} description={t('members.description')}>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(query.trim());
        }}
      >
        <FormField label={t('members.find')} className="w-full sm:w-96">
          <Input
            id="member-search"
            type="search"
            value={query}
            maxLength={120}
            placeholder={t('members.findHint')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </FormField>
        <Button type="submit">{t('members.search')}</Button>
      </form>
      <PagedTable
        caption={t('sections.members')}
        columns={[t('members.wallet'), t('members.rights'), t('members.joined'), '']}
        query={members}
        empty={submitted ? t('members.noMatch', { query: submitted }) : t('members.none')}
        row={(m: TAdminUserRow) => <MemberRow key={m.id} member={m} />}
      />
    </AdminPage>
  );
}

function MemberRow({ member }: { member: TAdminUserRow }) {
  const { t } = useTranslation('admin');
  const { user } = useAuth();
  const utils = trpc.useUtils();
  const [scopes, setScopes] = useState<TAdminScope[]>(member.scopes);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (text: string) => {
    setNotice(text);
    void utils.admin.users.search.invalidate();
  };
  const setScopesMutation = trpc.admin.users.setScopes.useMutation({
    onSuccess: (r) =>
      done(
        t('members.scopesSaved', {
          scopes: r.user.scopes.map((scope) => t(`members.scopes.${scope}`)).join(', '),
        }),
      ),
  });
  const revoke = trpc.admin.users.revokeAdmin.useMutation({
    onSuccess: (r) => done(t('members.revoked', { count: r.sessionsEnded })),
  });
  const toggle = (scope: TAdminScope) =>
    setScopes((s) => (s.includes(scope) ? s.filter((x) => x !== scope) : [...s, scope]));
  const isSelf = user?.id === member.id;
  return (
    <tr>
      <td>
        <span className="block max-w-56 break-all font-mono text-xs">
          {member.chain}:{member.walletAddress}
        </span>
        {member.name && <div className="text-muted-foreground text-sm">{member.name}</div>}
        <Link
          className="text-primary text-sm underline-offset-4 hover:underline"
          to={`/admin/members/${member.id}`}
        >
          {t('members.details')}
        </Link>
      </td>
      <td>
        <fieldset className="grid min-w-0 gap-1.5">
          <legend className="mb-1 font-medium text-sm">{t(`members.roles.${member.role}`)}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1.5">
            {ZAdminScope.options.map((scope) => (
              <label key={scope} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-primary"
                  checked={scopes.includes(scope)}
                  onChange={() => toggle(scope)}
                />
                {t(`members.scopes.${scope}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {notice && (
          <p className="text-muted-foreground text-sm" role="status">
            {notice}
          </p>
        )}
        {setScopesMutation.error && <ErrorMessage error={setScopesMutation.error} />}
        {revoke.error && <ErrorMessage error={revoke.error} />}
      </td>
      <td className="whitespace-nowrap text-sm">{when(member.createdAt)}</td>
      <td>
        <span className="flex flex-wrap gap-2">
          <Button
            size="sm"
            disabled={setScopesMutation.isPending || scopes.length === 0}
            onClick={() => setScopesMutation.mutate({ userId: member.id, scopes })}
          >
            {t('members.saveScopes')}
          </Button>
          {member.role === 'admin' && !isSelf && (
            <Button
              size="sm"
              variant="destructive"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate({ userId: member.id })}
            >
              {t('members.revoke')}
            </Button>
          )}
        </span>
      </td>
    </tr>
  );
}
