import { type TCampaign, type TReferralDryRunOutput, ZReferralCodeText } from '@puffy/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import { formatNumber } from '../lib/format';
import { trpc } from '../lib/trpc';
import type { EligibilityCheck } from './use-eligibility-check';
import { useRetryLock } from './use-retry-lock';

export function shareLink(slug: string, code: string, origin = window.location.origin): string {
  return `${origin}/campaigns/${encodeURIComponent(slug)}?ref=${encodeURIComponent(code)}`;
}

/** The member's own code (`referral.myCode` creates it on first request) and a link to share it. */
function OwnCode({ campaign }: { campaign: TCampaign }) {
  const info = trpc.campaign.info.useQuery({ campaignId: campaign.id });
  const myCode = trpc.referral.myCode.useMutation();
  const [copied, setCopied] = useState(false);
  const code = myCode.data?.code ?? info.data?.referral.code ?? null;
  if (!code) {
    return (
      <div className="campaign-form">
        <p>Invite friends with your own code: each one who joins counts for you.</p>
        <button type="button" disabled={myCode.isPending} onClick={() => myCode.mutate()}>
          {myCode.isPending ? 'Creating…' : 'Get my referral code'}
        </button>
        {myCode.isError && <ErrorMessage key={myCode.submittedAt} error={myCode.error} />}
      </div>
    );
  }
  const link = shareLink(campaign.slug, code);
  const uses = myCode.data ?? info.data?.referral;
  const copy = async () => {
    await navigator.clipboard.writeText(link);
    setCopied(true);
  };
  return (
    <div className="campaign-own-code">
      <p>
        Your code:{' '}
        <strong className="mono" data-testid="own-referral-code">
          {code}
        </strong>
        {uses && uses.maxUses !== null && (
          <span className="muted small">
            {' '}
            · used {uses.uses} of {uses.maxUses} times
          </span>
        )}
      </p>
      <p className="small">
        Share link: <span className="mono campaign-share">{link}</span>
      </p>
      <button type="button" className="campaign-quiet" onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy link'}
      </button>
    </div>
  );
}

/**
 * What a code's preview means for the member on this campaign's page. The server's "works" sentence
 * names the campaign by number and the referrer by wallet; the member knows the campaign by name and
 * the friend by the code they were given. Refusals and "already joined" are the server's own words.
 */
export function previewInWords(
  preview: Pick<TReferralDryRunOutput, 'valid' | 'message' | 'remainingUses'>,
  campaign: Pick<TCampaign, 'name'>,
): string {
  const joins =
    preview.valid && !/^You already/i.test(preview.message)
      ? `This code works: use it to join ${campaign.name} through your friend’s invitation.`
      : preview.message;
  if (preview.remainingUses === null) return joins;
  const left =
    preview.remainingUses === 1 ? 'One use left.' : `${formatNumber(preview.remainingUses)} uses left.`;
  return `${joins} ${left}`;
}

/** Enter a friend's code: preview it (`referral.dryRun`), then use it (`referral.set`) and re-check. */
function RedeemForm({ campaign, check }: { campaign: TCampaign; check: EligibilityCheck }) {
  const ids = useId();
  const auth = useAuth();
  const utils = trpc.useUtils();
  const [params] = useSearchParams();
  const [text, setText] = useState(() => params.get('ref') ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const preview = useMutation({
    mutationFn: (code: string) => utils.client.referral.dryRun.query({ campaignId: campaign.id, code }),
  });
  const redeem = trpc.referral.set.useMutation({
    onSuccess: async () => {
      await Promise.all([
        utils.campaign.info.invalidate({ campaignId: campaign.id }),
        utils.activity.invalidate(),
      ]);
      // The code may be what qualifies the member (`referral`, `c_referral`): ask at once and record it.
      if (campaign.methods.includes('referral') || campaign.methods.includes('c_referral')) {
        check.mutate({ campaignId: campaign.id });
      }
    },
  });
  const locked = useRetryLock(redeem.error ?? preview.error);
  const signedIn = auth.status === 'signedIn';

  const read = (): string | null => {
    const parsed = ZReferralCodeText.safeParse(text);
    setProblem(parsed.success ? null : (parsed.error.issues[0]?.message ?? 'This is not a referral code.'));
    return parsed.success ? parsed.data : null;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = read();
    if (code) redeem.mutate({ campaignId: campaign.id, code });
  };
  const runPreview = () => {
    const code = read();
    if (code) preview.mutate(code);
  };

  return (
    <form className="campaign-form" onSubmit={submit} noValidate aria-label="Use a referral code">
      <label htmlFor={`${ids}-code`}>A friend’s referral code</label>
      <input
        id={`${ids}-code`}
        value={text}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${ids}-code-error` : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {problem && (
        <p id={`${ids}-code-error`} className="campaign-field-error">
          {problem}
        </p>
      )}
      <div className="campaign-actions">
        <button
          type="button"
          className="campaign-quiet"
          disabled={preview.isPending || locked}
          onClick={runPreview}
        >
          {preview.isPending ? 'Checking…' : 'Preview'}
        </button>
        {signedIn && (
          <button type="submit" disabled={redeem.isPending || locked}>
            {redeem.isPending ? 'Applying…' : 'Use code'}
          </button>
        )}
      </div>
      {!signedIn && <p className="muted small">Sign in to use the code.</p>}
      {preview.data && !redeem.data && (
        <p
          className={preview.data.valid ? 'notice' : 'notice notice-error'}
          role="status"
          data-testid="referral-preview"
        >
          {previewInWords(preview.data, campaign)}
        </p>
      )}
      {preview.isError && <ErrorMessage key={preview.submittedAt} error={preview.error} />}
      {redeem.isError && <ErrorMessage key={redeem.submittedAt} error={redeem.error} />}
      {redeem.data && (
        <p className="notice" role="status" data-testid="referral-applied">
          {redeem.data.alreadyApplied
            ? 'You had already joined with this code.'
            : `You joined through ${redeem.data.referrerWalletShort}.`}
        </p>
      )}
    </form>
  );
}

/** Own code and share link for members; a friend's code for anyone (preview) and members (use). */
export function ReferralPanel({ campaign, check }: { campaign: TCampaign; check: EligibilityCheck }) {
  const auth = useAuth();
  return (
    <section className="card campaign-referral" aria-labelledby="referral-title">
      <h2 id="referral-title">Referrals</h2>
      {auth.status === 'signedIn' && <OwnCode campaign={campaign} />}
      <RedeemForm campaign={campaign} check={check} />
    </section>
  );
}
