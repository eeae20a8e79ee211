import { type TEmailSendCodeOutput, ZEmailAddress, ZEmailCode } from '@puffy/contracts';
import { BadgeCheck, Mail } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message';
import { RateLimitCountdown } from '../components/rate-limit-countdown';
import { Badge } from '../components/ui/badge';
import { Button } from '../components/ui/button';
import { describeError } from '../lib/errors';
import { trpc } from '../lib/trpc';
import { formatTime } from './format';
import { ProfilePanel } from './profile-panel';
import { SuccessNote } from './success-note';
import { TextField } from './text-field';
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
  const { t } = useTranslation('profile');
  const [editing, setEditing] = useState(false);
  const [sent, setSent] = useState<TEmailSendCodeOutput | null>(null);
  const [verified, setVerified] = useState<string | null>(null);

  const showForm = email === null || editing;
  return (
    <ProfilePanel section="email" icon={Mail}>
      {email !== null && (
        <p data-testid="profile-email" className="flex min-w-0 flex-wrap items-center gap-2">
          <strong className="min-w-0 break-all">{email}</strong>
          <Badge variant="success">
            <BadgeCheck aria-hidden="true" />
            {t('email.verified')}
          </Badge>
        </p>
      )}
      {email === null && !sent && <p className="text-sm">{t('email.none')}</p>}
      {verified && <SuccessNote>{t('email.isVerified', { email: verified })}</SuccessNote>}
      {email !== null && !editing && (
        <Button variant="outline" className="self-start" onClick={() => setEditing(true)}>
          {t('email.change')}
        </Button>
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
    </ProfilePanel>
  );
}

function SendForm({ onSent }: { onSent: (sent: TEmailSendCodeOutput) => void }) {
  const { t } = useTranslation('profile');
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
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <TextField
        label={t('email.address')}
        error={beside}
        type="email"
        autoComplete="email"
        value={address}
        onValue={setAddress}
      />
      <Button type="submit" className="justify-self-start" disabled={send.isPending}>
        {send.isPending ? t('email.sending') : t('email.send')}
      </Button>
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
  const { t } = useTranslation('profile');
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
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <p role="status" className="text-sm">
        <Trans
          t={t}
          i18nKey="email.sent"
          values={{ address: sent.sentTo, time: formatTime(sent.expiresAt) }}
          components={{ strong: <strong className="break-all" /> }}
        />
      </p>
      {resent && <p className="text-muted-foreground text-xs">{t('email.resent')}</p>}
      <TextField
        label={t('email.code')}
        error={beside}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        className="max-w-40 font-mono tracking-[0.3em]"
        value={code}
        onValue={setCode}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={verify.isPending}>
          {verify.isPending ? t('email.checking') : t('email.verify')}
        </Button>
        <Button
          variant="outline"
          disabled={resend.isPending || cooldown !== null}
          onClick={() => resend.mutate({ email: sent.sentTo })}
        >
          {t('email.resend')}
        </Button>
        <Button variant="ghost" onClick={onChangeAddress}>
          {t('email.changeAddress')}
        </Button>
      </div>
      {cooldown && (
        <div className="grid gap-1">
          <p className="text-muted-foreground text-xs">{t('email.cooldown')}</p>
          <RateLimitCountdown key={cooldown.at} seconds={cooldown.seconds} onDone={() => setCooldown(null)} />
        </div>
      )}
      {resendError && <ErrorMessage error={resend.error} />}
      {verify.isError && beside === null && <ErrorMessage error={verify.error} />}
    </form>
  );
}
