import { type Database, settingKeys } from '@puffy/db';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../deps';

const ZCents = z.number().int().min(0);
const ZShippingFees = z.object({
  defaultCents: ZCents,
  byCountry: z.record(z.string().regex(/^[A-Z]{2}$/), ZCents),
});
const ZVapeCountries = z.array(z.string().regex(/^[A-Z]{2}$/));

export type ShippingFees = z.infer<typeof ZShippingFees>;

/** Shipping fees and the vape country list, as operators configured them in the `settings` table. */
export interface StoreSettings {
  shipping: ShippingFees;
  vapeCountries: string[];
}

/**
 * Reads the store's settings. A missing or malformed row is an operator error, not a member's: it
 * throws, so the store refuses to quote rather than shipping for free or anywhere.
 */
export async function readStoreSettings(deps: Deps, tx?: Database): Promise<StoreSettings> {
  const { db } = deps;
  const rows = await (tx ?? db.db)
    .select({ key: db.t.settings.key, value: db.t.settings.value })
    .from(db.t.settings)
    .where(inArray(db.t.settings.key, [settingKeys.shippingFees, settingKeys.vapeCountries]));
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  const shipping = ZShippingFees.safeParse(byKey.get(settingKeys.shippingFees));
  const vapeCountries = ZVapeCountries.safeParse(byKey.get(settingKeys.vapeCountries));
  if (!shipping.success || !vapeCountries.success) {
    throw new Error(
      `store settings "${settingKeys.shippingFees}" and "${settingKeys.vapeCountries}" are missing or malformed`,
    );
  }
  return { shipping: shipping.data, vapeCountries: vapeCountries.data };
}

export const shippingCentsFor = (fees: ShippingFees, country: string): bigint =>
  BigInt(fees.byCountry[country] ?? fees.defaultCents);
