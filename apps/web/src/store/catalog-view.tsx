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

/** One device variant: its colorways as the catalog lists them (the quote applies who may take which). */
function DeviceCard({ product, onAdd }: { product: TCatalogProduct; onAdd: Add }) {
  const id = useId();
  const variant = product.variant as TDeviceVariant;
  const [colorway, setColorway] = useState<TColorway>(
    product.colorways.find((c) => c !== 'community') ?? product.colorways[0] ?? 'black',
  );
  const [quantity, setQuantity] = useState(1);
  return (
    <article className="card store-product" data-testid={`product-${product.sku}`}>
      <h3>{product.name}</h3>
      <p className="store-price">{usdt(product.price)}</p>
      <div className="store-options">
        <label htmlFor={`${id}-colorway`}>Colorway</label>
        <select
          id={`${id}-colorway`}
          value={colorway}
          onChange={(e) => setColorway(e.target.value as TColorway)}
        >
          {product.colorways.map((c) => (
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

/** The products as the server lists them, with its prices; rules (who gets which colorway) are quoted. */
export function CatalogView({ catalog, onAdd }: { catalog: TCatalog; onAdd: Add }) {
  const devices = catalog.products.filter((p) => p.kind === 'device' && p.variant);
  const variants = devices.map((p) => p.variant).filter((v): v is TDeviceVariant => v !== null);
  return (
    <section aria-labelledby="store-catalog" className="store-catalog">
      <h2 id="store-catalog">Products</h2>
      <div className="store-grid">
        {catalog.products.map((product) =>
          product.kind === 'device' ? (
            <DeviceCard key={product.sku} product={product} onAdd={onAdd} />
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
