import { ISO_COUNTRY_CODES, type TCatalog, type TQuoteItem } from '@puffy/contracts';
import { formatLocale } from '../lib/intl';

/** A country's name in the chosen language ("Germany", "Deutschland"); the code when Intl has none. */
export function countryName(code: string, locale?: string): string {
  try {
    return new Intl.DisplayNames(formatLocale(locale), { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The countries a quote for these lines accepts (docs/product/store-rules.md): any ISO country, but only
 * the vape countries once a line is of the vape variant. Sorted by name, so the picker reads naturally.
 */
export function shippableCountries(catalog: TCatalog, items: readonly TQuoteItem[]): string[] {
  const vape = items.some((item) => item.variant === 'vape');
  const codes = vape ? catalog.vapeCountries : ISO_COUNTRY_CODES;
  const names = new Map(codes.map((code) => [code, countryName(code)]));
  return [...names.keys()].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b));
}

/** "United States, Canada and Germany", in the chosen language. */
export function countryList(codes: readonly string[], locale?: string): string {
  const names = codes.map((code) => countryName(code, locale));
  try {
    return new Intl.ListFormat(formatLocale(locale), { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}
