import { ZEmailVerifyLinkInput } from '@puffy/contracts';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { RateLimitCountdown } from '../../components/rate-limit-countdown';
import { useDocumentTitle } from '../../lib/document-title';
import { describeError } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { useQuerySecrets } from '../../profile/use-query-secrets';
import { useSessionReady } from '../../profile/use-session-ready';
import { schemaMessage } from '../../profile/validation';

const SECRETS = ['token'] as const;

/** What a refusal means here, in the member's words; null for failures the shared message covers. */
function deadLinkText(reason: string | null): { title: string; text: string } | null {
  if (reason === 'email_link_invalid') {
    return {
      title: 'This link no longer works',
      text: 'It has expired or was already used. Each link works once, for 10 minutes.',
    };
  }
  if (reason === 'email_code_expired') {
    return { title: 'This link has expired', text: 'Links work for 10 minutes after the email is sent.' };
  }
  return null;
}

function AskAgain() {
  return (
    <p>
      <Link to="/profile">Go to your profile</Link> to ask for a new email.
    </p>
  );
}

/**
 * Target of the one-click link in the verification email (`/auth/verify-email?token=…`). It works
 * signed out (the mail may be read on another device): the token is the proof. The token never
 * appears on screen and leaves the address bar at once.
 */
export default function VerifyEmailPage() {
  useDocumentTitle('Verify your email');
  const { token } = useQuerySecrets(SECRETS);
  const problem =
    token === null ? 'This link has no token.' : schemaMessage(ZEmailVerifyLinkInput, { token });
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
    <>
      <h1>Verify your email</h1>
      <section className="card profile-verify" aria-live="polite">
        {problem !== null && (
          <div className="notice notice-error" role="alert">
            <h3>This link is not complete</h3>
            <p>{problem} Open the link from the email again, or copy all of it into the address bar.</p>
            <AskAgain />
          </div>
        )}
        {problem === null && (verify.isPending || verify.isIdle) && (
          <p role="status">Verifying your email…</p>
        )}
        {verify.isSuccess && (
          <div className="notice profile-success" role="status">
            <h3>Your email is verified</h3>
            <p>
              <strong>{verify.data.email}</strong> is now the verified email of your account.
            </p>
            <p>
              <Link to="/profile">Back to your profile</Link>
            </p>
          </div>
        )}
        {verify.isError && <VerifyFailure error={verify.error} onRetry={run} />}
      </section>
    </>
  );
}

function VerifyFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const shown = describeError(error);
  const dead = deadLinkText(shown.reason);
  if (dead) {
    return (
      <div className="notice notice-error" role="alert">
        <h3>{dead.title}</h3>
        <p>{dead.text}</p>
        <AskAgain />
      </div>
    );
  }
  if (shown.code === 'TOO_MANY_REQUESTS' && shown.retryAfterSeconds !== null) {
    return <TooManyTries seconds={shown.retryAfterSeconds} onRetry={onRetry} />;
  }
  if (shown.code === 'CONFLICT') {
    return (
      <div className="notice notice-error" role="alert">
        <h3>This email belongs to another member</h3>
        <p>{shown.message}</p>
        <AskAgain />
      </div>
    );
  }
  return <ErrorMessage error={error} onRetry={onRetry} />;
}

/** The limit is checked before the link is looked at, so the link still works after the wait. */
function TooManyTries({ seconds, onRetry }: { seconds: number; onRetry: () => void }) {
  const [waiting, setWaiting] = useState(true);
  return (
    <div className="notice notice-error" role="alert">
      <h3>Too many tries</h3>
      <p>This device tried to verify too often. Your link still works: try it again after the wait.</p>
      <RateLimitCountdown seconds={seconds} onDone={() => setWaiting(false)} />
      <button type="button" onClick={onRetry} disabled={waiting}>
        Verify again
      </button>
    </div>
  );
}
