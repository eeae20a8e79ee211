import { type TOrder, ZSolanaSignature } from '@puffy/contracts';
import { useId, useState } from 'react';
import { ErrorMessage } from '../components/error-message';
import { trpc } from '../lib/trpc';
import type { PayingWallet } from './paying-wallets';
import { PaymentQr } from './payment-qr';
import { usePayingWallets } from './use-paying-wallets';
import { usdt } from './words';

type Step = 'idle' | 'connecting' | 'building' | 'signing' | 'reporting';

const STEP_LABEL: Record<Exclude<Step, 'idle'>, string> = {
  connecting: 'Connecting the wallet…',
  building: 'Preparing the transfer…',
  signing: 'Waiting for the wallet to sign and send…',
  reporting: 'Checking the payment…',
};

/**
 * How to pay a `new` order, in the order most members want: one click with a connected wallet (the
 * server builds the USDT transfer with the memo and reference, the wallet signs and sends it, the page
 * reports the signature), a Solana Pay QR code for a phone, or any wallet by hand and the signature.
 */
export function PaymentPanel({ order, onPaid }: { order: TOrder; onPaid: (order: TOrder) => void }) {
  const id = useId();
  const { payment } = order;
  const wallets = usePayingWallets();
  const [hash, setHash] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [step, setStep] = useState<Step>('idle');
  const [walletError, setWalletError] = useState<string | null>(null);
  const build = trpc.order.paymentTransaction.useMutation();
  const submit = trpc.order.submitPayment.useMutation();

  const report = async (transactionHash: string) => {
    try {
      onPaid(await submit.mutateAsync({ orderId: order.id, transactionHash }));
    } catch {
      // Shown below, with the server's reason; the signature stays in the form to send again.
    }
  };

  const payWith = async (wallet: PayingWallet) => {
    setWalletError(null);
    build.reset();
    submit.reset();
    let signature: string;
    let stage: Step = 'connecting';
    try {
      setStep(stage);
      const account = await wallet.connect(order);
      stage = 'building';
      setStep(stage);
      const { transaction } = await build.mutateAsync({ orderId: order.id, account });
      stage = 'signing';
      setStep(stage);
      signature = await wallet.signAndSend(transaction);
    } catch (error) {
      // The server's refusals show through `build.error`; a wallet's own failure is shown here.
      if (stage !== 'building') {
        setWalletError(error instanceof Error ? error.message : 'The wallet did not send the payment.');
      }
      setStep('idle');
      return;
    }
    // Kept in the form: if reporting fails, the member can send it again, and the job finds the
    // transfer by its reference anyway.
    setHash(signature);
    setStep('reporting');
    await report(signature);
    setStep('idle');
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

  const busy = step !== 'idle' || submit.isPending;
  return (
    <section className="card store-payment" aria-labelledby={`${id}-title`} data-testid="payment">
      <h2 id={`${id}-title`}>Pay {usdt(payment.amount)}</h2>
      <p>
        Send at least {usdt(payment.amount)} on Solana before{' '}
        <time dateTime={payment.payBefore}>{new Date(payment.payBefore).toLocaleString()}</time>. We find the
        transfer by its reference even if you close this page.
      </p>
      {wallets.length > 0 && (
        <div className="store-pay-wallets" data-testid="pay-wallets">
          {wallets.map((wallet) => (
            <button key={wallet.id} type="button" onClick={() => void payWith(wallet)} disabled={busy}>
              {wallet.icon && <img src={wallet.icon} alt="" width={20} height={20} />}
              Pay {usdt(payment.amount)} with {wallet.name}
            </button>
          ))}
          {step !== 'idle' && (
            <p role="status" data-testid="pay-step">
              {STEP_LABEL[step]}
            </p>
          )}
        </div>
      )}
      {walletError && (
        <p className="store-field-error" role="alert" data-testid="wallet-error">
          {walletError}
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
