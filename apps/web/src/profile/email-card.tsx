import { type TEmailSendCodeOutput, ZEmailAddress, ZEmailCode } from '@puffy/contracts';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../components/error-message';
import { RateLimitCountdown } from '../components/rate-limit-countdown';
import { describeError } from '../lib/errors';
import { trpc } from '../lib/trpc';
import { Field } from './field';
import { formatTime } from './format';
import { schemaMessage } from './validation';

/** A refusal that concerns one field goes beside it; anything else is shown as a whole. */
function fieldMessage(error: unknown, field: string): string | null {
  if (!error) return null;
  const shown = describeError(error);
  if (shown.code !== 'BAD_REQUEST') return null;
  return shown.fieldErrors[field] ? shown.message : null;
}

/**
 * The email address: shown once verified. Verifying is "send a code" → "enter the 6 digits" (or open
 * the link in the email); resending is rate-limited and the button waits out the countdown.
 */
export function EmailCard({ email }: { email: string | null }) {
  const [editing, setEditing] = useState(false);
  const [sent, setSent] = useState<TEmailSendCodeOutput | null>(null);
  const [verified, setVerified] = useState<string | null>(null);

  const showForm = email === null || editing;
  return (
    <section className="card profile-card" aria-labelledby="profile-email">
      <h2 id="profile-email">Email</h2>
      {email !== null && (
        <p data-testid="profile-email">
          <strong>{email}</strong> <span className="badge profile-verified">Verified</span>
        </p>
      )}
      {email === null && !sent && (
        <p>No verified email yet. We send a code to confirm the address is yours.</p>
      )}
      {verified && (
        <p className="profile-success" role="status">
          {verified} is verified.
        </p>
      )}
      {email !== null && !editing && (
        <button type="button" className="secondary" onClick={() => setEditing(true)}>
          Use a different email
        </button>
      )}
      {showForm &&
        (sent ? (
          <CodeForm
            sent={sent}
            onResent={setSent}
            onChangeAddress={() => setSent(null)}
            onVerified={(address) => {
              setVerified(address);
              setSent(null);
              setEditing(false);
            }}
          />
        ) : (
          <SendForm onSent={setSent} />
        ))}
    </section>
  );
}

function SendForm({ onSent }: { onSent: (sent: TEmailSendCodeOutput) => void }) {
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const send = trpc.user.email.sendCode.useMutation({ onSuccess: onSent });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const message = schemaMessage(ZEmailAddress, address);
    setProblem(message);
    if (message === null) send.mutate({ email: address });
  };
  const beside = problem ?? fieldMessage(send.error, 'email');
  return (
    <form className="profile-form" onSubmit={submit} noValidate>
      <Field id="profile-email-address" label="Email address" error={beside}>
        <input
          id="profile-email-address"
          type="email"
          autoComplete="email"
          value={address}
          aria-invalid={beside !== null}
          aria-describedby={beside ? 'profile-email-address-error' : undefined}
          onChange={(e) => setAddress(e.target.value)}
        />
      </Field>
      <button type="submit" disabled={send.isPending}>
        {send.isPending ? 'Sending…' : 'Send code'}
      </button>
      {send.isError && beside === null && <ErrorMessage error={send.error} />}
    </form>
  );
}

function CodeForm({
  sent,
  onResent,
  onChangeAddress,
  onVerified,
}: {
  sent: TEmailSendCodeOutput;
  onResent: (sent: TEmailSendCodeOutput) => void;
  onChangeAddress: () => void;
  onVerified: (email: string) => void;
}) {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [resent, setResent] = useState(false);
  const [cooldown, setCooldown] = useState<{ seconds: number; at: number } | null>(null);
  const utils = trpc.useUtils();
  const verify = trpc.user.email.verifyCode.useMutation({
    onSuccess: async (data) => {
      await utils.user.info.invalidate();
      onVerified(data.email);
    },
  });
  const resend = trpc.user.email.sendCode.useMutation({
    onSuccess: (data) => {
      setResent(true);
      setCode('');
      verify.reset();
      onResent(data);
    },
    onError: (error) => {
      const shown = describeError(error);
      if (shown.retryAfterSeconds !== null) setCooldown({ seconds: shown.retryAfterSeconds, at: Date.now() });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const message = schemaMessage(ZEmailCode, code.trim());
    setProblem(message);
    if (message === null) verify.mutate({ code: code.trim() });
  };
  const beside = problem ?? fieldMessage(verify.error, 'code');
  const resendError = resend.isError && describeError(resend.error).retryAfterSeconds === null;

  return (
    <form className="profile-form" onSubmit={submit} noValidate>
      <p role="status">
        We sent a 6-digit code to <strong>{sent.sentTo}</strong>. It works once, until{' '}
        {formatTime(sent.expiresAt)}. The email also has a link that verifies in one click.
      </p>
      {resent && <p className="muted small">A new code is on its way; the earlier one no longer works.</p>}
      <Field id="profile-email-code" label="6-digit code" error={beside}>
        <input
          id="profile-email-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          aria-invalid={beside !== null}
          aria-describedby={beside ? 'profile-email-code-error' : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
      <div className="profile-actions">
        <button type="submit" disabled={verify.isPending}>
          {verify.isPending ? 'Checking…' : 'Verify'}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={resend.isPending || cooldown !== null}
          onClick={() => resend.mutate({ email: sent.sentTo })}
        >
          Resend code
        </button>
        <button type="button" className="secondary" onClick={onChangeAddress}>
          Change address
        </button>
      </div>
      {cooldown && (
        <div className="profile-cooldown">
          <p className="muted small">Too many codes were asked for. You can resend after the wait.</p>
          <RateLimitCountdown key={cooldown.at} seconds={cooldown.seconds} onDone={() => setCooldown(null)} />
        </div>
      )}
      {resendError && <ErrorMessage error={resend.error} />}
      {verify.isError && beside === null && <ErrorMessage error={verify.error} />}
    </form>
  );
}
