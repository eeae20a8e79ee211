import type {
  TCatalog,
  TCatalogProduct,
  TColorway,
  TDeviceVariant,
  TNicotine,
  TPodFlavor,
  TQuoteItem,
} from '@puffy/contracts';
import { Package, Plus, Smartphone, Truck } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../components/ui/badge';
import { Button } from '../components/ui/button';
import { Card, CardContent, CardFooter, CardHeader } from '../components/ui/card';
import { FormField } from '../components/ui/form-field';
import { Input } from '../components/ui/input';
import { maxQuantity } from './cart';
import { ChoiceField } from './choice-field';
import { countryList, countryName } from './countries';
import { usdt } from './words';

type Add = (item: TQuoteItem) => void;

/** A count between 1 and the schema's limit for this kind of line. */
function QuantityField({
  label,
  kind,
  value,
  onChange,
}: {
  label: string;
  kind: TQuoteItem['kind'];
  value: number;
  onChange: (n: number) => void;
}) {
  const max = maxQuantity(kind);
  return (
    <FormField label={label}>
      <Input
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        value={value}
        onChange={(event) => onChange(Math.max(1, Math.min(max, Number(event.target.value) || 1)))}
      />
    </FormField>
  );
}

/**
 * The colorways this member may choose, per device variant, by the rules the quote applies
 * (`user.eligibleProducts`); null while nobody is signed in, when only the catalog is known.
 */
export type AllowedColorways = Partial<Record<TDeviceVariant, TColorway[]>> | null;

/** What a device card offers: the member's allowed colorways, or the catalog's for a guest. */
export function colorwayChoices(product: TCatalogProduct, allowed: AllowedColorways): TColorway[] {
  if (!allowed) return product.colorways;
  const mine = allowed[product.variant as TDeviceVariant] ?? [];
  return product.colorways.filter((c) => mine.includes(c));
}

/** The frame every product shares: icon, name, price, the choices, and the add button. */
function ProductCard({
  product,
  icon: Icon,
  price,
  children,
  action,
}: {
  product: TCatalogProduct;
  icon: typeof Package;
  price: string;
  children: React.ReactNode;
  action: React.ReactNode;
}) {
  return (
    <Card data-testid={`product-${product.sku}`}>
      <CardHeader className="flex-row items-start gap-3">
        <span className="grid size-11 shrink-0 place-items-center rounded-lg bg-primary/12 text-primary">
          <Icon className="size-5" aria-hidden="true" />
        </span>
        <div className="grid min-w-0 gap-1">
          <h3 className="font-semibold text-base leading-tight">{product.name}</h3>
          <span className="font-semibold text-lg tabular-nums">{price}</span>
        </div>
      </CardHeader>
      <CardContent className="flex-1">{children}</CardContent>
      <CardFooter>{action}</CardFooter>
    </Card>
  );
}

/** One device variant: only the colorways the rules let this member buy, the first of them chosen. */
function DeviceCard({
  product,
  allowed,
  onAdd,
}: {
  product: TCatalogProduct;
  allowed: AllowedColorways;
  onAdd: Add;
}) {
  const { t } = useTranslation('store');
  const variant = product.variant as TDeviceVariant;
  const choices = colorwayChoices(product, allowed);
  const [picked, setPicked] = useState<TColorway | null>(null);
  // A choice the rules (or a new sign-in) took away falls back to the first allowed one.
  // A guest most likely holds no whitelist NFT: the regular colorways come first.
  const colorway =
    picked && choices.includes(picked)
      ? picked
      : (choices.find((c) => c !== 'community') ?? choices[0] ?? null);
  const [quantity, setQuantity] = useState(1);
  return (
    <ProductCard
      product={product}
      icon={Smartphone}
      price={usdt(product.price)}
      action={
        colorway !== null && (
          <Button className="w-full" onClick={() => onAdd({ kind: 'device', variant, colorway, quantity })}>
            <Plus aria-hidden="true" />
            {t('catalog.addDevice', { variant: t(`variant.${variant}`).toLowerCase() })}
          </Button>
        )
      }
    >
      {colorway === null ? (
        <p className="text-muted-foreground text-sm">{t('catalog.deviceUnavailable')}</p>
      ) : (
        <>
          <ChoiceField
            label={t('catalog.colorway')}
            value={colorway}
            options={choices.map((c) => ({ value: c, label: t(`colorwayOption.${c}`) }))}
            onChange={setPicked}
          />
          <QuantityField
            label={t('catalog.quantity')}
            kind="device"
            value={quantity}
            onChange={setQuantity}
          />
        </>
      )}
    </ProductCard>
  );
}

