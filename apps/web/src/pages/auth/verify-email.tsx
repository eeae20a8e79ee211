import { ZEmailVerifyLinkInput } from '@puffy/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { RateLimitCountdown } from '../../components/rate-limit-countdown';
import { Button } from '../../components/ui/button';
import { useDocumentTitle } from '../../lib/document-title';
import { describeError } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { useQuerySecrets } from '../../profile/use-query-secrets';
import { useSessionReady } from '../../profile/use-session-ready';
import { Outcome, OutcomePage } from './outcome';

const SECRETS = ['token'] as const;

/** Refusals with words of their own; any other failure is the shared error message. */
const DEAD_LINK = new Set(['email_link_invalid', 'email_code_expired']);

function ToProfile({ asked = true }: { asked?: boolean }) {
  const { t } = useTranslation('auth');
  return (
    <Button asChild variant={asked ? 'default' : 'outline'}>
      <Link to="/profile">{asked ? t('verify.askAgain') : t('backToProfile')}</Link>
    </Button>
  );
}

/**
 * Target of the one-click link in the verification email (`/auth/verify-email?token=…`). It works
 * signed out (the mail may be read on another device): the token is the proof. The token never
 * appears on screen and leaves the address bar at once.
 */
export default function VerifyEmailPage() {
  const { t } = useTranslation('auth');
  useDocumentTitle(t('verify.title'));
  const { token } = useQuerySecrets(SECRETS);
  // Checked with the server's own schema first, so a cut-off link never reaches the server.
  const problem =
    token === null
      ? t('verify.noToken')
      : ZEmailVerifyLinkInput.safeParse({ token }).success
        ? null
        : t('verify.incomplete');
  const utils = trpc.useUtils();
  const verify = trpc.user.email.verifyLink.useMutation({
    onSuccess: () => void utils.user.info.invalidate(),
  });
  const started = useRef(false);
  // Signed in on this device or not, a browser with a session must send its CSRF token.
  const sessionReady = useSessionReady();

  const run = () => {
    if (token === null || problem !== null) return;
    verify.reset();
    verify.mutate({ token });
  };

  // Once per page: a second click of the same link is the server's to refuse, not a double submit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, when the session is known
  useEffect(() => {
    if (!sessionReady || started.current) return;
    started.current = true;
    run();
  }, [sessionReady]);

  return (
    <OutcomePage title={t('verify.title')}>
      {problem !== null ? (
        <Outcome tone="error" title={t('verify.notComplete')} actions={<ToProfile />}>
          <p>
            {problem} {t('verify.openAgain')}
          </p>
        </Outcome>
      ) : verify.isSuccess ? (
        <Outcome tone="success" title={t('verify.done')} actions={<ToProfile asked={false} />}>
          <p>
            <strong className="break-all text-foreground">{verify.data.email}</strong> {t('verify.doneBody')}
          </p>
        </Outcome>
      ) : verify.isError ? (
        <VerifyFailure error={verify.error} onRetry={run} />
      ) : (
        <Outcome tone="waiting" title={t('verify.working')} />
      )}
    </OutcomePage>
  );
}

function VerifyFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('auth');
  const shown = describeError(error);
  if (shown.reason && DEAD_LINK.has(shown.reason)) {
    return (
      <Outcome tone="error" title={t(`verify.refusal.${shown.reason}.title`)} actions={<ToProfile />}>
        <p>{t(`verify.refusal.${shown.reason}.body`)}</p>
      </Outcome>
    );
  }
  if (shown.code === 'TOO_MANY_REQUESTS' && shown.retryAfterSeconds !== null) {
    return <TooManyTries seconds={shown.retryAfterSeconds} onRetry={onRetry} />;
  }
  if (shown.code === 'CONFLICT') {
    return (
      <Outcome tone="error" title={t('verify.taken')} actions={<ToProfile />}>
        <p>{shown.message}</p>
      </Outcome>
    );
  }
  return <ErrorMessage error={error} onRetry={onRetry} />;
}

/** The limit is checked before the link is looked at, so the link still works after the wait. */
function TooManyTries({ seconds, onRetry }: { seconds: number; onRetry: () => void }) {
  const { t } = useTranslation('auth');
  const [waiting, setWaiting] = useState(true);
  return (
    <Outcome
      tone="error"
      title={t('verify.tooMany')}
      actions={
        <Button onClick={onRetry} disabled={waiting}>
          {t('verify.again')}
        </Button>
      }
    >
      <p>{t('verify.tooManyBody')}</p>
      <RateLimitCountdown seconds={seconds} onDone={() => setWaiting(false)} />
    </Outcome>
  );
}
