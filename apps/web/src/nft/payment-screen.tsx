import type { TNftProgress, TPromotionClaim } from '@puffy/contracts';
import { Clock, ExternalLink, Fuel } from 'lucide-react';
import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../campaigns/panel';
import { Alert, AlertDescription } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { formatTime } from '../lib/format';
import { trpc } from '../lib/trpc';
import { catalogPayWords, PayButtons } from '../pay/pay-buttons';
import { SignatureDisclosure } from '../pay/signature-disclosure';
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
  const { t } = useTranslation('nft');
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
  const pending = progress?.paymentPending === true;
  const busy = pay.step !== 'idle' || mintGas.isPending;
  const title = t('pay.title', { name: claim.name, sequence: claim.sequence });

  return (
    <Panel
      titleId={`${id}-title`}
      icon={Fuel}
      title={title}
      description={t('pay.lead')}
      data-testid="nft-payment"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-0.5 rounded-lg bg-muted px-4 py-3">
          <span className="text-muted-foreground text-xs">{t('pay.fee')}</span>
          <span className="font-semibold text-2xl tabular-nums" data-testid="nft-fee">
            {formatSol(claim.gasFee)}
          </span>
        </div>
        <div className="grid gap-0.5 rounded-lg bg-muted px-4 py-3">
          <span className="flex items-center gap-1.5 text-muted-foreground text-xs">
            <Clock className="size-3.5" aria-hidden="true" />
            {t('pay.window')}
          </span>
          <p data-testid="nft-window" data-closed={closed} className="text-sm">
            {closed ? (
              <strong className="text-destructive">{t('pay.closed')}</strong>
            ) : (
              <>
                {t('pay.within')}{' '}
                <strong className="font-semibold text-lg tabular-nums">{formatCountdown(secondsLeft)}</strong>{' '}
                {t('pay.before', { time: formatTime(claim.payBefore) })}
              </>
            )}
          </p>
        </div>
      </div>
      {pending && (
        <Alert variant="info" role="status">
          <AlertDescription className="text-foreground">
            <p data-testid="nft-pending">{t('pay.pending')}</p>
          </AlertDescription>
        </Alert>
      )}
      {!closed && !pending && (
        <>
          <PayButtons
            wallets={wallets}
            amount={formatSol(claim.gasFee)}
            step={pay.step}
            disabled={busy}
            words={catalogPayWords(t, 'pay')}
            onPay={(wallet) => {
              build.reset();
              mintGas.reset();
              void pay.payWith(wallet);
            }}
          />
          <div className="grid gap-1">
            <Button asChild variant="outline" className="justify-self-start">
              <a
                href={solanaPayUrl(
                  claim,
                  t('pay.walletMessage', { name: claim.name, sequence: claim.sequence }),
                )}
              >
                <ExternalLink aria-hidden="true" />
                {t('pay.solanaPay')}
              </a>
            </Button>
            <p className="text-muted-foreground text-xs">{t('pay.solanaPayNote')}</p>
          </div>
          <SignatureDisclosure
            words={{
              summary: t('pay.manual.summary'),
              lead: t('pay.manual.lead'),
              signature: t('pay.manual.signature'),
              submit: t('pay.manual.submit'),
              invalid: t('pay.manual.invalid'),
            }}
            facts={[
              { label: t('pay.manual.to'), value: claim.treasuryAddress },
              { label: t('pay.manual.memo'), value: claim.memo },
              { label: t('pay.manual.reference'), value: claim.reference },
            ]}
            busy={busy}
            onSubmit={(transactionHash) => mintGas.mutate({ nftId: claim.nftId, transactionHash })}
          />
        </>
      )}
      {pay.walletError && <RefusalNotice error={new Error(pay.walletError)} />}
      {build.error && <RefusalNotice key={build.submittedAt} error={build.error} />}
      {mintGas.error && <RefusalNotice key={mintGas.submittedAt} error={mintGas.error} />}
    </Panel>
  );
}
