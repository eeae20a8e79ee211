import {
  centsToUsdt,
  type TCatalog,
  type TColorway,
  type TDeviceVariant,
  type TNicotine,
  type TPodFlavor,
  type TProductKind,
  ZColorway,
  ZNicotine,
  ZPodFlavor,
} from '@puffy/contracts';
import { type Database, type Db, isPoolHandle } from '@puffy/db';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../deps';
import { perDatabase } from '../platform/per-database';
import { readStoreSettings, type StoreSettings } from './settings';

const ZProductOptions = z.object({
  colorways: z.array(ZColorway).default([]),
  flavors: z.array(ZPodFlavor).default([]),
  nicotine: z.record(z.string(), z.array(ZNicotine)).default({}),
});

/** A catalog row with its options parsed: what pricing reads. */
export interface Product {
  id: number;
  sku: string;
  kind: TProductKind;
  variant: TDeviceVariant | null;
  name: string;
  priceCents: bigint;
  colorways: TColorway[];
  flavors: TPodFlavor[];
  nicotine: Record<string, TNicotine[]>;
}

function activeProductsQuery(db: Db, q: Database) {
  const p = db.t.rcProducts;
  return q.select().from(p).where(eq(p.active, true)).orderBy(asc(p.id));
}

/** Prepared once per database: the public catalog reads it on every request. */
const preparedProducts = perDatabase((db) => activeProductsQuery(db, db.db).prepare('active_products'));

/**
 * Every active product in one query (checkout never queries per item). `q` is the open transaction's
 * handle, or `deps.db.db` outside one (which takes the prepared statement).
 */
export async function loadProducts(deps: Deps, q: Database): Promise<Product[]> {
  const rows = await (isPoolHandle(deps.db, q)
    ? preparedProducts(deps.db).execute()
    : activeProductsQuery(deps.db, q));
  return rows.map(productOf);
}

type ProductRow = Awaited<ReturnType<typeof activeProductsQuery>>[number];

/** A catalog row with its options parsed (the admin console reads inactive rows the same way). */
export function productOf(row: Omit<ProductRow, 'active'>): Product {
  return {
    id: row.id,
    sku: row.sku,
    kind: row.kind,
    variant: row.variant,
    name: row.name,
    priceCents: row.priceCents,
    ...ZProductOptions.parse(row.options),
  };
}

function toCatalog(products: Product[], settings: StoreSettings): TCatalog {
  const cents = (value: number) => centsToUsdt(BigInt(value));
  return {
    products: products.map((product) => ({
      sku: product.sku,
      kind: product.kind,
      variant: product.variant,
      name: product.name,
      price: centsToUsdt(product.priceCents),
      colorways: product.colorways,
      flavors: product.flavors,
      nicotine: product.nicotine,
    })),
    shipping: {
      defaultFee: cents(settings.shipping.defaultCents),
      byCountry: Object.fromEntries(
        Object.entries(settings.shipping.byCountry).map(([country, fee]) => [country, cents(fee)]),
      ),
    },
    vapeCountries: settings.vapeCountries,
  };
}

/** The public catalog: active products with their options, shipping fees and the vape countries. */
export async function readCatalog(deps: Deps): Promise<TCatalog> {
  const [products, settings] = await Promise.all([
    loadProducts(deps, deps.db.db),
    readStoreSettings(deps, deps.db.db),
  ]);
  return toCatalog(products, settings);
}
