import { type TCatalog, type TQuoteInput, ZCountryCode } from '@puffy/contracts';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorMessage } from '../components/error-message';
import { describeError } from '../lib/errors';
import { trpc } from '../lib/trpc';
import {
  type AddressDraft,
  type AddressErrors,
  AddressFields,
  EMPTY_ADDRESS,
  serverAddressErrors,
  validateAddress,
} from './address-form';
import type { Cart } from './cart';
import { PassEntry } from './pass-entry';
import { QuoteView } from './quote-view';
import { useQuote } from './use-quote';

/** Refusals that mean "this quote cannot be used any more": the SPA asks again and shows why. */
const STALE_QUOTE = new Set(['quote_expired', 'quote_changed', 'quote_not_found']);

function quoteInputOf(cart: Cart): TQuoteInput | null {
  if (cart.items.length === 0 || !cart.country) return null;
  return { items: cart.items, country: cart.country, ...(cart.passCode ? { passCode: cart.passCode } : {}) };
}

/**
 * One submit keeps one idempotency key across its retries, so a retried submit finds the first order;
 * a different request (another quote or address) gets a new key.
 */
function useIdempotencyKey() {
  const current = useRef<{ fingerprint: string; key: string } | null>(null);
  return (request: unknown): string => {
    const fingerprint = JSON.stringify(request);
    if (current.current?.fingerprint !== fingerprint) {
      current.current = { fingerprint, key: crypto.randomUUID() };
    }
    return current.current.key;
  };
}

/** Pass, quote, address and the order: everything between the cart and paying. */
export function CheckoutPanel({
  catalog,
  cart,
  onCart,
  cartReady = true,
}: {
  catalog: TCatalog;
  cart: Cart;
  onCart: (change: (cart: Cart) => Cart) => void;
  /** False while a cart line needs another choice: asking for a quote would only be refused. */
  cartReady?: boolean;
}) {
  const navigate = useNavigate();
  const input = useMemo(() => (cartReady ? quoteInputOf(cart) : null), [cart, cartReady]);
  const quote = useQuote(input);
  const [draft, setDraft] = useState<AddressDraft>(() => ({ ...EMPTY_ADDRESS, country: cart.country ?? '' }));
  const [errors, setErrors] = useState<AddressErrors>({});
  const [submitNotice, setSubmitNotice] = useState<string | null>(null);
  const checkout = trpc.order.checkout.useMutation();
  const keyFor = useIdempotencyKey();
  const countries = useMemo(
    () => [...new Set([...catalog.vapeCountries, ...Object.keys(catalog.shipping.byCountry)])].sort(),
    [catalog],
  );

  const changeDraft = (next: AddressDraft) => {
    setDraft(next);
    // The address's country is the quote's country: shipping and the vape rule depend on it.
    const country = ZCountryCode.safeParse(next.country.trim().toUpperCase());
    const chosen = country.success ? country.data : null;
    if (chosen !== cart.country) onCart((c) => ({ ...c, country: chosen }));
  };

  const placeOrder = async () => {
    setSubmitNotice(null);
    const checked = validateAddress(draft);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const ready = await quote.fresh();
    if (!ready) return;
    if (ready.changed) {
      setSubmitNotice('Check the new total, then place the order again.');
      return;
    }
    const request = { quoteId: ready.quote.quoteId, shippingAddress: checked.address };
    try {
      const order = await checkout.mutateAsync({ ...request, idempotencyKey: keyFor(request) });
      onCart((c) => ({ ...c, items: [], passCode: null }));
      navigate(`/orders/${order.id}`);
    } catch (error) {
      const shown = describeError(error);
      if (shown.reason && STALE_QUOTE.has(shown.reason)) {
        checkout.reset();
        await quote.renew(`${shown.message} We asked for a new quote.`);
        setSubmitNotice('Check the new total, then place the order again.');
      } else if (shown.code === 'BAD_REQUEST') {
        setErrors(serverAddressErrors(shown.fieldErrors));
      }
    }
  };

  return (
    <section aria-labelledby="store-checkout" className="card store-checkout">
      <h2 id="store-checkout">Checkout</h2>
      <PassEntry applied={cart.passCode} onApply={(code) => onCart((c) => ({ ...c, passCode: code }))} />
      <AddressFields draft={draft} errors={errors} onChange={changeDraft} countries={countries} />
      <h3>Your quote</h3>
      {!input && (
        <p className="muted">
          {cartReady
            ? 'Add something to the cart and enter the country to get a quote.'
            : 'Choose an available colorway for each device in your cart to get a quote.'}
        </p>
      )}
      {quote.notice && (
        <p className="notice" role="status" data-testid="quote-notice">
          {quote.notice}
        </p>
      )}
      {input && quote.pending && !quote.quote && <p className="muted">Asking for a quote…</p>}
      {input && quote.error !== null && !quote.quote && (
        <ErrorMessage error={quote.error} onRetry={() => void quote.renew('Asked again.')} />
      )}
      {quote.quote && <QuoteView quote={quote.quote} />}
      {submitNotice && (
        <p className="notice" role="status">
          {submitNotice}
        </p>
      )}
      {checkout.error && (
        <ErrorMessage key={checkout.submittedAt} error={checkout.error} onRetry={() => void placeOrder()} />
      )}
      <button
        type="button"
        className="button store-place-order"
        disabled={!quote.quote || checkout.isPending || quote.pending}
        onClick={() => void placeOrder()}
      >
        {checkout.isPending ? 'Placing order…' : 'Place order'}
      </button>
    </section>
  );
}
