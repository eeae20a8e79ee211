import { centsToTokenUnits, type TOrder, usdtToCents, ZSolanaSignature } from '@puffy/contracts';
import { ExternalLink, QrCode, Wallet } from 'lucide-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message';
import { Alert, AlertDescription } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { Card, CardDescription, CardHeader, CardTitle } from '../components/ui/card';
import { FormField } from '../components/ui/form-field';
import { Input } from '../components/ui/input';
import { formatDateTime } from '../lib/format';
import { trpc } from '../lib/trpc';
import { PayButtons } from '../pay/pay-buttons';
import { usePayingWallets } from '../pay/use-paying-wallets';
import { useWalletPayment } from '../pay/use-wallet-payment';
import { PaymentQr } from './payment-qr';
import { usdt } from './words';

/** The transfer's facts a wallet needs by hand; each may be long, so each wraps instead of widening. */
function PaymentFacts({ facts }: { facts: Array<{ label: string; value: string; testId?: string }> }) {
  return (
    <dl className="grid gap-2 text-sm">
      {facts.map((fact) => (
        <div key={fact.label} className="grid gap-0.5 rounded-lg bg-muted px-3 py-2">
          <dt className="text-muted-foreground text-xs">{fact.label}</dt>
          <dd className="break-all font-mono" data-testid={fact.testId}>
            {fact.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

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
  const [hash, setHash] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const build = trpc.order.paymentTransaction.useMutation();
  const submit = trpc.order.submitPayment.useMutation();

  const report = async (transactionHash: string) => {
    try {
      onPaid(await submit.mutateAsync({ orderId: order.id, transactionHash }));
    } catch {
      // Shown below, with the server's reason; the signature stays in the form to send again.
    }
  };
  const pay = useWalletPayment({
    build: (account) => build.mutateAsync({ orderId: order.id, account }),
    report: async (signature) => {
      // Kept in the form: if reporting fails, the member can send it again (and the job finds the
      // transfer by its reference anyway).
      setHash(signature);
      await report(signature);
    },
  });
  const payWith: Parameters<typeof PayButtons>[0]['onPay'] = (wallet) => {
    build.reset();
    submit.reset();
    void pay.payWith(wallet);
  };

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = ZSolanaSignature.safeParse(hash.trim());
    if (!parsed.success) {
      setProblem(t('payment.signatureFormat'));
      return;
    }
    setProblem(null);
    await report(parsed.data);
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
      <PayButtons wallets={wallets} amount={amount} step={pay.step} disabled={busy} onPay={payWith} />
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
      <details className="group rounded-xl border p-4 [&_summary]:cursor-pointer">
        <summary className="font-medium text-sm">{t('payment.manualTitle')}</summary>
        <div className="mt-4 grid gap-4">
          <p className="text-muted-foreground text-sm">{t('payment.manualLead')}</p>
          <PaymentFacts
            facts={[
              { label: t('payment.fact.amount'), value: payment.amount, testId: 'payment-amount' },
              { label: t('payment.fact.recipient'), value: payment.recipient, testId: 'payment-recipient' },
              { label: t('payment.fact.mint'), value: payment.mint },
              { label: t('payment.fact.memo'), value: payment.memo, testId: 'payment-memo' },
              { label: t('payment.fact.reference'), value: payment.reference, testId: 'payment-reference' },
            ]}
          />
          <form className="flex flex-wrap items-start gap-2" onSubmit={send} noValidate>
            <FormField label={t('payment.signature')} error={problem} className="min-w-0 flex-1 basis-64">
              <Input
                className="font-mono"
                value={hash}
                autoComplete="off"
                spellCheck={false}
                onChange={(event) => setHash(event.target.value)}
              />
            </FormField>
            <Button type="submit" variant="secondary" className="sm:mt-6" disabled={busy}>
              {t('payment.paid')}
            </Button>
          </form>
        </div>
      </details>
      {submit.error && <ErrorMessage key={submit.submittedAt} error={submit.error} />}
    </Card>
  );
}
