import type {
  TCatalog,
  TCatalogProduct,
  TColorway,
  TDeviceVariant,
  TNicotine,
  TPodFlavor,
  TQuoteItem,
} from '@puffy/contracts';
import { useId, useState } from 'react';
import { COLORWAY_LABEL, FLAVOR_LABEL, NICOTINE_LABEL, usdt, VARIANT_LABEL } from './words';

type Add = (item: TQuoteItem) => void;

function QuantityInput({
  id,
  max,
  value,
  onChange,
}: {
  id: string;
  max: number;
  value: number;
  onChange: (n: number) => void;
}) {
  return (
    <input
      id={id}
      type="number"
      min={1}
      max={max}
      value={value}
      onChange={(event) => onChange(Math.max(1, Math.min(max, Number(event.target.value) || 1)))}
    />
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
  const id = useId();
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
    <article className="card store-product" data-testid={`product-${product.sku}`}>
      <h3>{product.name}</h3>
      <p className="store-price">{usdt(product.price)}</p>
      {colorway === null ? (
        <p className="muted">This device is not available to you at the moment.</p>
      ) : (
        <>
          <div className="store-options">
            <label htmlFor={`${id}-colorway`}>Colorway</label>
            <select
              id={`${id}-colorway`}
              value={colorway}
              onChange={(e) => setPicked(e.target.value as TColorway)}
            >
              {choices.map((c) => (
                <option key={c} value={c}>
                  {COLORWAY_LABEL[c]}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-quantity`}>Quantity</label>
            <QuantityInput id={`${id}-quantity`} max={5} value={quantity} onChange={setQuantity} />
          </div>
          <button type="button" onClick={() => onAdd({ kind: 'device', variant, colorway, quantity })}>
            Add {VARIANT_LABEL[variant].toLowerCase()} device to cart
          </button>
        </>
      )}
    </article>
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
  const id = useId();
  const [variant, setVariant] = useState<TDeviceVariant>(variants[0] ?? 'vape');
  const [flavor, setFlavor] = useState<TPodFlavor>(product.flavors[0] ?? 'peach_oolong');
  const levels = product.nicotine[variant] ?? [];
  const [nicotine, setNicotine] = useState<TNicotine | null>(null);
  const chosenNicotine =
    levels.length === 0 ? undefined : nicotine && levels.includes(nicotine) ? nicotine : levels[0];
  const [quantity, setQuantity] = useState(1);
  return (
    <article className="card store-product" data-testid={`product-${product.sku}`}>
      <h3>{product.name}</h3>
      <p className="store-price">{usdt(product.price)} a box</p>
      <div className="store-options">
        <label htmlFor={`${id}-variant`}>Fits</label>
        <select
          id={`${id}-variant`}
          value={variant}
          onChange={(e) => setVariant(e.target.value as TDeviceVariant)}
        >
          {variants.map((v) => (
            <option key={v} value={v}>
              {VARIANT_LABEL[v]} device
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-flavor`}>Flavor</label>
        <select id={`${id}-flavor`} value={flavor} onChange={(e) => setFlavor(e.target.value as TPodFlavor)}>
          {product.flavors.map((f) => (
            <option key={f} value={f}>
              {FLAVOR_LABEL[f]}
            </option>
          ))}
        </select>
        {levels.length > 0 && (
          <>
            <label htmlFor={`${id}-nicotine`}>Nicotine</label>
            <select
              id={`${id}-nicotine`}
              value={chosenNicotine}
              onChange={(e) => setNicotine(e.target.value as TNicotine)}
            >
              {levels.map((n) => (
                <option key={n} value={n}>
                  {NICOTINE_LABEL[n]}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor={`${id}-quantity`}>Boxes</label>
        <QuantityInput id={`${id}-quantity`} max={50} value={quantity} onChange={setQuantity} />
      </div>
      <button
        type="button"
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
        Add pods to cart
      </button>
    </article>
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
  const devices = catalog.products.filter((p) => p.kind === 'device' && p.variant);
  const variants = devices.map((p) => p.variant).filter((v): v is TDeviceVariant => v !== null);
  return (
    <section aria-labelledby="store-catalog" className="store-catalog">
      <h2 id="store-catalog">Products</h2>
      <div className="store-grid">
        {catalog.products.map((product) =>
          product.kind === 'device' ? (
            <DeviceCard key={product.sku} product={product} allowed={allowed} onAdd={onAdd} />
          ) : (
            <PodsCard key={product.sku} product={product} variants={variants} onAdd={onAdd} />
          ),
        )}
      </div>
      <p className="muted small">
        The vape ships to {catalog.vapeCountries.join(', ')}. Shipping is {usdt(catalog.shipping.defaultFee)}
        {Object.entries(catalog.shipping.byCountry)
          .map(([country, fee]) => `, ${usdt(fee)} to ${country}`)
          .join('')}
        .
      </p>
    </section>
  );
}
