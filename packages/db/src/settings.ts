/**
 * Keys of the `settings` rows the product reads. The value shapes are documented here until the
 * admin console gives them zod schemas in @puffy/contracts.
 */
export const settingKeys = {
  /** `{ defaultCents: number; byCountry: Record<ISO country, number> }`, in USDT cents. */
  shippingFees: 'shipping_fees',
  /** `string[]` of ISO country codes the vape variant ships to. */
  vapeCountries: 'vape_countries',
  /** `string[]` of hosts admin-entered media URLs may use (and the CSP's image and media sources). */
  allowedMediaHosts: 'allowed_media_hosts',
} as const;
