import { ZTwitterCompleteInput } from '@puffy/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context';
import { ErrorMessage } from '../../components/error-message';
import { Button } from '../../components/ui/button';
import { useDocumentTitle } from '../../lib/document-title';
import { describeError } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { StartXLink } from '../../profile/start-x-link';
import { useQuerySecrets } from '../../profile/use-query-secrets';
import { useSessionReady } from '../../profile/use-session-ready';
import { Outcome, OutcomePage } from './outcome';

const SECRETS = ['code', 'state', 'error'] as const;

/** Refusals with words of their own; the rest show the server's message as it is. */
const REFUSALS = new Set([
  'oauth_state_used',
  'oauth_state_expired',
  'oauth_state_user',
  'x_taken',
  'x_locked',
]);

/** The state is spent once the server looked at it, so "try again" means starting over on X. */
function StartOver() {
  const { t } = useTranslation('auth');
  return (
    <>
      <StartXLink label={t('oauth.startAgain')} />
      <Button asChild variant="outline">
        <Link to="/profile">{t('backToProfile')}</Link>
      </Button>
    </>
  );
}

/**
 * Where X sends the member back after they approve (or refuse) linking. The code and state leave the
 * address bar at once; the server checks the state (once, 10 minutes, this member) and swaps the code.
 */
export default function OAuthCallbackPage() {
  const { t } = useTranslation('auth');
  useDocumentTitle(t('oauth.title'));
  const auth = useAuth();
  const { code, state, error } = useQuerySecrets(SECRETS);
  const incomplete =
    error === null && !ZTwitterCompleteInput.safeParse({ code: code ?? '', state: state ?? '' }).success;
  const utils = trpc.useUtils();
  const complete = trpc.user.twitter.complete.useMutation({
    onSuccess: () => {
      void utils.user.info.invalidate();
      void utils.user.twitterLock.invalidate();
    },
  });
  const started = useRef(false);
  const sessionReady = useSessionReady();
  const ready = sessionReady && auth.status === 'signedIn' && error === null && !incomplete;

  useEffect(() => {
    if (!ready || started.current || code === null || state === null) return;
    started.current = true;
    complete.mutate({ code, state });
  }, [ready, code, state, complete]);

  let body: React.ReactNode;
  if (error !== null) {
    body = (
      <Outcome tone="error" title={t('oauth.refusedOnX')} actions={<StartOver />}>
        <p>{error === 'access_denied' ? t('oauth.notApproved') : t('oauth.xRefused')}</p>
      </Outcome>
    );
  } else if (incomplete) {
    body = (
      <Outcome tone="error" title={t('oauth.noAnswer')} actions={<StartOver />}>
        <p>{t('oauth.noAnswerBody')}</p>
      </Outcome>
    );
  } else if (auth.status === 'loading') {
    body = <Outcome tone="waiting" title={t('oauth.checkingSession')} />;
  } else if (auth.status === 'signedOut') {
    body = (
      <Outcome tone="signIn" title={t('oauth.signIn')} testId="sign-in-required">
        <p>{t('oauth.signInBody')}</p>
      </Outcome>
    );
  } else if (complete.isSuccess) {
    const { handle, locked } = complete.data.twitter;
    body = (
      <Outcome
        tone="success"
        title={t('oauth.linked')}
        actions={
          <Button asChild>
            <Link to="/profile">{t('backToProfile')}</Link>
          </Button>
        }
      >
        <p>{handle ? t('oauth.linkedAs', { handle }) : t('oauth.linkedBody')}</p>
        {locked && <p>{t('oauth.locked')}</p>}
      </Outcome>
    );
  } else if (complete.isError) {
    body = <CompleteFailure error={complete.error} />;
  } else {
    body = <Outcome tone="waiting" title={t('oauth.finishing')} />;
  }
  return <OutcomePage title={t('oauth.title')}>{body}</OutcomePage>;
}

function CompleteFailure({ error }: { error: unknown }) {
  const { t } = useTranslation('auth');
  const shown = describeError(error);
  if (shown.reason && REFUSALS.has(shown.reason)) {
    return (
      <Outcome tone="error" title={t(`oauth.refusal.${shown.reason}`)} actions={<StartOver />}>
        <p>{shown.message}</p>
      </Outcome>
    );
  }
  return (
    <div className="grid gap-4">
      <ErrorMessage error={error} />
      <div className="flex flex-wrap justify-center gap-3">
        <StartOver />
      </div>
    </div>
  );
}
