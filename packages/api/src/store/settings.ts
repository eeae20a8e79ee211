import { type Database, type Db, isPoolHandle, settingKeys } from '@puffy/db';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../deps';
import { perDatabase } from '../platform/per-database';

/** The stored shapes (JSON in the `settings` table), in integer USDT cents. */
const ZCents = z.number().int().min(0);
export const ZShippingFees = z.object({
  defaultCents: ZCents,
  byCountry: z.record(z.string().regex(/^[A-Z]{2}$/), ZCents),
});
export const ZVapeCountries = z.array(z.string().regex(/^[A-Z]{2}$/));

export type ShippingFees = z.infer<typeof ZShippingFees>;

/** Shipping fees and the vape country list, as operators configured them in the `settings` table. */
export interface StoreSettings {
  shipping: ShippingFees;
  vapeCountries: string[];
}

const STORE_SETTING_KEYS = [settingKeys.shippingFees, settingKeys.vapeCountries];

export function storeSettingsQuery(db: Db, q: Database) {
  const s = db.t.settings;
  return q.select({ key: s.key, value: s.value }).from(s).where(inArray(s.key, STORE_SETTING_KEYS));
}

/** Prepared once per database: the catalog reads these on every request (a transaction builds its own). */
const preparedStoreSettings = perDatabase((db) => storeSettingsQuery(db, db.db).prepare('store_settings'));

/** Each store setting as stored, or null where its row is missing or malformed. */
export function parseStoreSettings(rows: Array<{ key: string; value: unknown }>): {
  shipping: ShippingFees | null;
  vapeCountries: string[] | null;
} {
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  const shipping = ZShippingFees.safeParse(byKey.get(settingKeys.shippingFees));
  const vapeCountries = ZVapeCountries.safeParse(byKey.get(settingKeys.vapeCountries));
  return {
    shipping: shipping.success ? shipping.data : null,
    vapeCountries: vapeCountries.success ? vapeCountries.data : null,
  };
}

/**
 * Reads the store's settings. A missing or malformed row is an operator error, not a member's: it
 * throws, so the store refuses to quote rather than shipping for free or anywhere. `q` is the open
 * transaction's handle, or `deps.db.db` outside one (which takes the prepared statement).
 */
export async function readStoreSettings(deps: Pick<Deps, 'db'>, q: Database): Promise<StoreSettings> {
  const rows = await (isPoolHandle(deps.db, q)
    ? preparedStoreSettings(deps.db).execute()
    : storeSettingsQuery(deps.db, q));
  const { shipping, vapeCountries } = parseStoreSettings(rows);
  if (!shipping || !vapeCountries) {
    throw new Error(
      `store settings "${settingKeys.shippingFees}" and "${settingKeys.vapeCountries}" are missing or malformed`,
    );
  }
  return { shipping, vapeCountries };
}

export const shippingCentsFor = (fees: ShippingFees, country: string): bigint =>
  BigInt(fees.byCountry[country] ?? fees.defaultCents);
