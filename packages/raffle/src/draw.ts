import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { seedBytes } from './commitment';
import { entriesDigest, parseEntries } from './entries';

/** Names the algorithm inside every hashed message; a future change gets a new name, never a silent one. */
export const DRAW_VERSION = 'puffy-raffle-v1';

export interface DrawInputs {
  /** The revealed seed (hex), whose commitment was published before entries closed. */
  seed: string;
  /** The public entropy fixed after close: the block hash of the slot named in advance. */
  entropy: string;
  /** The published entry file, byte for byte (see entries.ts). */
  entries: string;
  /** How many winners to draw; fewer when there are fewer entries. */
  winners: number;
}

export interface DrawnWinner {
  /** 1 for the first prize. */
  place: number;
  wallet: string;
  /** Which of the remaining tickets won (0-based, in the file's order), for anyone retracing the draw. */
  ticket: number;
}

export interface DrawResult {
  version: typeof DRAW_VERSION;
  entriesDigest: string;
  totalTickets: number;
  winners: DrawnWinner[];
}

const TWO_64 = 1n << 64n;

/**
 * A uniform whole number below `range`, from HMAC-SHA256 keyed with the seed over the public inputs.
 * Rejection sampling: a 64-bit value in the top, incomplete stretch is thrown away and the counter
 * moves on, so no ticket is favoured by a modulo remainder.
 */
function uniformBelow(key: Uint8Array, message: string, range: number): number {
  const bigRange = BigInt(range);
  const limit = TWO_64 - (TWO_64 % bigRange);
  for (let counter = 0; ; counter += 1) {
    const digest = hmac(sha256, key, utf8ToBytes(`${message}|${counter}`));
    const value = new DataView(digest.buffer, digest.byteOffset, 8).getBigUint64(0);
    if (value < limit) return Number(value % bigRange);
  }
}

/**
 * The winners, a pure function of the three public inputs (docs/product/raffles.md): each place draws
 * one ticket among the tickets still in the raffle, and the winning member's tickets leave it, so a
 * member wins at most once. The same inputs give the same winners on any machine.
 */
export function drawWinners(inputs: DrawInputs): DrawResult {
  if (!Number.isInteger(inputs.winners) || inputs.winners < 1) {
    throw new RangeError('draw at least one winner');
  }
  if (!/^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(inputs.entropy)) {
    throw new RangeError('the entropy is a Solana block hash (base58, 32 to 44 characters)');
  }
  const key = seedBytes(inputs.seed);
  const remaining = parseEntries(inputs.entries);
  const digest = entriesDigest(inputs.entries);
  const totalTickets = remaining.reduce((sum, entry) => sum + entry.tickets, 0);
  if (!Number.isSafeInteger(totalTickets)) throw new RangeError('too many tickets to draw from');

  let ticketsLeft = totalTickets;
  const winners: DrawnWinner[] = [];
  for (let place = 1; place <= inputs.winners && remaining.length > 0; place += 1) {
    const message = `${DRAW_VERSION}|${inputs.entropy}|${digest}|${place}`;
    const ticket = uniformBelow(key, message, ticketsLeft);
    let index = 0;
    for (let passed = 0; ; index += 1) {
      const tickets = remaining[index]?.tickets ?? 0;
      if (ticket < passed + tickets) break;
      passed += tickets;
    }
    const [winner] = remaining.splice(index, 1);
    if (!winner) throw new Error('unreachable: the ticket lies beyond the entries');
    ticketsLeft -= winner.tickets;
    winners.push({ place, wallet: winner.wallet, ticket });
  }
  return { version: DRAW_VERSION, entriesDigest: digest, totalTickets, winners };
}
