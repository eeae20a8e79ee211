import { type TNftProgress, type TPromotionClaim, ZSolanaSignature } from '@puffy/contracts';
import { useCallback, useId, useState } from 'react';
import { formatTime } from '../lib/format';
import { trpc } from '../lib/trpc';
import { PayButtons } from '../pay/pay-buttons';
import { usePayingWallets } from '../pay/use-paying-wallets';
import { useWalletPayment } from '../pay/use-wallet-payment';
import { RefusalNotice } from './refusal-notice';
import { useSecondsLeft } from './use-countdown';
import { formatCountdown, formatSol, solanaPayUrl } from './words';

export interface PaymentScreenProps {
  claim: TPromotionClaim;
  /** The claim's record, when the server has reported on it (a pending payment among others). */
  progress: TNftProgress | null;
  onReported: (progress: TNftProgress) => void;
}

/**
 * The gas-fee payment of a claim: the fee in SOL, the time left in the payment window, and the ways
 * to pay (one click with a connected wallet or the development wallet, any Solana Pay wallet, or a
 * signature pasted by hand). The transaction's signature goes to `promotion.mintGas`, which checks it
 * on the chain.
 */
export function PaymentScreen({ claim, progress, onReported }: PaymentScreenProps) {
  const id = useId();
  const secondsLeft = useSecondsLeft(claim.payBefore);
  const closed = secondsLeft === 0;
  const mintGas = trpc.promotion.mintGas.useMutation({ onSuccess: onReported });
  const build = trpc.promotion.paymentTransaction.useMutation();
  // The development wallet tops itself up with SOL for the fee first.
  const fundDevWallet = useCallback(async () => {
    const { fundDevWalletWithSol } = await import('../auth/dev-wallet-sol-pay');
    return fundDevWalletWithSol(BigInt(claim.gasFee));
  }, [claim.gasFee]);
  // Browser wallets send on Solana mainnet; a claim on another network is paid by link or by hand.
  const wallets = usePayingWallets(fundDevWallet).filter(
    (wallet) => claim.network === 'sol' || wallet.id === 'dev-solana',
  );
  const pay = useWalletPayment({
    build: (account) => build.mutateAsync({ nftId: claim.nftId, account }),
    report: async (transactionHash) => {
      try {
        await mintGas.mutateAsync({ nftId: claim.nftId, transactionHash });
      } catch {
        // Shown below with the server's reason.
      }
    },
  });
  const [hash, setHash] = useState('');
  const [hashProblem, setHashProblem] = useState<string | null>(null);
  const pending = progress?.paymentPending === true;

  const report = (transactionHash: string) => {
    mintGas.mutate({ nftId: claim.nftId, transactionHash });
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

  const busy = pay.step !== 'idle' || mintGas.isPending;
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
            <time dateTime={claim.payBefore}>{formatTime(claim.payBefore)}</time>).
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
          <PayButtons
            wallets={wallets}
            amount={formatSol(claim.gasFee)}
            step={pay.step}
            disabled={busy}
            onPay={(wallet) => {
              build.reset();
              mintGas.reset();
              void pay.payWith(wallet);
            }}
          />
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
      {pay.walletError && <RefusalNotice error={new Error(pay.walletError)} />}
      {build.error && <RefusalNotice key={build.submittedAt} error={build.error} />}
      {mintGas.error && <RefusalNotice key={mintGas.submittedAt} error={mintGas.error} />}
    </section>
  );
}
