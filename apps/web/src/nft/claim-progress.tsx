import type { TNftProgress } from '@puffy/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useSecondsSince } from './use-countdown';
import { formatCountdown, PROGRESS_STEPS, type ProgressStep, stepsDone } from './words';

/** The share link of a minted NFT: the system share sheet where there is one, else the clipboard. */
function ShareButton({ nftId, name }: { nftId: number; name: string }) {
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
    <span className="nft-share">
      <button type="button" onClick={() => void share()}>
        Share
      </button>{' '}
      {copied === 'copied' && <span role="status">Link copied.</span>}
      {copied === 'failed' && <span role="status">Copy this link: {url}</span>}
    </span>
  );
}

/** What is happening during a step, so a wait of a minute never looks like nothing is. */
const STEP_DETAIL: Record<ProgressStep, string> = {
  paid: 'Waiting for your payment to reach the network.',
  payment_confirmed: 'The network is confirming your payment; this usually takes less than a minute.',
  minting: 'Creating your NFT on the network and sending it to your wallet.',
  minted: '',
};

/** The step under way: what it does and how long it has been going. */
function CurrentStep({
  step,
  status,
  paymentPending,
}: {
  step: ProgressStep;
  status: string;
  paymentPending: boolean;
}) {
  const seconds = useSecondsSince(status, true);
  return (
    <span className="nft-step-detail" data-testid="nft-step-detail">
      {paymentPending
        ? 'Your payment is not visible on the network yet; we keep checking.'
        : STEP_DETAIL[step]}{' '}
      <span className="muted">
        (<time dateTime={`PT${seconds}S`}>{formatCountdown(seconds)}</time> so far)
      </span>
    </span>
  );
}

/** Live progress from the payment to the minted NFT (paid, confirmed, minting, minted). */
export function ClaimProgress({ progress, name }: { progress: TNftProgress; name: string }) {
  const done = stepsDone(progress.status);
  const failed = progress.status === 'mint_failed';
  const title = `${name} #${progress.sequence}`;
  return (
    <section
      className="card nft-progress"
      aria-labelledby="nft-progress-title"
      data-testid="nft-progress"
      data-status={progress.status}
    >
      <h2 id="nft-progress-title">{title}</h2>
      <ol className="nft-steps">
        {PROGRESS_STEPS.map((step, index) => {
          const state = index < done ? 'done' : index === done && !failed ? 'current' : 'waiting';
          return (
            <li key={step.key} className={`nft-step nft-step-${state}`} data-state={state}>
              {step.label}
              {state === 'current' && (
                <>
                  {' '}
                  <CurrentStep
                    step={step.key}
                    status={progress.status}
                    paymentPending={progress.paymentPending}
                  />
                </>
              )}
            </li>
          );
        })}
      </ol>
      {failed && (
        <div className="notice notice-error" role="alert">
          <p>
            Minting did not go through{progress.failureReason ? `: ${progress.failureReason}` : '.'} Your
            payment is safe; the mint is retried, and our team can retry it again.
          </p>
        </div>
      )}
      {progress.status === 'minted' && (
        <div className="nft-minted" data-testid="nft-minted">
          <p>
            <strong>Your NFT is minted.</strong>
          </p>
          <p>
            {progress.explorerUrl && (
              <a href={progress.explorerUrl} target="_blank" rel="noreferrer" data-testid="nft-explorer">
                View the mint on the explorer
              </a>
            )}{' '}
            · <Link to={`/nft/${progress.nftId}`}>Its public page</Link> ·{' '}
            <ShareButton nftId={progress.nftId} name={title} />
          </p>
        </div>
      )}
      {progress.transactionHash && (
        <p className="muted small">
          Payment: <span className="mono">{progress.transactionHash}</span>
        </p>
      )}
    </section>
  );
}
