import { ClipboardList, ShoppingBag, ShoppingCart, Wallet } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/auth-context';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonCard } from '../../components/skeleton';
import { Alert, AlertDescription, AlertTitle } from '../../components/ui/alert';
import { Card, CardHeader, CardTitle } from '../../components/ui/card';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';
import { addItem, refusedLines, useCart } from '../../store/cart';
import { CartView } from '../../store/cart-view';
import { CatalogView } from '../../store/catalog-view';
import { CheckoutPanel } from '../../store/checkout-panel';
import { PageHeader } from '../../store/page-header';

/** The storefront: the catalog, the cart (shared by every tab) and, signed in, the checkout. */
export default function StorePage() {
  const { t } = useTranslation('store');
  useDocumentTitle(t('title'));
  const auth = useAuth();
  const catalog = trpc.store.catalog.useQuery(undefined, { staleTime: 60_000 });
  const [cart, updateCart] = useCart();
  const signedIn = auth.status === 'signedIn';
  // The same rules the quote applies: a member is offered only the colorways they may buy.
  const eligible = trpc.user.eligibleProducts.useQuery(undefined, { enabled: signedIn, staleTime: 60_000 });
  const allowed = signedIn ? (eligible.data?.store.colorways ?? null) : null;
  // Until the session is known the catalog waits, so a member never sees a choice that then vanishes.
  const rulesKnown = auth.status === 'signedOut' || eligible.data !== undefined;
  const count = cart.items.reduce((sum, item) => sum + item.quantity, 0);

  return (
    <>
      <PageHeader
        icon={ShoppingBag}
        title={t('title')}
        lead={t('lead')}
        onward={signedIn ? { to: '/orders', icon: ClipboardList, label: t('orders.link') } : null}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <div className="grid min-w-0 gap-6">
          {catalog.isPending && <SkeletonCard label={t('catalog.loading')} />}
          {catalog.error && <ErrorMessage error={catalog.error} onRetry={() => void catalog.refetch()} />}
          {catalog.data && !rulesKnown && eligible.isPending && (
            <SkeletonCard label={t('catalog.loadingRules')} />
          )}
          {eligible.error && <ErrorMessage error={eligible.error} onRetry={() => void eligible.refetch()} />}
          {catalog.data && rulesKnown && (
            <CatalogView
              catalog={catalog.data}
              allowed={allowed}
              onAdd={(item) => updateCart((c) => addItem(c, item))}
            />
          )}
        </div>
        <Card as="section" aria-labelledby="store-cart" className="lg:sticky lg:top-20">
          <CardHeader className="flex-row items-center justify-between">
            <CardTitle id="store-cart" className="flex items-center gap-2">
              <ShoppingCart className="size-5 text-primary" aria-hidden="true" />
              {t('cart.title')}
            </CardTitle>
            {count > 0 && <span className="text-muted-foreground text-sm">{t('cart.count', { count })}</span>}
          </CardHeader>
          <CartView cart={cart} allowed={allowed} onChange={updateCart} />
          {auth.status === 'signedOut' && (
            <Alert variant="info" data-testid="store-sign-in">
              <Wallet aria-hidden="true" />
              <AlertTitle>{t('signIn.title')}</AlertTitle>
              <AlertDescription>{t('signIn.body')}</AlertDescription>
            </Alert>
          )}
        </Card>
      </div>
      {catalog.data && signedIn && rulesKnown && (
        <CheckoutPanel
          catalog={catalog.data}
          cart={cart}
          onCart={updateCart}
          cartReady={refusedLines(cart, allowed).length === 0}
        />
      )}
    </>
  );
}
