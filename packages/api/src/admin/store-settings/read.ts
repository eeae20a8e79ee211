import { centsToUsdt, type TAdminStoreSettings } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { asc } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { productOf } from '../../store/catalog';
import { parseStoreSettings, storeSettingsQuery } from '../../store/settings';

const usdt = (cents: number | bigint) => centsToUsdt(BigInt(cents));

/**
 * The Store section's view: every product, for sale or not, and the store settings as stored. `q` is
 * the open transaction's handle (an edit answers with what it committed), or `deps.db.db`.
 */
export async function readStoreSettingsForAdmin(
  deps: Pick<Deps, 'db'>,
  q: Database,
): Promise<TAdminStoreSettings> {
  const p = deps.db.t.rcProducts;
  const [rows, settingRows] = await Promise.all([
    q.select().from(p).orderBy(asc(p.id)),
    storeSettingsQuery(deps.db, q),
  ]);
  const { shipping, vapeCountries } = parseStoreSettings(settingRows);
  return {
    products: rows.map((row) => {
      const product = productOf(row);
      return {
        sku: product.sku,
        kind: product.kind,
        variant: product.variant,
        name: product.name,
        price: usdt(product.priceCents),
        active: row.active,
        colorways: product.colorways,
        flavors: product.flavors,
        nicotine: product.nicotine,
      };
    }),
    shipping: shipping && {
      defaultFee: usdt(shipping.defaultCents),
      byCountry: Object.entries(shipping.byCountry)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([country, fee]) => ({ country, fee: usdt(fee) })),
    },
    vapeCountries: vapeCountries && [...vapeCountries].sort(),
  };
}
