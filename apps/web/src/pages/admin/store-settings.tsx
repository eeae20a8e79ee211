import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonText } from '../../components/skeleton';
import { useDocumentTitle } from '../../lib/document-title';
import { trpc } from '../../lib/trpc';
import { ProductCard } from './store-settings/product-card';
import { ShippingForm } from './store-settings/shipping-form';
import { VapeCountriesForm } from './store-settings/vape-countries-form';

/**
 * The Store section (scope `settings`, docs/product/admin.md): the catalog's products, prices and
 * options, the shipping fees and the vape countries. Each part saves on its own; the server checks it
 * again, records it in the audit log and every instance quotes with it at once.
 */
export default function StoreSettingsPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(`${t('sections.store')} · ${t('title')}`);
  const settings = trpc.admin.store.settings.useQuery();

  if (settings.isPending) return <SkeletonText lines={6} label={t('storeSettings.loading')} />;
  if (settings.error) return <ErrorMessage error={settings.error} onRetry={() => settings.refetch()} />;
  const { products, shipping, vapeCountries } = settings.data;
  return (
    <div className="grid min-w-0 gap-6">
      <header className="grid gap-1.5">
        <h1 className="font-semibold text-2xl">{t('sections.store')}</h1>
        <p className="text-muted-foreground text-sm">{t('storeSettings.description')}</p>
      </header>
      <section aria-labelledby="store-products" className="grid gap-4">
        <h2 id="store-products" className="font-semibold text-lg">
          {t('storeSettings.products')}
        </h2>
        {products.length === 0 && (
          <p className="text-muted-foreground text-sm">{t('storeSettings.emptyCatalog')}</p>
        )}
        <div className="grid gap-4 xl:grid-cols-2">
          {products.map((product) => (
            <ProductCard key={product.sku} product={product} />
          ))}
        </div>
      </section>
      <section aria-label={t('storeSettings.shippingAndCountries')} className="grid gap-4 xl:grid-cols-2">
        <ShippingForm shipping={shipping} />
        <VapeCountriesForm countries={vapeCountries} />
      </section>
    </div>
  );
}
