import type { TCatalog, TQuoteInput } from '@puffy/contracts';
import { Info, Loader2, ShieldCheck } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorMessage } from '../components/error-message';
import { Alert, AlertDescription } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { Card, CardDescription, CardHeader, CardTitle } from '../components/ui/card';
import { Separator } from '../components/ui/separator';
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
import { countryName, shippableCountries } from './countries';
import { PassEntry } from './pass-entry';
import { QuoteView } from './quote-view';
import { type QuoteNotice, useQuote } from './use-quote';
import { type StoreT, usdt } from './words';

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

/** Why the quote was renewed, and how its total moved, in words. */
function noticeText(t: StoreT, notice: QuoteNotice): string {
  const why =
    typeof notice.reason === 'string'
      ? t(`quote.renewed.${notice.reason}`)
      : t('quote.renewed.refused', { message: notice.reason.refused });
  const moved =
    notice.before !== null && notice.before !== notice.after
      ? t('quote.moved', { before: usdt(notice.before), after: usdt(notice.after) })
      : t('quote.unchanged');
  return `${why} ${moved}`;
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
  const { t } = useTranslation('store');
  const navigate = useNavigate();
  const countries = useMemo(() => shippableCountries(catalog, cart.items), [catalog, cart.items]);
  // A country the cart's lines cannot ship to is never quoted: the field says why instead.
  const countryShips = cart.country === null || countries.includes(cart.country);
  const input = useMemo(
    () => (cartReady && countryShips ? quoteInputOf(cart) : null),
    [cart, cartReady, countryShips],
  );
  const quote = useQuote(input);
  const [draft, setDraft] = useState<AddressDraft>(() => ({ ...EMPTY_ADDRESS, country: cart.country ?? '' }));
  const [errors, setErrors] = useState<AddressErrors>({});
  const [mustReview, setMustReview] = useState(false);
  const checkout = trpc.order.checkout.useMutation();
  const keyFor = useIdempotencyKey();

  const changeDraft = (next: AddressDraft) => {
    setDraft(next);
    // The address's country is the quote's country: shipping and the vape rule depend on it.
    const chosen = next.country === '' ? null : next.country;
    if (chosen !== cart.country) onCart((c) => ({ ...c, country: chosen }));
  };

  const placeOrder = async () => {
    setMustReview(false);
    const checked = validateAddress(draft, t);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const ready = await quote.fresh();
    if (!ready) return;
    if (ready.changed) {
      setMustReview(true);
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
        await quote.renew({ refused: shown.message });
        setMustReview(true);
      } else if (shown.code === 'BAD_REQUEST') {
        setErrors(serverAddressErrors(shown.fieldErrors));
      }
    }
  };

  const countryError =
    errors.country ??
    (countryShips
      ? undefined
      : t('address.problem.vapeCountry', { country: countryName(cart.country ?? '') }));
  const waiting = !input
    ? cart.items.length === 0
      ? t('checkout.needItems')
      : !cartReady
        ? t('checkout.needColorway')
        : t('checkout.needCountry')
    : null;

  return (
    <Card as="section" aria-labelledby="store-checkout">
      <CardHeader>
        <CardTitle id="store-checkout">{t('checkout.title')}</CardTitle>
        <CardDescription>{t('checkout.lead')}</CardDescription>
      </CardHeader>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid min-w-0 content-start gap-5">
          <PassEntry applied={cart.passCode} onApply={(code) => onCart((c) => ({ ...c, passCode: code }))} />
          <Separator />
          <AddressFields
            draft={draft}
            errors={{ ...errors, country: countryError }}
            onChange={changeDraft}
            countries={countries}
          />
        </div>
        <div className="grid min-w-0 content-start gap-4 lg:border-l lg:pl-6">
          <section aria-labelledby="store-quote" className="grid gap-3">
            <h3 id="store-quote" className="font-semibold text-base">
              {t('quote.title')}
            </h3>
            {waiting && (
              <p className="flex items-start gap-2 text-muted-foreground text-sm">
                <Info className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
                {waiting}
              </p>
            )}
            {quote.notice && (
              <Alert variant="info" role="status" data-testid="quote-notice">
                <AlertDescription className="text-foreground">{noticeText(t, quote.notice)}</AlertDescription>
              </Alert>
            )}
            {input && quote.pending && !quote.quote && (
              <p className="flex items-center gap-2 text-muted-foreground text-sm" role="status">
                <Loader2 className="size-4 animate-spin motion-reduce:animate-none" aria-hidden="true" />
                {t('quote.asking')}
              </p>
            )}
            {input && quote.error !== null && !quote.quote && (
              <ErrorMessage error={quote.error} onRetry={() => void quote.renew('retried')} />
            )}
            {quote.quote && <QuoteView quote={quote.quote} />}
          </section>
          {mustReview && (
            <Alert variant="warning" role="status">
              <AlertDescription className="text-foreground">{t('checkout.review')}</AlertDescription>
            </Alert>
          )}
          {checkout.error && (
            <ErrorMessage
              key={checkout.submittedAt}
              error={checkout.error}
              fieldsShownInForm={
                Object.keys(serverAddressErrors(describeError(checkout.error).fieldErrors)).length > 0
              }
              onRetry={() => void placeOrder()}
            />
          )}
          <Button
            size="lg"
            className="w-full"
            disabled={!quote.quote || checkout.isPending || quote.pending}
            onClick={() => void placeOrder()}
          >
            {checkout.isPending ? (
              <Loader2 className="animate-spin motion-reduce:animate-none" aria-hidden="true" />
            ) : (
              <ShieldCheck aria-hidden="true" />
            )}
            {checkout.isPending ? t('checkout.placing') : t('checkout.place')}
          </Button>
          <p className="text-muted-foreground text-xs">{t('checkout.payNext')}</p>
        </div>
      </div>
    </Card>
  );
}
