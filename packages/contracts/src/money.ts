/**
 * Exact decimal <-> integer minor-unit conversions. Money never passes through a float: a float
 * turns 0.1 SOL into 99999999 lamports on some inputs, and a shop that rounds is a shop that leaks.
 */

const DECIMAL = /^(0|[1-9]\d*)(?:\.(\d+))?$/;

export class DecimalFormatError extends Error {}

/** Parses a non-negative decimal string into integer units of 10^-scale, refusing excess precision. */
export function decimalToUnits(value: string, scale: number): bigint {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new DecimalFormatError(`"${value}" is not a non-negative decimal number`);
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > scale) {
    throw new DecimalFormatError(`"${value}" has more than ${scale} decimal places`);
  }
  return BigInt(whole) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0') || '0');
}

/** Formats integer units of 10^-scale as a decimal string with at least `minFraction` places. */
export function unitsToDecimal(units: bigint, scale: number, minFraction = 0): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const base = 10n ** BigInt(scale);
  const whole = abs / base;
  let fraction = (abs % base).toString().padStart(scale, '0').replace(/0+$/, '');
  if (fraction.length < minFraction) fraction = fraction.padEnd(minFraction, '0');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export const LAMPORTS_PER_SOL_SCALE = 9;
export const USDT_CENTS_SCALE = 2;
/** SPL USDT has 6 decimals on chain; prices are kept in cents. */
export const USDT_TOKEN_DECIMALS = 6;

export const solToLamports = (sol: string): bigint => decimalToUnits(sol, LAMPORTS_PER_SOL_SCALE);
export const lamportsToSol = (lamports: bigint): string => unitsToDecimal(lamports, LAMPORTS_PER_SOL_SCALE);
export const usdtToCents = (usdt: string): bigint => decimalToUnits(usdt, USDT_CENTS_SCALE);
export const centsToUsdt = (cents: bigint): string => unitsToDecimal(cents, USDT_CENTS_SCALE, 2);
export const centsToTokenUnits = (cents: bigint): bigint =>
  cents * 10n ** BigInt(USDT_TOKEN_DECIMALS - USDT_CENTS_SCALE);
