const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** A country's name for its ISO code ("DE" → "Germany"), or the code itself when unknown. */
export function countryName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
