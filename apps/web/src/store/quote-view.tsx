import type { TQuote, TQuoteLine } from '@puffy/contracts';
import { Clock } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Separator } from '../components/ui/separator';
import { formatTime } from '../lib/format';
import { describeItem, usdt } from './words';

function Row({
  label,
  value,
  testId,
  strong = false,
}: {
  label: ReactNode;
  value: string;
  testId?: string;
  strong?: boolean;
}) {
  return (
    <div
      className={strong ? 'flex justify-between gap-4 font-semibold text-base' : 'flex justify-between gap-4'}
    >
      <dt className={strong ? undefined : 'text-muted-foreground'}>{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/**
 * Every line, discount and fee exactly as the server priced them: a quote before checkout, an order
 * after. `discounts` are the named ones (a quote has them); `discountTotal` is an order's sum.
 */
export function PriceBreakdown({
  lines,
  subtotal,
  discounts = [],
  discountTotal = null,
  shipping,
  total,
}: {
  lines: TQuoteLine[];
  subtotal: string;
  discounts?: TQuote['discounts'];
  discountTotal?: string | null;
  shipping: string;
  total: string;
}) {
  const { t } = useTranslation('store');
  return (
    <div className="grid gap-3 text-sm">
      <ul className="grid gap-3" aria-label={t('quote.lines')}>
        {lines.map((line) => (
          <li
            key={`${line.sku}-${line.colorway}-${line.flavor}-${line.nicotine}`}
            className="flex justify-between gap-4"
          >
            <div className="grid min-w-0 gap-0.5">
              <span className="font-medium">{describeItem(t, line)}</span>
              <span className="text-muted-foreground text-xs tabular-nums">
                {t('quote.each', { quantity: line.quantity, price: usdt(line.unitPrice) })}
                {line.discount !== '0.00' && ` · ${t('quote.lineDiscount', { amount: usdt(line.discount) })}`}
              </span>
            </div>
            <span className="shrink-0 tabular-nums">{usdt(line.total)}</span>
          </li>
        ))}
      </ul>
      {discounts.length > 0 && (
        <ul className="grid gap-1 text-success" aria-label={t('quote.discounts')}>
          {discounts.map((discount) => (
            <li key={`${discount.rule}-${discount.description}`} data-rule={discount.rule}>
              {t('quote.discount', { description: discount.description, amount: usdt(discount.amount) })}
            </li>
          ))}
        </ul>
      )}
      <Separator />
      <dl className="grid gap-1.5">
        <Row label={t('quote.subtotal')} value={usdt(subtotal)} />
        {discountTotal !== null && discountTotal !== '0.00' && (
          <Row label={t('quote.discountTotal')} value={`−${usdt(discountTotal)}`} />
        )}
        <Row label={t('quote.shipping')} value={usdt(shipping)} testId="quote-shipping" />
        <Row label={t('quote.total')} value={usdt(total)} testId="quote-total" strong />
      </dl>
    </div>
  );
}

/** The server's quote with how long it holds (the SPA asks again by itself when it runs out). */
export function QuoteView({ quote }: { quote: TQuote }) {
  const { t } = useTranslation('store');
  return (
    <div className="grid gap-3" data-testid="quote" data-quote-id={quote.quoteId}>
      <PriceBreakdown {...quote} />
      <p className="flex items-start gap-1.5 text-muted-foreground text-xs">
        <Clock className="mt-px size-3.5 shrink-0" aria-hidden="true" />
        <span>{t('quote.validUntil', { time: formatTime(quote.expiresAt) })}</span>
      </p>
    </div>
  );
}
