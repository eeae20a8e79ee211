import type { TQuote } from '@puffy/contracts';
import type { ReactNode } from 'react';
import { formatTime } from '../lib/format';
import { describeItem, usdt } from './words';

function Validity({ expiresAt }: { expiresAt: string }) {
  return (
    <p className="muted small">
      Valid until <time dateTime={expiresAt}>{formatTime(expiresAt)}</time>; we ask again by ourselves when it
      runs out or is older than 30 seconds at checkout.
    </p>
  );
}

/** Every line, discount and fee exactly as the server quoted it (an order shows its own `footer`). */
export function QuoteView({ quote, footer }: { quote: TQuote; footer?: ReactNode }) {
  return (
    <div className="store-quote" data-testid="quote" data-quote-id={quote.quoteId}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Qty</th>
            <th scope="col">Unit price</th>
            <th scope="col">Discount</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((line) => (
            <tr key={`${line.sku}-${line.colorway}-${line.flavor}-${line.nicotine}`}>
              <td>{describeItem(line)}</td>
              <td>{line.quantity}</td>
              <td>{usdt(line.unitPrice)}</td>
              <td>{line.discount === '0.00' ? '—' : `−${usdt(line.discount)}`}</td>
              <td>{usdt(line.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {quote.discounts.length > 0 && (
        <ul className="store-discounts" aria-label="Discounts">
          {quote.discounts.map((discount) => (
            <li key={`${discount.rule}-${discount.description}`} data-rule={discount.rule}>
              {discount.description}: −{usdt(discount.amount)}
            </li>
          ))}
        </ul>
      )}
      <dl className="store-totals">
        <dt>Subtotal</dt>
        <dd>{usdt(quote.subtotal)}</dd>
        <dt>Shipping</dt>
        <dd data-testid="quote-shipping">{usdt(quote.shipping)}</dd>
        <dt>Total</dt>
        <dd data-testid="quote-total">{usdt(quote.total)}</dd>
      </dl>
      {footer === undefined ? <Validity expiresAt={quote.expiresAt} /> : footer}
    </div>
  );
}
