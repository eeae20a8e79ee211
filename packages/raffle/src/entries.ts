import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

/**
 * The frozen entry list is published as a small text file that anyone can hash and read
 * (docs/product/raffles.md): a header line, then one `wallet,tickets` line per member, sorted by wallet
 * in byte order, each line ending in a line feed. One canonical form, so one list has one digest.
 */
export const ENTRIES_HEADER = 'wallet,tickets';

/** Solana and TON addresses (base58, base64url with `:`) and EVM addresses: printable, no comma. */
const ZWallet = z
  .string()
  .min(20, 'a wallet address is at least 20 characters')
  .max(100, 'a wallet address is at most 100 characters')
  .regex(/^[A-Za-z0-9:_-]+$/, 'a wallet address has only letters, digits, ":", "_" and "-"');

export const ZRaffleEntry = z.object({
  wallet: ZWallet,
  tickets: z.number().int().min(1, 'every entry holds at least one ticket').max(1_000_000_000),
});
export type TRaffleEntry = z.infer<typeof ZRaffleEntry>;

/** Byte-order comparison, the same in every language and locale (not localeCompare). */
const byWallet = (a: TRaffleEntry, b: TRaffleEntry) =>
  a.wallet < b.wallet ? -1 : a.wallet > b.wallet ? 1 : 0;

export class EntryListError extends Error {}

/** The canonical file for a list of entries: sorted, one line per wallet; a wallet twice is refused. */
export function serializeEntries(entries: readonly TRaffleEntry[]): string {
  const sorted = entries.map((entry) => ZRaffleEntry.parse(entry)).sort(byWallet);
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i]?.wallet === sorted[i - 1]?.wallet) {
      throw new EntryListError(`the wallet ${sorted[i]?.wallet} is entered twice`);
    }
  }
  return `${[ENTRIES_HEADER, ...sorted.map((e) => `${e.wallet},${e.tickets}`)].join('\n')}\n`;
}

/**
 * Reads a published entry file and insists it is canonical, so the digest a member computes over the
 * file is the digest the draw used. The error says which line is wrong and why.
 */
export function parseEntries(text: string): TRaffleEntry[] {
  if (!text.endsWith('\n')) throw new EntryListError('the file must end with a line feed');
  const lines = text.slice(0, -1).split('\n');
  if (lines[0] !== ENTRIES_HEADER) throw new EntryListError(`the first line must be "${ENTRIES_HEADER}"`);
  const entries = lines.slice(1).map((line, index) => {
    const [wallet, tickets = '', extra] = line.split(',');
    if (extra !== undefined)
      throw new EntryListError(`line ${index + 2} is not "wallet,tickets": more than two fields`);
    if (!/^(0|[1-9]\d*)$/.test(tickets)) {
      throw new EntryListError(`line ${index + 2}: tickets are a whole number written without leading zeros`);
    }
    const parsed = ZRaffleEntry.safeParse({ wallet, tickets: Number(tickets) });
    if (!parsed.success) {
      throw new EntryListError(`line ${index + 2}: ${parsed.error.issues[0]?.message ?? 'not an entry'}`);
    }
    return parsed.data;
  });
  if (serializeEntries(entries) !== text) {
    throw new EntryListError('the entries are not sorted by wallet, or a wallet is entered twice');
  }
  return entries;
}

/** SHA-256 of the published file, hex: what the draw is bound to and what anyone can recompute. */
export const entriesDigest = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));
