import { ErrorMessage } from '../components/error-message';
import { trpc } from '../lib/trpc';
import { browserNavigation } from './leave';

/**
 * "Link X": asks the server for X's authorize URL (it keeps the PKCE verifier and `state`) and leaves
 * for X, which sends the member back to `/auth/oauth-callback`.
 */
export function StartXLink({ label = 'Link X' }: { label?: string }) {
  const start = trpc.user.twitter.start.useMutation({
    onSuccess: (data) => browserNavigation.open(data.authorizeUrl),
  });
  return (
    <>
      <button type="button" onClick={() => start.mutate()} disabled={start.isPending || start.isSuccess}>
        {start.isPending || start.isSuccess ? 'Opening X…' : label}
      </button>
      {start.isError && <ErrorMessage error={start.error} />}
    </>
  );
}
