import type { TTreasuryRow } from '@puffy/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { FormField } from '../../components/ui/form-field';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { TableCell, TableRow } from '../../components/ui/table';
import { networkName } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { AdminPage } from './admin-page';
import { ExportDownload } from './export-download';
import { PagedTable, shortId, when } from './paged-table';

/** Amounts arrive in the token's smallest unit; shown in whole tokens without a float. */
export function tokenAmount(units: string, unit: TTreasuryRow['unit']): string {
  const decimals = unit === 'SOL' ? 9 : 6;
  const padded = units.padStart(decimals + 1, '0');
  const whole = padded.slice(0, -decimals);
  const fraction = padded.slice(-decimals).replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} ${unit === 'token' ? '' : unit}`.trim();
}

const COLUMNS = ['payment', 'problem', 'paid', 'expected', 'toSettle', 'action'] as const;

/** Treasury reconciliation: payments to settle, with what settles each, and recording their refunds. */
export default function TreasuryPage() {
  const { t } = useTranslation('admin');
  const [includeRefunded, setIncludeRefunded] = useState(false);
  const problems = trpc.admin.treasury.problems.useInfiniteQuery(
    { limit: 20, includeRefunded },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  return (
    <AdminPage
      title={t('treasury.title')}
      description={t('treasury.description')}
      action={<ExportDownload file="treasury.csv">{t('treasury.download')}</ExportDownload>}
    >
      <div className="flex items-center gap-2">
        <Checkbox
          id="treasury-refunded"
          checked={includeRefunded}
          onCheckedChange={(on) => setIncludeRefunded(on === true)}
        />
        <Label htmlFor="treasury-refunded">{t('treasury.includeRefunded')}</Label>
      </div>
      <PagedTable
        caption={t('treasury.caption')}
        columns={COLUMNS.map((c) => t(`treasury.${c}`))}
        query={problems}
        empty={t('treasury.empty')}
        row={(p: TTreasuryRow) => <PaymentRow key={p.id} payment={p} />}
      />
    </AdminPage>
  );
}

function PaymentRow({ payment }: { payment: TTreasuryRow }) {
  const { t } = useTranslation('admin');
  const amount = (units: string) => tokenAmount(units, payment.unit);
  return (
    <TableRow className="align-top">
      <TableCell className="text-sm">
        <span className="font-mono text-xs">{shortId(payment.transactionHash)}</span>
        <div className="text-muted-foreground text-xs">
          {payment.purpose} · {networkName(payment.network)} · {when(payment.createdAt)}
        </div>
        <div className="text-muted-foreground text-xs">
          {t('treasury.from', { payer: shortId(payment.payer) })}
        </div>
      </TableCell>
      <TableCell className="min-w-48 text-sm">
        <span>{payment.problems.map((p) => t(`treasury.problems.${p}`)).join('; ')}</span>
        {payment.reason && <div className="text-muted-foreground text-xs">{payment.reason}</div>}
      </TableCell>
      <TableCell className="whitespace-nowrap">{amount(payment.amount)}</TableCell>
      <TableCell className="whitespace-nowrap">{amount(payment.expectedAmount)}</TableCell>
      <TableCell className="text-sm">
        <span className="whitespace-nowrap">
          {t('treasury.refund', { amount: amount(payment.refundAmount) })}
        </span>
        {payment.shortfall !== '0' && (
          <div className="text-muted-foreground text-xs">
            {t('treasury.collect', { amount: amount(payment.shortfall) })}
          </div>
        )}
      </TableCell>
      <TableCell>
        {payment.status === 'refunded' ? (
          <span className="text-sm">
            {t('treasury.refundedIn', { tx: shortId(payment.refundTransactionHash) })}
          </span>
        ) : (
          <MarkRefunded paymentId={payment.id} />
        )}
      </TableCell>
    </TableRow>
  );
}

function MarkRefunded({ paymentId }: { paymentId: string }) {
  const { t } = useTranslation('admin');
  const utils = trpc.useUtils();
  const [hash, setHash] = useState('');
  const mark = trpc.admin.treasury.markRefunded.useMutation({
    onSuccess: () => void utils.admin.treasury.problems.invalidate(),
  });
  return (
    <form
      className="flex min-w-48 flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        mark.mutate({ paymentId, refundTransactionHash: hash.trim() });
      }}
    >
      <FormField label={t('treasury.refundTx')}>
        <Input
          id={`refund-tx-${paymentId}`}
          className="h-8 font-mono text-xs"
          value={hash}
          required
          onChange={(e) => setHash(e.target.value)}
        />
      </FormField>
      <Button type="submit" size="sm" className="self-start" disabled={mark.isPending}>
        {t('treasury.markRefunded')}
      </Button>
      {mark.error && <ErrorMessage error={mark.error} />}
    </form>
  );
}
