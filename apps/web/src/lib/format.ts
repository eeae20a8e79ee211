import { lamportsToSol, type TNetwork } from '@puffy/contracts';
import { formatLocale } from './intl';

/**
 * The one way dates, numbers and money are written: through Intl in the member's own locale (the
 * browser's). Amounts arrive as exact decimal strings and are formatted as strings, never through a
 * float, so a lamport is never rounded away.
 */

export {
  chainName,
  formatDate,
  formatDateTime,
  formatNumber,
  formatTime,
  setFormatLocale,
} from './intl';

/** Intl reads a decimal string exactly (ES2023); the type still says number, hence the cast's home here. */
const exactly = (decimal: string) => decimal as unknown as number;

/** Lamports (an integer string) as SOL, every digit kept: "0.012345678 SOL". */
export function formatSol(lamports: string | bigint, locale?: string): string {
  const sol = lamportsToSol(BigInt(lamports));
  return `${new Intl.NumberFormat(formatLocale(locale), { maximumFractionDigits: 9 }).format(exactly(sol))} SOL`;
}

/** A SOL amount already in SOL ("0.01"), as the admin preview gets it. */
export function formatSolAmount(sol: string, locale?: string): string {
  return `${new Intl.NumberFormat(formatLocale(locale), { maximumFractionDigits: 9 }).format(exactly(sol))} SOL`;
}

/** A USDT amount ("99.00") with its cents: "99.00 USDT". */
export function formatUsdt(amount: string, locale?: string): string {
  const format = new Intl.NumberFormat(formatLocale(locale), {
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

/** A network's name as people write it, never its code ("sol"). */
export const networkName = (network: string): string =>
  NETWORK_NAME[network as TNetwork] ?? network.toUpperCase();
