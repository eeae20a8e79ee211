import { type TNftProgress, type TPromotionClaim, ZSolanaSignature } from '@puffy/contracts';
import { useId, useState } from 'react';
import { paySolWithDevWallet } from '../auth/dev-wallet-sol-pay';
import { trpc } from '../lib/trpc';
import { gasPaymentMessage } from './payment-transaction';
import { RefusalNotice } from './refusal-notice';
import { useSecondsLeft } from './use-countdown';
import { formatCountdown, formatSol, solanaPayUrl } from './words';

export interface PaymentScreenProps {
  claim: TPromotionClaim;
  /** The claim's record, when the server has reported on it (a pending payment among others). */
  progress: TNftProgress | null;
  /** True when this browser's development wallet is the member's wallet (never in production). */
  devWallet: boolean;
  onReported: (progress: TNftProgress) => void;
}

/** Builds, signs and sends the gas payment with the development wallet on the local chain. */
function payWithDevelopmentWallet(claim: TPromotionClaim): Promise<string> {
  const lamports = BigInt(claim.gasFee);
  return paySolWithDevWallet(lamports, (payer, recentBlockhash) =>
    gasPaymentMessage({
      payer,
      treasury: claim.treasuryAddress,
      reference: claim.reference,
      memo: claim.memo,
      lamports,
      recentBlockhash,
    }),
  );
}

/**
 * The gas-fee payment of a claim: the fee in SOL, the time left in the payment window, and the ways
 * to pay (the development wallet, any Solana Pay wallet, or a signature pasted by hand). The
 * transaction's signature goes to `promotion.mintGas`, which checks it on the chain.
 */
export function PaymentScreen({ claim, progress, devWallet, onReported }: PaymentScreenProps) {
  const id = useId();
  const secondsLeft = useSecondsLeft(claim.payBefore);
  const closed = secondsLeft === 0;
  const mintGas = trpc.promotion.mintGas.useMutation({ onSuccess: onReported });
  const [walletError, setWalletError] = useState<Error | null>(null);
  const [sending, setSending] = useState(false);
  const [hash, setHash] = useState('');
  const [hashProblem, setHashProblem] = useState<string | null>(null);
  const pending = progress?.paymentPending === true;

  const report = (transactionHash: string) => {
    mintGas.mutate({ nftId: claim.nftId, transactionHash });
  };

  const payNow = async () => {
    setWalletError(null);
    setSending(true);
    try {
      report(await payWithDevelopmentWallet(claim));
    } catch (error) {
      setWalletError(error instanceof Error ? error : new Error('The wallet did not send the payment.'));
    } finally {
      setSending(false);
    }
  };

  const submitHash = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = ZSolanaSignature.safeParse(hash.trim());
    if (!parsed.success) {
      setHashProblem('Paste the transaction signature your wallet shows (a long base58 text).');
      return;
    }
    setHashProblem(null);
    report(parsed.data);
  };

  const busy = sending || mintGas.isPending;
  return (
    <section className="card nft-payment" aria-labelledby={`${id}-title`} data-testid="nft-payment">
      <h2 id={`${id}-title`}>
        Pay the gas fee for {claim.name} #{claim.sequence}
      </h2>
      <p className="nft-fee" data-testid="nft-fee">
        {formatSol(claim.gasFee)}
      </p>
      <p data-testid="nft-window" data-closed={closed}>
        {closed ? (
          <strong>The payment window has closed. A payment sent now will not count for this claim.</strong>
        ) : (
          <>
            Pay within <strong className="nft-countdown">{formatCountdown(secondsLeft)}</strong> (before{' '}
            <time dateTime={claim.payBefore}>{new Date(claim.payBefore).toLocaleTimeString()}</time>).
          </>
        )}
      </p>
      {pending && (
        <p className="notice" role="status" data-testid="nft-pending">
          Your payment is not visible on the chain yet. We will keep checking and move on by ourselves once it
          appears; you can close this page.
        </p>
      )}
      {!closed && !pending && (
        <>
          {devWallet && (
            <p>
              <button type="button" onClick={() => void payNow()} disabled={busy}>
                {sending
                  ? 'Sending the payment…'
                  : mintGas.isPending
                    ? 'Checking the payment…'
                    : 'Pay with the development wallet'}
              </button>
            </p>
          )}
          <p>
            <a href={solanaPayUrl(claim)}>Pay with a Solana Pay wallet</a>
            <span className="muted small">
              {' '}
              · we find the payment by its reference, even if you close this page.
            </span>
          </p>
          <details className="nft-manual">
            <summary>Paid another way? Send us the transaction signature</summary>
            <dl className="nft-facts">
              <dt>To (treasury)</dt>
              <dd className="mono">{claim.treasuryAddress}</dd>
              <dt>Memo</dt>
              <dd className="mono">{claim.memo}</dd>
              <dt>Reference</dt>
              <dd className="mono">{claim.reference}</dd>
            </dl>
            <form className="inline-form" onSubmit={submitHash} noValidate>
              <label htmlFor={`${id}-hash`}>Transaction signature</label>
              <input
                id={`${id}-hash`}
                className="mono"
                value={hash}
                aria-invalid={hashProblem ? true : undefined}
                aria-describedby={hashProblem ? `${id}-hash-error` : undefined}
                onChange={(event) => setHash(event.target.value)}
              />
              <button type="submit" disabled={busy}>
                Check my payment
              </button>
              {hashProblem && (
                <p id={`${id}-hash-error`} className="nft-field-error" role="alert">
                  {hashProblem}
                </p>
              )}
            </form>
          </details>
        </>
      )}
      {walletError && <RefusalNotice error={walletError} />}
      {mintGas.error && <RefusalNotice key={mintGas.submittedAt} error={mintGas.error} />}
    </section>
  );
}
