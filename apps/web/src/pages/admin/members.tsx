import { type TAdminScope, type TAdminUserRow, ZAdminScope } from '@puffy/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context';
import { ErrorMessage } from '../../components/error-message';
import { Button } from '../../components/ui/button';
import { Card, CardContent, CardHeader } from '../../components/ui/card';
import { FormField } from '../../components/ui/form-field';
import { Input } from '../../components/ui/input';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';
import { PagedTable, when } from './paged-table';

/** Members and their admin rights: search, grant scopes, revoke (which ends their sessions at once). */
export default function MembersPage() {
  useDocumentTitle('Members · Admin');
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const members = trpc.admin.users.search.useInfiniteQuery(
    { query: submitted || undefined, limit: 20 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  return (
    <Card>
      <CardHeader>
        <h1 className="font-semibold text-2xl">Members</h1>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            setSubmitted(query.trim());
          }}
        >
          <FormField label="Find a member" className="w-full sm:w-96">
            <Input
              id="member-search"
              type="search"
              value={query}
              maxLength={120}
              placeholder="Wallet, email, X handle, name or id"
              onChange={(e) => setQuery(e.target.value)}
            />
          </FormField>
          <Button type="submit">Search</Button>
        </form>
        <PagedTable
          caption="Members"
          columns={['Wallet', 'Role and scopes', 'Joined', '']}
          query={members}
          empty={submitted ? `No member matches “${submitted}”.` : 'No members yet.'}
          row={(m: TAdminUserRow) => <MemberRow key={m.id} member={m} />}
        />
      </CardContent>
    </Card>
  );
}

function MemberRow({ member }: { member: TAdminUserRow }) {
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
      done(`Saved: ${r.user.scopes.join(', ')}. They get the new rights at their next refresh.`),
  });
  const revoke = trpc.admin.users.revokeAdmin.useMutation({
    onSuccess: (r) => done(`Admin rights removed; ${r.sessionsEnded} session(s) ended.`),
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
          Standing, sessions and products
        </Link>
      </td>
      <td>
        <fieldset className="scopes">
          <legend className="small">{member.role}</legend>
          {ZAdminScope.options.map((scope) => (
            <label key={scope} className="small">
              <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} />{' '}
              {scope}
            </label>
          ))}
        </fieldset>
        {notice && (
          <p className="small" role="status">
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
            Save scopes
          </Button>
          {member.role === 'admin' && !isSelf && (
            <Button
              size="sm"
              variant="destructive"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate({ userId: member.id })}
            >
              Revoke admin
            </Button>
          )}
        </span>
      </td>
    </tr>
  );
}
