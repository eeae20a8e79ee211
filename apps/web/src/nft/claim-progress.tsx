import type { TNftProgress } from '@puffy/contracts';
import { Check, CircleAlert, ExternalLink, Loader2, PartyPopper, Share2 } from 'lucide-react';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert, AlertDescription, AlertTitle } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { Card, CardDescription, CardHeader, CardTitle } from '../components/ui/card';
import { cn } from '../lib/cn';
import { useSecondsSince } from './use-countdown';
import { formatCountdown, PROGRESS_STEPS, type ProgressStep, stepsDone } from './words';

/** The share link of a minted NFT: the system share sheet where there is one, else the clipboard. */
function ShareButton({ nftId, name }: { nftId: number; name: string }) {
  const { t } = useTranslation('nft');
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const url = `${window.location.origin}/nft/${nftId}`;
  const share = async () => {
    try {
      if (typeof navigator.share === 'function') {
        await navigator.share({ title: name, url });
        return;
      }
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch (error) {
      // Closing the share sheet is the member's choice, not a failure.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setCopied('failed');
    }
  };
  return (
    <>
      <Button variant="outline" onClick={() => void share()}>
        <Share2 aria-hidden="true" />
        {t('progress.share')}
      </Button>
      {copied && (
        <span role="status" className="basis-full break-all text-muted-foreground text-sm">
          {copied === 'copied' ? t('progress.copied') : t('progress.copyThis', { url })}
        </span>
      )}
    </>
  );
}

/** The step under way: what it does, how long it has been going, and what comes after it. */
function CurrentStep({
  step,
  status,
  paymentPending,
}: {
  step: ProgressStep;
  status: string;
  paymentPending: boolean;
}) {
  const { t } = useTranslation('nft');
  const seconds = useSecondsSince(status, true);
  return (
    <span className="grid gap-1 text-muted-foreground text-sm">
      <span data-testid="nft-step-detail">
        {paymentPending ? t('progress.paymentPending') : t(`progress.doing.${step}`)}{' '}
        <span className="whitespace-nowrap">
          <Trans
            t={t}
            i18nKey="progress.elapsed"
            values={{ time: formatCountdown(seconds) }}
            components={{ time: <time dateTime={`PT${seconds}S`} className="tabular-nums" /> }}
          />
        </span>
      </span>
      <span>{t(`progress.next.${step}`)}</span>
    </span>
  );
}

type StepState = 'done' | 'current' | 'waiting' | 'failed';

function StepIcon({ state }: { state: StepState }) {
  return (
    <span
      className={cn(
        'relative z-10 flex size-7 shrink-0 items-center justify-center rounded-full border-2 bg-card',
        state === 'done' && 'border-success bg-success text-background',
        state === 'current' && 'border-primary text-primary',
        state === 'failed' && 'border-destructive text-destructive',
        state === 'waiting' && 'border-border text-muted-foreground',
      )}
      aria-hidden="true"
    >
      {state === 'done' && <Check className="size-4" />}
      {state === 'current' && <Loader2 className="size-4 animate-spin motion-reduce:animate-none" />}
      {state === 'failed' && <CircleAlert className="size-4" />}
    </span>
  );
}

/** Live progress from the payment to the minted NFT (paid, confirmed, minting, minted). */
export function ClaimProgress({ progress, name }: { progress: TNftProgress; name: string }) {
  const { t } = useTranslation('nft');
  const done = stepsDone(progress.status);
  const failed = progress.status === 'mint_failed';
  const minted = progress.status === 'minted';
  const title = `${name} #${progress.sequence}`;
  return (
    <Card
      as="section"
      aria-labelledby="nft-progress-title"
      data-testid="nft-progress"
      data-status={progress.status}
    >
      <CardHeader>
        <CardTitle id="nft-progress-title">{title}</CardTitle>
        {!minted && !failed && <CardDescription>{t('progress.lead')}</CardDescription>}
      </CardHeader>
      <ol className="grid gap-0" aria-label={t('progress.stepsLabel')}>
        {PROGRESS_STEPS.map((step, index) => {
          const state: StepState =
            index < done ? 'done' : index === done ? (failed ? 'failed' : 'current') : 'waiting';
          const last = index === PROGRESS_STEPS.length - 1;
          return (
            <li key={step} className="relative flex gap-3 pb-4 last:pb-0" data-state={state}>
              {!last && (
                <span
                  className={cn(
                    'absolute top-7 bottom-0 left-3.25 w-0.5',
                    index < done ? 'bg-success' : 'bg-border',
                  )}
                  aria-hidden="true"
                />
              )}
              <StepIcon state={state} />
              <span className="grid min-w-0 gap-1 pt-0.5">
                <span className={cn('font-medium text-sm', state === 'waiting' && 'text-muted-foreground')}>
                  {t(`progress.step.${step}`)}
                  <span className="sr-only">{t(`progress.state.${state}`)}</span>
                </span>
                {state === 'current' && (
                  <CurrentStep
                    step={step}
                    status={progress.status}
                    paymentPending={progress.paymentPending}
                  />
                )}
              </span>
            </li>
          );
        })}
      </ol>
      {!minted && !failed && <p className="text-muted-foreground text-xs">{t('progress.canLeave')}</p>}
      {failed && (
        <Alert variant="destructive" role="alert">
          <CircleAlert aria-hidden="true" />
          <AlertTitle>{t('progress.failedTitle')}</AlertTitle>
          <AlertDescription>
            <p className="text-foreground">
              {progress.failureReason
                ? t('progress.failedBecause', { reason: progress.failureReason })
                : t('progress.failed')}
            </p>
          </AlertDescription>
        </Alert>
      )}
      {minted && (
        <div
          className="grid gap-3 rounded-lg border border-success/30 bg-success/8 p-4"
          data-testid="nft-minted"
        >
          <p className="flex items-center gap-2 font-semibold">
            <PartyPopper className="size-5 text-success" aria-hidden="true" />
            {t('progress.minted')}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <Button asChild>
              <Link to={`/nft/${progress.nftId}`}>{t('progress.publicPage')}</Link>
            </Button>
            {progress.explorerUrl && (
              <Button asChild variant="outline">
                <a href={progress.explorerUrl} target="_blank" rel="noreferrer" data-testid="nft-explorer">
                  <ExternalLink aria-hidden="true" />
                  {t('progress.explorer')}
                </a>
              </Button>
            )}
            <ShareButton nftId={progress.nftId} name={title} />
          </div>
        </div>
      )}
      {progress.transactionHash && (
        <p className="min-w-0 text-muted-foreground text-xs">
          {t('progress.payment')} <span className="break-all font-mono">{progress.transactionHash}</span>
        </p>
      )}
    </Card>
  );
}
