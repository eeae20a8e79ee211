import { type TCampaign, type TReferralDryRunOutput, ZReferralCodeText } from '@puffy/contracts';
import { useMutation } from '@tanstack/react-query';
import { Check, Copy, Gift } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import { Alert, AlertDescription } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { FormField } from '../components/ui/form-field';
import { Input } from '../components/ui/input';
import { Separator } from '../components/ui/separator';
import { formatNumber } from '../lib/format';
import { issueInWords } from '../lib/issue-words';
import { loadReasonWords, reasonInWords } from '../lib/reason-words';
import { trpc } from '../lib/trpc';
import { Panel } from './panel';
import type { EligibilityCheck } from './use-eligibility-check';
import { useRetryLock } from './use-retry-lock';
import type { CampaignT } from './words';

export function shareLink(slug: string, code: string, origin = window.location.origin): string {
  return `${origin}/campaigns/${encodeURIComponent(slug)}?ref=${encodeURIComponent(code)}`;
}

/** The member's own code (`referral.myCode` creates it on first request) and a link to share it. */
function OwnCode({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation('campaign');
  const info = trpc.campaign.info.useQuery({ campaignId: campaign.id });
  const myCode = trpc.referral.myCode.useMutation();
  const [copied, setCopied] = useState(false);
  const code = myCode.data?.code ?? info.data?.referral.code ?? null;
  if (!code) {
    return (
      <div className="grid gap-3">
        <p className="text-sm">{t('referral.invite')}</p>
        <Button className="justify-self-start" disabled={myCode.isPending} onClick={() => myCode.mutate()}>
          {myCode.isPending ? t('referral.creating') : t('referral.getCode')}
        </Button>
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
    <div className="grid gap-2">
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        {t('referral.yourCode')}
        <strong className="font-mono text-base" data-testid="own-referral-code">
          {code}
        </strong>
        {uses && uses.maxUses !== null && (
          <span className="text-muted-foreground text-xs">
            {t('referral.used', { uses: formatNumber(uses.uses), max: formatNumber(uses.maxUses) })}
          </span>
        )}
      </p>
      <p className="text-muted-foreground text-xs">{t('referral.shareLink')}</p>
      <div className="flex min-w-0 items-center gap-2 rounded-lg border bg-muted/40 py-1 pr-1 pl-3">
        <span className="min-w-0 flex-1 break-all font-mono text-xs">{link}</span>
        <Button variant="ghost" size="sm" onClick={() => void copy()}>
          {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
          {copied ? t('referral.copied') : t('referral.copy')}
        </Button>
      </div>
    </div>
  );
}

/**
 * What a code's preview means for the member on this campaign's page. The server's "works" sentence
 * names the campaign by number and the referrer by wallet; the member knows the campaign by name and
 * the friend by the code they were given. Refusals and "already joined" are the server's own words.
 */
export function previewInWords(
  t: CampaignT,
  preview: Pick<TReferralDryRunOutput, 'valid' | 'reason' | 'params' | 'message' | 'remainingUses'>,
  campaign: Pick<TCampaign, 'name'>,
): string {
  const joins =
    preview.valid && !/^You already/i.test(preview.message)
      ? t('referral.works', { campaign: campaign.name })
      : (reasonInWords(preview.reason, preview.params) ?? preview.message);
  if (preview.remainingUses === null) return joins;
  const left = t('referral.usesLeft', {
    count: preview.remainingUses,
    left: formatNumber(preview.remainingUses),
  });
  return `${joins} ${left}`;
}

/** Enter a friend's code: preview it (`referral.dryRun`), then use it (`referral.set`) and re-check. */
function RedeemForm({ campaign, check }: { campaign: TCampaign; check: EligibilityCheck }) {
  const { t } = useTranslation('campaign');
  const auth = useAuth();
  const utils = trpc.useUtils();
  const [params] = useSearchParams();
  const [text, setText] = useState(() => params.get('ref') ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const preview = useMutation({
    // A refusal is said in the member's language: its sentences come with the answer.
    mutationFn: async (code: string) => {
      const [answer] = await Promise.all([
        utils.client.referral.dryRun.query({ campaignId: campaign.id, code }),
        loadReasonWords().catch(() => undefined),
      ]);
      return answer;
    },
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
    setProblem(parsed.success ? null : issueInWords(parsed.error.issues[0], t('referral.notACode')));
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
    <form className="grid gap-3" onSubmit={submit} noValidate aria-label={t('referral.useForm')}>
      <FormField
        label={t('referral.friendCode')}
        error={problem}
        description={signedIn ? undefined : t('referral.signInToUse')}
      >
        <Input value={text} autoComplete="off" spellCheck={false} onChange={(e) => setText(e.target.value)} />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" disabled={preview.isPending || locked} onClick={runPreview}>
          {preview.isPending ? t('referral.checking') : t('referral.preview')}
        </Button>
        {signedIn && (
          <Button type="submit" disabled={redeem.isPending || locked}>
            {redeem.isPending ? t('referral.applying') : t('referral.use')}
          </Button>
        )}
      </div>
      {preview.data && !redeem.data && (
        <Alert variant={preview.data.valid ? 'success' : 'destructive'} role="status">
          <AlertDescription className="text-foreground">
            <p data-testid="referral-preview">{previewInWords(t, preview.data, campaign)}</p>
          </AlertDescription>
        </Alert>
      )}
      {preview.isError && <ErrorMessage key={preview.submittedAt} error={preview.error} />}
      {redeem.isError && <ErrorMessage key={redeem.submittedAt} error={redeem.error} />}
      {redeem.data && (
        <Alert variant="success" role="status">
          <AlertDescription className="text-foreground">
            <p data-testid="referral-applied">
              {redeem.data.alreadyApplied
                ? t('referral.alreadyApplied')
                : t('referral.applied', { referrer: redeem.data.referrerWalletShort })}
            </p>
          </AlertDescription>
        </Alert>
      )}
    </form>
  );
}

/** Own code and share link for members; a friend's code for anyone (preview) and members (use). */
export function ReferralPanel({ campaign, check }: { campaign: TCampaign; check: EligibilityCheck }) {
  const { t } = useTranslation('campaign');
  const auth = useAuth();
  return (
    <Panel icon={Gift} title={t('referral.title')} description={t('referral.lead')}>
      {auth.status === 'signedIn' && (
        <>
          <OwnCode campaign={campaign} />
          <Separator />
        </>
      )}
      <RedeemForm campaign={campaign} check={check} />
    </Panel>
  );
}
