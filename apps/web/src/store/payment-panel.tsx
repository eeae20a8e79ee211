import { centsToTokenUnits, type TOrder, usdtToCents, ZSolanaSignature } from '@puffy/contracts';
import { useCallback, useId, useState } from 'react';
import { ErrorMessage } from '../components/error-message';
import { formatDateTime } from '../lib/format';
import { trpc } from '../lib/trpc';
import { PayButtons } from '../pay/pay-buttons';
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
  const id = useId();
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
      setProblem(parsed.error.issues[0]?.message ?? 'Check the signature.');
      return;
    }
    setProblem(null);
    await report(parsed.data);
  };

  const busy = pay.step !== 'idle' || submit.isPending;
  return (
    <section className="card store-payment" aria-labelledby={`${id}-title`} data-testid="payment">
      <h2 id={`${id}-title`}>Pay {usdt(payment.amount)}</h2>
      <p>
        Send at least {usdt(payment.amount)} on Solana before{' '}
        <time dateTime={payment.payBefore}>{formatDateTime(payment.payBefore)}</time>. We find the transfer by
        its reference even if you close this page.
      </p>
      <PayButtons
        wallets={wallets}
        amount={usdt(payment.amount)}
        step={pay.step}
        disabled={busy}
        onPay={payWith}
      />
      {pay.walletError && (
        <p className="store-field-error" role="alert" data-testid="wallet-error">
          {pay.walletError}
        </p>
      )}
      {build.error && <ErrorMessage key={build.submittedAt} error={build.error} />}
      <div className="store-payment-phone">
        <PaymentQr
          url={payment.solanaPayUrl}
          label="Solana Pay QR code: scan it with a phone wallet to pay"
        />
        <p>
          Scan with a phone wallet, or <a href={payment.solanaPayUrl}>open the Solana Pay link</a>. The
          request carries the amount, the memo and the reference.
        </p>
      </div>
      <details className="store-payment-manual">
        <summary>Paid another way? Send us the transaction signature</summary>
        <p>The transfer must carry the memo and the reference below, or we cannot match it to this order.</p>
        <dl className="store-payment-facts">
          <dt>Amount (USDT, at least)</dt>
          <dd className="mono" data-testid="payment-amount">
            {payment.amount}
          </dd>
          <dt>To (treasury wallet)</dt>
          <dd className="mono" data-testid="payment-recipient">
            {payment.recipient}
          </dd>
          <dt>Token (USDT mint)</dt>
          <dd className="mono">{payment.mint}</dd>
          <dt>Memo</dt>
          <dd className="mono" data-testid="payment-memo">
            {payment.memo}
          </dd>
          <dt>Reference</dt>
          <dd className="mono" data-testid="payment-reference">
            {payment.reference}
          </dd>
        </dl>
        <form className="inline-form" onSubmit={send} noValidate>
          <label htmlFor={`${id}-hash`}>Transaction signature</label>
          <input
            id={`${id}-hash`}
            className="mono"
            value={hash}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            onChange={(event) => setHash(event.target.value)}
          />
          <button type="submit" disabled={busy}>
            I have paid
          </button>
          {problem && (
            <p id={`${id}-error`} className="store-field-error" role="alert">
              {problem}
            </p>
          )}
        </form>
      </details>
      {submit.error && <ErrorMessage key={submit.submittedAt} error={submit.error} />}
    </section>
  );
}
