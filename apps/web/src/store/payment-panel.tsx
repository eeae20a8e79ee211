import { type TOrder, ZSolanaSignature } from '@puffy/contracts';
import { useId, useState } from 'react';
import { ErrorMessage } from '../components/error-message';
import { trpc } from '../lib/trpc';
import { usdt } from './words';

/**
 * How to pay a `new` order: a USDT transfer to the treasury carrying the memo and the reference key the
 * server gave (any wallet, or a phone through the Solana Pay link), then the transaction's signature.
 */
export function PaymentPanel({ order, onPaid }: { order: TOrder; onPaid: (order: TOrder) => void }) {
  const id = useId();
  const { payment } = order;
  const [hash, setHash] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = trpc.order.submitPayment.useMutation();

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = ZSolanaSignature.safeParse(hash.trim());
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Check the signature.');
      return;
    }
    setProblem(null);
    try {
      onPaid(await submit.mutateAsync({ orderId: order.id, transactionHash: parsed.data }));
    } catch {
      // Shown below, with the server's reason.
    }
  };

  return (
    <section className="card store-payment" aria-labelledby={`${id}-title`} data-testid="payment">
      <h2 id={`${id}-title`}>Pay {usdt(payment.amount)}</h2>
      <p>
        Send at least {usdt(payment.amount)} on Solana before{' '}
        <time dateTime={payment.payBefore}>{new Date(payment.payBefore).toLocaleString()}</time>. The transfer
        must carry the memo and the reference below, or we cannot match it to this order.
      </p>
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
      <p>
        <a href={payment.solanaPayUrl}>Pay with a Solana Pay wallet</a>
      </p>
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
        <button type="submit" disabled={submit.isPending}>
          I have paid
        </button>
        {problem && (
          <p id={`${id}-error`} className="store-field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      {submit.error && <ErrorMessage key={submit.submittedAt} error={submit.error} />}
    </section>
  );
}