/** Pods: which device they fit, a flavor, and nicotine where the catalog offers a choice (vape). */
function PodsCard({
  product,
  variants,
  onAdd,
}: {
  product: TCatalogProduct;
  variants: TDeviceVariant[];
  onAdd: Add;
}) {
  const { t } = useTranslation('store');
  const [variant, setVariant] = useState<TDeviceVariant>(variants[0] ?? 'vape');
  const [flavor, setFlavor] = useState<TPodFlavor>(product.flavors[0] ?? 'peach_oolong');
  const levels = product.nicotine[variant] ?? [];
  const [nicotine, setNicotine] = useState<TNicotine | null>(null);
  const chosenNicotine =
    levels.length === 0 ? undefined : nicotine && levels.includes(nicotine) ? nicotine : levels[0];
  const [quantity, setQuantity] = useState(1);
  return (
    <ProductCard
      product={product}
      icon={Package}
      price={t('catalog.perBox', { price: usdt(product.price) })}
      action={
        <Button
          className="w-full"
          onClick={() =>
            onAdd({
              kind: 'pods',
              variant,
              flavor,
              quantity,
              ...(chosenNicotine ? { nicotine: chosenNicotine } : {}),
            })
          }
        >
          <Plus aria-hidden="true" />
          {t('catalog.addPods')}
        </Button>
      }
    >
      <ChoiceField
        label={t('catalog.fits')}
        value={variant}
        options={variants.map((v) => ({ value: v, label: t('item.device', { variant: t(`variant.${v}`) }) }))}
        onChange={setVariant}
      />
      <ChoiceField
        label={t('catalog.flavor')}
        value={flavor}
        options={product.flavors.map((f) => ({ value: f, label: t(`flavor.${f}`) }))}
        onChange={setFlavor}
      />
      {chosenNicotine !== undefined && (
        <ChoiceField
          label={t('catalog.nicotine')}
          value={chosenNicotine}
          options={levels.map((n) => ({ value: n, label: t(`nicotine.${n}`) }))}
          onChange={setNicotine}
        />
      )}
      <QuantityField label={t('catalog.boxes')} kind="pods" value={quantity} onChange={setQuantity} />
    </ProductCard>
  );
}

/** Where the vape goes and what shipping costs, from the store settings the quote uses. */
function ShippingNote({ catalog }: { catalog: TCatalog }) {
  const { t } = useTranslation('store');
  const fees = Object.entries(catalog.shipping.byCountry);
  return (
    <p className="flex items-start gap-2 text-muted-foreground text-sm">
      <Truck className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <span>
        {t('catalog.vapeCountries', { countries: countryList(catalog.vapeCountries) })}{' '}
        {t('catalog.shippingDefault', { fee: usdt(catalog.shipping.defaultFee) })}
        {fees.length > 0 && ` ${t('catalog.shippingOther')}`}
        {fees.map(([country, fee]) => (
          <Badge key={country} variant="outline" className="ml-1.5 align-middle">
            {t('catalog.shippingTo', { country: countryName(country), fee: usdt(fee) })}
          </Badge>
        ))}
      </span>
    </p>
  );
}

/** The products as the server lists them, with its prices, offering only what this member may buy. */
export function CatalogView({
  catalog,
  allowed,
  onAdd,
}: {
  catalog: TCatalog;
  allowed: AllowedColorways;
  onAdd: Add;
}) {
  const { t } = useTranslation('store');
  const devices = catalog.products.filter((p) => p.kind === 'device' && p.variant);
  const variants = devices.map((p) => p.variant).filter((v): v is TDeviceVariant => v !== null);
  return (
    <section aria-labelledby="store-catalog" className="grid min-w-0 gap-4">
      <h2 id="store-catalog" className="font-semibold text-xl">
        {t('catalog.title')}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        {catalog.products.map((product) =>
          product.kind === 'device' ? (
            <DeviceCard key={product.sku} product={product} allowed={allowed} onAdd={onAdd} />
          ) : (
            <PodsCard key={product.sku} product={product} variants={variants} onAdd={onAdd} />
          ),
        )}
      </div>
      <ShippingNote catalog={catalog} />
    </section>
  );
}
