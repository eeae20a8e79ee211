import { centsToTokenUnits, type TOrder, usdtToCents } from '@puffy/contracts';
import { ExternalLink, QrCode, Wallet } from 'lucide-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message';
import { Alert, AlertDescription } from '../components/ui/alert';
import { Card, CardDescription, CardHeader, CardTitle } from '../components/ui/card';
import { formatDateTime } from '../lib/format';
import { trpc } from '../lib/trpc';
import { catalogPayWords, PayButtons } from '../pay/pay-buttons';
import { SignatureDisclosure } from '../pay/signature-disclosure';
import { usePayingWallets } from '../pay/use-paying-wallets';
import { useWalletPayment } from '../pay/use-wallet-payment';
import { PaymentQr } from './payment-qr';
import { usdt } from './words';

/**
 * How to pay a `new` order, in the order most members want: one click with a connected wallet (the
 * server builds the USDT transfer with the memo and reference, the wallet signs and sends it, the page
 * reports the signature), a Solana Pay QR code for a phone, or any wallet by hand and the signature.
 */
export function PaymentPanel({ order, onPaid }: { order: TOrder; onPaid: (order: TOrder) => void }) {
  const { t } = useTranslation('store');
  const { payment } = order;
  // The development wallet mints itself the order's amount of test USDT before it pays.
  const fundDevWallet = useCallback(async () => {
    const { fundDevWalletWithTokens } = await import('../auth/dev-wallet-sol-pay');
    return fundDevWalletWithTokens(payment.mint, centsToTokenUnits(usdtToCents(payment.amount)));
  }, [payment.mint, payment.amount]);
  const wallets = usePayingWallets(fundDevWallet);
  // The last signature reported: if reporting it failed, "Try again" sends it again (the job would
  // also find the transfer by its reference).
  const [sent, setSent] = useState<string | null>(null);
  const build = trpc.order.paymentTransaction.useMutation();
  const submit = trpc.order.submitPayment.useMutation();

  const report = async (transactionHash: string) => {
    setSent(transactionHash);
    try {
      onPaid(await submit.mutateAsync({ orderId: order.id, transactionHash }));
    } catch {
      // Shown below, with the server's reason; the signature stays in the form to send again.
    }
  };
  const pay = useWalletPayment({
    build: (account) => build.mutateAsync({ orderId: order.id, account }),
    report,
  });
  const payWith: Parameters<typeof PayButtons>[0]['onPay'] = (wallet) => {
    build.reset();
    submit.reset();
    void pay.payWith(wallet);
  };

  const busy = pay.step !== 'idle' || submit.isPending;
  const amount = usdt(payment.amount);
  return (
    <Card as="section" aria-labelledby="order-payment" data-testid="payment" className="border-primary/40">
      <CardHeader>
        <CardTitle id="order-payment" className="flex items-center gap-2">
          <Wallet className="size-5 text-primary" aria-hidden="true" />
          {t('payment.title', { amount })}
        </CardTitle>
        <CardDescription>
          {t('payment.lead', { amount })}{' '}
          <time dateTime={payment.payBefore} className="font-medium text-foreground">
            {formatDateTime(payment.payBefore)}
          </time>
          . {t('payment.reference')}
        </CardDescription>
      </CardHeader>
      <PayButtons
        wallets={wallets}
        amount={amount}
        step={pay.step}
        disabled={busy}
        words={catalogPayWords(t, 'payment')}
        onPay={payWith}
      />
      {pay.walletError && (
        <Alert variant="destructive" role="alert" data-testid="wallet-error">
          <AlertDescription className="text-foreground">{pay.walletError}</AlertDescription>
        </Alert>
      )}
      {build.error && <ErrorMessage key={build.submittedAt} error={build.error} />}
      <div className="grid items-center gap-4 rounded-xl border p-4 sm:grid-cols-[auto_minmax(0,1fr)]">
        <PaymentQr url={payment.solanaPayUrl} label={t('payment.qrLabel')} />
        <div className="grid gap-2 text-sm">
          <p className="flex items-center gap-2 font-medium">
            <QrCode className="size-4 text-primary" aria-hidden="true" />
            {t('payment.phoneTitle')}
          </p>
          <p className="text-muted-foreground">
            {t('payment.phoneLead')}{' '}
            <a href={payment.solanaPayUrl} className="inline-flex items-center gap-1 text-primary">
              {t('payment.openLink')}
              <ExternalLink className="size-3.5" aria-hidden="true" />
            </a>
          </p>
        </div>
      </div>
      <SignatureDisclosure
        words={{
          summary: t('payment.manualTitle'),
          lead: t('payment.manualLead'),
          signature: t('payment.signature'),
          submit: t('payment.paid'),
          invalid: t('payment.signatureFormat'),
        }}
        facts={[
          { label: t('payment.fact.amount'), value: payment.amount, testId: 'payment-amount' },
          { label: t('payment.fact.recipient'), value: payment.recipient, testId: 'payment-recipient' },
          { label: t('payment.fact.mint'), value: payment.mint },
          { label: t('payment.fact.memo'), value: payment.memo, testId: 'payment-memo' },
          { label: t('payment.fact.reference'), value: payment.reference, testId: 'payment-reference' },
        ]}
        busy={busy}
        onSubmit={(signature) => void report(signature)}
      />
      {submit.error && (
        <ErrorMessage
          key={submit.submittedAt}
          error={submit.error}
          onRetry={sent ? () => void report(sent) : undefined}
        />
      )}
    </Card>
  );
}
