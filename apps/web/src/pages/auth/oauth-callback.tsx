import { ZTwitterCompleteInput } from '@puffy/contracts';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonCard } from '../../components/skeleton';
import { useDocumentTitle } from '../../lib/document-title';
import { describeError } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { StartXLink } from '../../profile/start-x-link';
import { useQuerySecrets } from '../../profile/use-query-secrets';
import { useSessionReady } from '../../profile/use-session-ready';
import { schemaMessage } from '../../profile/validation';

const SECRETS = ['code', 'state', 'error'] as const;

/** Refusals with their own words; the rest show the server's message as it is. */
const TITLES: Record<string, string> = {
  oauth_state_used: 'This X authorization was already used',
  oauth_state_expired: 'This X authorization expired',
  oauth_state_user: 'This X authorization belongs to another account',
  x_taken: 'This X account is linked to another member',
  x_locked: 'Your X link is locked',
};

function Failure({ title, text }: { title: string; text: string }) {
  return (
    <div className="notice notice-error" role="alert">
      <h3>{title}</h3>
      <p>{text}</p>
      <div className="profile-actions">
        <StartXLink label="Start linking X again" />
        <Link to="/profile">Back to your profile</Link>
      </div>
    </div>
  );
}

/**
 * Where X sends the member back after they approve (or refuse) linking. The code and state leave the
 * address bar at once; the server checks the state (once, 10 minutes, this member) and swaps the code.
 */
export default function OAuthCallbackPage() {
  useDocumentTitle('Linking your X account');
  const auth = useAuth();
  const { code, state, error } = useQuerySecrets(SECRETS);
  const problem =
    error !== null ? null : schemaMessage(ZTwitterCompleteInput, { code: code ?? '', state: state ?? '' });
  const utils = trpc.useUtils();
  const complete = trpc.user.twitter.complete.useMutation({
    onSuccess: () => {
      void utils.user.info.invalidate();
      void utils.user.twitterLock.invalidate();
    },
  });
  const started = useRef(false);
  const sessionReady = useSessionReady();
  const ready = sessionReady && auth.status === 'signedIn' && error === null && problem === null;

  useEffect(() => {
    if (!ready || started.current || code === null || state === null) return;
    started.current = true;
    complete.mutate({ code, state });
  }, [ready, code, state, complete]);

  return (
    <>
      <h1>Linking your X account</h1>
      <section className="card profile-oauth" aria-live="polite">
        {error !== null ? (
          <Failure
            title="X did not link your account"
            text={
              error === 'access_denied'
                ? 'You did not approve the request on X. Nothing was linked.'
                : 'X refused the request. Nothing was linked.'
            }
          />
        ) : problem !== null ? (
          <Failure title="This page was opened without X’s answer" text={problem} />
        ) : auth.status === 'loading' ? (
          <SkeletonCard label="Checking your session" />
        ) : auth.status === 'signedOut' ? (
          <div className="notice" data-testid="sign-in-required">
            <h3>Sign in to finish linking X</h3>
            <p>
              Connect the wallet you started with at the top of the page; linking finishes after you sign in.
            </p>
          </div>
        ) : complete.isSuccess ? (
          <div className="notice profile-success" role="status">
            <h3>Your X account is linked</h3>
            <p>
              {complete.data.twitter.handle ? `@${complete.data.twitter.handle}` : 'Your X account'} is now
              linked to your profile.
              {complete.data.twitter.locked && ' It is locked because it has already earned rewards.'}
            </p>
            <p>
              <Link to="/profile">Back to your profile</Link>
            </p>
          </div>
        ) : complete.isError ? (
          <CompleteFailure error={complete.error} />
        ) : (
          <p role="status">Finishing the link with X…</p>
        )}
      </section>
    </>
  );
}

function CompleteFailure({ error }: { error: unknown }) {
  const shown = describeError(error);
  const title = shown.reason ? TITLES[shown.reason] : undefined;
  if (title) return <Failure title={title} text={shown.message} />;
  // The state is spent once the server looked at it, so "try again" means starting over on X.
  return (
    <>
      <ErrorMessage error={error} />
      <div className="profile-actions">
        <StartXLink label="Start linking X again" />
        <Link to="/profile">Back to your profile</Link>
      </div>
    </>
  );
}
