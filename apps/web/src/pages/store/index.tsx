import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonCard } from '../../components/skeleton';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';
import { addItem, refusedLines, useCart } from '../../store/cart';
import { CartView } from '../../store/cart-view';
import { CatalogView } from '../../store/catalog-view';
import { CheckoutPanel } from '../../store/checkout-panel';

/** The storefront: the catalog, the cart (shared by every tab) and, signed in, the checkout. */
export default function StorePage() {
  useDocumentTitle('Store');
  const auth = useAuth();
  const catalog = trpc.store.catalog.useQuery(undefined, { staleTime: 60_000 });
  const [cart, updateCart] = useCart();
  const signedIn = auth.status === 'signedIn';
  // The same rules the quote applies: a member is offered only the colorways they may buy.
  const eligible = trpc.user.eligibleProducts.useQuery(undefined, { enabled: signedIn, staleTime: 60_000 });
  const allowed = signedIn ? (eligible.data?.store.colorways ?? null) : null;
  // Until the session is known the catalog waits, so a member never sees a choice that then vanishes.
  const rulesKnown = auth.status === 'signedOut' || eligible.data !== undefined;

  return (
    <div className="store">
      <header className="store-header">
        <h1>Store</h1>
        {auth.status === 'signedIn' && <Link to="/orders">Your orders</Link>}
      </header>
      {catalog.isPending && <SkeletonCard label="Loading the catalog" />}
      {catalog.error && <ErrorMessage error={catalog.error} onRetry={() => void catalog.refetch()} />}
      {catalog.data && !rulesKnown && eligible.isPending && <SkeletonCard label="Loading what you may buy" />}
      {eligible.error && <ErrorMessage error={eligible.error} onRetry={() => void eligible.refetch()} />}
      {catalog.data && rulesKnown && (
        <CatalogView
          catalog={catalog.data}
          allowed={allowed}
          onAdd={(item) => updateCart((c) => addItem(c, item))}
        />
      )}
      <section aria-labelledby="store-cart" className="card">
        <h2 id="store-cart">Cart</h2>
        <CartView cart={cart} allowed={allowed} onChange={updateCart} />
      </section>
      {catalog.data && signedIn && rulesKnown && (
        <CheckoutPanel
          catalog={catalog.data}
          cart={cart}
          onCart={updateCart}
          cartReady={refusedLines(cart, allowed).length === 0}
        />
      )}
      {auth.status === 'signedOut' && (
        <p className="notice" data-testid="store-sign-in">
          Sign in with your wallet to get a quote and check out. Your cart stays here.
        </p>
      )}
    </div>
  );
}
