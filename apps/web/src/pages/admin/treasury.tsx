import type { TTreasuryRow } from '@puffy/contracts';
import { useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';
import { ExportDownload } from './export-download';
import { PagedTable, shortId, when } from './paged-table';

const PROBLEM_TEXT: Record<TTreasuryRow['problems'][number], string> = {
  unmatched: 'pays for no claim or order',
  orphaned: 'its order or claim ended',
  overpaid: 'paid too much',
  underpaid: 'paid too little',
};

/** Amounts arrive in the token's smallest unit; shown in whole tokens without a float. */
export function tokenAmount(units: string, unit: TTreasuryRow['unit']): string {
  const decimals = unit === 'SOL' ? 9 : 6;
  const padded = units.padStart(decimals + 1, '0');
  const whole = padded.slice(0, -decimals);
  const fraction = padded.slice(-decimals).replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} ${unit === 'token' ? '' : unit}`.trim();
}

/** Treasury reconciliation: payments to settle, with what settles each, and recording their refunds. */
export default function TreasuryPage() {
  useDocumentTitle('Treasury · Admin');
  const [includeRefunded, setIncludeRefunded] = useState(false);
  const problems = trpc.admin.treasury.problems.useInfiniteQuery(
    { limit: 20, includeRefunded },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  return (
    <section className="card">
      <h1>Treasury reconciliation</h1>
      <label className="small">
        <input
          type="checkbox"
          checked={includeRefunded}
          onChange={(e) => setIncludeRefunded(e.target.checked)}
        />{' '}
        Show payments already refunded
      </label>
      <div className="small">
        <ExportDownload file="treasury.csv">Download (CSV)</ExportDownload>
      </div>
      <PagedTable
        caption="Treasury payments to settle"
        columns={['Payment', 'Problem', 'Paid', 'Expected', 'To settle', '']}
        query={problems}
        empty="Every payment matches what it paid for."
        row={(p: TTreasuryRow) => <PaymentRow key={p.id} payment={p} />}
      />
    </section>
  );
}

function PaymentRow({ payment }: { payment: TTreasuryRow }) {
  return (
    <tr>
      <td className="small">
        <span className="mono">{shortId(payment.transactionHash)}</span>
        <div className="muted">
          {payment.purpose} · {payment.network} · {when(payment.createdAt)}
        </div>
        <div className="muted">
          from <span className="mono">{shortId(payment.payer)}</span>
        </div>
      </td>
      <td className="small">
        <span>{payment.problems.map((p) => PROBLEM_TEXT[p]).join('; ')}</span>
        {payment.reason && <div className="muted">{payment.reason}</div>}
      </td>
      <td>{tokenAmount(payment.amount, payment.unit)}</td>
      <td>{tokenAmount(payment.expectedAmount, payment.unit)}</td>
      <td className="small">
        Refund {tokenAmount(payment.refundAmount, payment.unit)}
        {payment.shortfall !== '0' && (
          <div className="muted">or collect {tokenAmount(payment.shortfall, payment.unit)} more</div>
        )}
      </td>
      <td>
        {payment.status === 'refunded' ? (
          <span className="small">
            Refunded in <span className="mono">{shortId(payment.refundTransactionHash)}</span>
          </span>
        ) : (
          <MarkRefunded paymentId={payment.id} />
        )}
      </td>
    </tr>
  );
}

function MarkRefunded({ paymentId }: { paymentId: string }) {
  const utils = trpc.useUtils();
  const [hash, setHash] = useState('');
  const mark = trpc.admin.treasury.markRefunded.useMutation({
    onSuccess: () => void utils.admin.treasury.problems.invalidate(),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        mark.mutate({ paymentId, refundTransactionHash: hash.trim() });
      }}
    >
      <label htmlFor={`refund-tx-${paymentId}`}>Refund transaction</label>
      <input id={`refund-tx-${paymentId}`} value={hash} required onChange={(e) => setHash(e.target.value)} />
      <button type="submit" className="button" disabled={mark.isPending}>
        Mark refunded
      </button>
      {mark.error && <ErrorMessage error={mark.error} />}
    </form>
  );
}
