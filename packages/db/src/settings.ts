/**
 * Keys of the `settings` rows the product reads. The store's two (shipping fees, vape countries) are
 * written first by migration 0004 and then by the admin Store section; their stored shapes are the zod
 * schemas in packages/api/src/store/settings.ts.
 */
export const settingKeys = {
  /** `{ defaultCents: number; byCountry: Record<ISO country, number> }`, in USDT cents. */
  shippingFees: 'shipping_fees',
  /** `string[]` of ISO country codes the vape variant ships to. */
  vapeCountries: 'vape_countries',
  /** `string[]` of hosts admin-entered media URLs may use (and the CSP's image and media sources). */
  allowedMediaHosts: 'allowed_media_hosts',
} as const;
