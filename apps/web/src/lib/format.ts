import { lamportsToSol, type TNetwork, type TWalletChain } from '@puffy/contracts';

/**
 * The one way dates, numbers and money are written: through Intl in the member's own locale (the
 * browser's). Amounts arrive as exact decimal strings and are formatted as strings, never through a
 * float, so a lamport is never rounded away.
 */

type Locale = string | undefined;

// The language the member chose in the header (i18n/index.ts sets it); undefined means the browser's.
let activeLocale: Locale;
export function setFormatLocale(locale: Locale): void {
  activeLocale = locale;
}

const dateFormat = (locale: Locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
const dateTimeFormat = (locale: Locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = (locale: Locale) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' });

/** "Dec 6, 2026" */
export const formatDate = (iso: string, locale?: string) =>
  dateFormat(locale ?? activeLocale).format(new Date(iso));

/** "Dec 6, 2026, 12:41 PM" */
export const formatDateTime = (iso: string, locale?: string) =>
  dateTimeFormat(locale ?? activeLocale).format(new Date(iso));

/** "12:41 PM" */
export const formatTime = (iso: string, locale?: string) =>
  timeFormat(locale ?? activeLocale).format(new Date(iso));

export const formatNumber = (n: number, locale?: string) =>
  new Intl.NumberFormat(locale ?? activeLocale).format(n);

/** Intl reads a decimal string exactly (ES2023); the type still says number, hence the cast's home here. */
const exactly = (decimal: string) => decimal as unknown as number;

/** Lamports (an integer string) as SOL, every digit kept: "0.012345678 SOL". */
export function formatSol(lamports: string | bigint, locale?: string): string {
  const sol = lamportsToSol(BigInt(lamports));
  return `${new Intl.NumberFormat(locale ?? activeLocale, { maximumFractionDigits: 9 }).format(exactly(sol))} SOL`;
}

/** A SOL amount already in SOL ("0.01"), as the admin preview gets it. */
export function formatSolAmount(sol: string, locale?: string): string {
  return `${new Intl.NumberFormat(locale ?? activeLocale, { maximumFractionDigits: 9 }).format(exactly(sol))} SOL`;
}

/** A USDT amount ("99.00") with its cents: "99.00 USDT". */
export function formatUsdt(amount: string, locale?: string): string {
  const format = new Intl.NumberFormat(locale ?? activeLocale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `${format.format(exactly(amount))} USDT`;
}

const NETWORK_NAME: Record<TNetwork, string> = {
  sol: 'Solana',
  eth: 'Ethereum',
  ton: 'TON',
  soon: 'SOON',
  berachain: 'Berachain',
};

const CHAIN_NAME: Record<TWalletChain, string> = { sol: 'Solana', evm: 'EVM', ton: 'TON' };

/** A network's name as people write it, never its code ("sol"). */
export const networkName = (network: string): string =>
  NETWORK_NAME[network as TNetwork] ?? network.toUpperCase();

/** A wallet family's name as people write it. */
export const chainName = (chain: string): string => CHAIN_NAME[chain as TWalletChain] ?? chain.toUpperCase();
