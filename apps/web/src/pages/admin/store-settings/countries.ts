import { formatLocale } from '../../../lib/intl';

const namesIn = new Map<string, Intl.DisplayNames>();

/** A country's name for its ISO code ("DE" → "Germany", "Deutschland" in German), or the code itself when unknown. */
export function countryName(code: string): string {
  const locale = formatLocale() ?? 'en';
  let names = namesIn.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    namesIn.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
