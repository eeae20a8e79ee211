import type { TWalletChain } from '@puffy/contracts';

/**
 * The Intl formatters that need no contract code, so the first chunk (shell, home page, i18n) stays
 * free of zod; format.ts re-exports them with the money formatters. The locale is the language the
 * member chose in the header (i18n/index.ts sets it); undefined means the browser's.
 */
let activeLocale: string | undefined;

export function setFormatLocale(locale: string | undefined): void {
  activeLocale = locale;
}

export const formatLocale = (locale?: string): string | undefined => locale ?? activeLocale;

export const formatNumber = (n: number, locale?: string) =>
  new Intl.NumberFormat(formatLocale(locale)).format(n);

// A type-only import: erased from the bundle, it still fails the build when a wallet family is unnamed.
const CHAIN_NAME: Record<TWalletChain, string> = { sol: 'Solana', evm: 'EVM', ton: 'TON' };

/** A wallet family's name as people write it. */
export const chainName = (chain: string): string => CHAIN_NAME[chain as TWalletChain] ?? chain.toUpperCase();

type Locale = string | undefined;

const dateFormat = (locale: Locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
const dateTimeFormat = (locale: Locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = (locale: Locale) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' });

/** "Dec 6, 2026" */
export const formatDate = (iso: string, locale?: string) =>
  dateFormat(formatLocale(locale)).format(new Date(iso));

/** "Dec 6, 2026, 12:41 PM" */
export const formatDateTime = (iso: string, locale?: string) =>
  dateTimeFormat(formatLocale(locale)).format(new Date(iso));

/** "12:41 PM" */
export const formatTime = (iso: string, locale?: string) =>
  timeFormat(formatLocale(locale)).format(new Date(iso));
