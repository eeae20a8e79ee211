import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commitmentOf,
  DRAW_VERSION,
  drawWinners,
  entriesDigest,
  serializeEntries,
  type TRaffleEntry,
} from '../src';

const wallet = (n: number) => `W${String(n).padStart(3, '0')}${'x'.repeat(40)}`;
const seedOf = (label: string) => createHash('sha256').update(label).digest('hex');
const ENTROPY = '4sGjMW1sUnHzSxGspuhpqLDx6wiyjNtZAMdL4VZHirAn';

describe('drawWinners', () => {
  it('follows the published rule: the first place is HMAC-SHA256(seed, inputs) over the tickets, rejection-sampled', () => {
    const entries = serializeEntries([
      { wallet: wallet(1), tickets: 1 },
      { wallet: wallet(2), tickets: 1 },
      { wallet: wallet(3), tickets: 1 },
    ]);
    const seed = seedOf('first place');
    // An independent retracing of the rule as docs/product/raffles.md states it.
    const digest = entriesDigest(entries);
    const limit = (1n << 64n) - ((1n << 64n) % 3n);
    let expected = -1;
    for (let counter = 0; expected < 0; counter += 1) {
      const mac = createHmac('sha256', Buffer.from(seed, 'hex'))
        .update(`${DRAW_VERSION}|${ENTROPY}|${digest}|1|${counter}`)
        .digest()
        .readBigUInt64BE(0);
      if (mac < limit) expected = Number(mac % 3n);
    }
    const result = drawWinners({ seed, entropy: ENTROPY, entries, winners: 1 });
    expect(result.winners).toEqual([{ place: 1, wallet: wallet(expected + 1), ticket: expected }]);
    expect(result.entriesDigest).toBe(digest);
    expect(result.totalTickets).toBe(3);
  });

  it('gives each member a chance in proportion to their tickets (chi-square over 20,000 fixed seeds)', () => {
    const tickets = [1, 2, 7];
    const entries = serializeEntries(tickets.map((t, i) => ({ wallet: wallet(i), tickets: t })));
    const wins = [0, 0, 0];
    const draws = 20_000;
    for (let i = 0; i < draws; i += 1) {
      const [winner] = drawWinners({
        seed: seedOf(`fair ${i}`),
        entropy: ENTROPY,
        entries,
        winners: 1,
      }).winners;
      const index = Number(winner?.wallet.slice(1, 4));
      wins[index] = (wins[index] ?? 0) + 1;
    }
    const chiSquare = tickets.reduce((sum, t, i) => {
      const expected = (draws * t) / 10;
      return sum + ((wins[i] ?? 0) - expected) ** 2 / expected;
    }, 0);
    // 13.8 is the 0.1 % critical value for two degrees of freedom; the seeds are fixed, so this never flakes.
    expect(chiSquare).toBeLessThan(13.8);
  });

  it('draws distinct members from the list, as many as asked or as there are, the same every time', () => {
    const entryList = fc.uniqueArray(
      fc.record({
        wallet: fc.integer({ min: 0, max: 999 }).map(wallet),
        tickets: fc.integer({ min: 1, max: 50 }),
      }),
      { minLength: 1, maxLength: 30, selector: (e) => e.wallet },
    );
    fc.assert(
      fc.property(
        entryList,
        fc.integer({ min: 1, max: 40 }),
        fc.string(),
        (list: TRaffleEntry[], n, label) => {
          const inputs = {
            seed: seedOf(label),
            entropy: ENTROPY,
            entries: serializeEntries(list),
            winners: n,
          };
          const result = drawWinners(inputs);
          const names = result.winners.map((w) => w.wallet);
          expect(names).toHaveLength(Math.min(n, list.length));
          expect(new Set(names).size).toBe(names.length);
          for (const name of names) expect(list.some((e) => e.wallet === name)).toBe(true);
          expect(result.winners.map((w) => w.place)).toEqual(names.map((_, i) => i + 1));
          expect(drawWinners(inputs)).toEqual(result);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('changes with each public input: the seed, the block hash and the entry list', () => {
    const list = Array.from({ length: 200 }, (_, i) => ({ wallet: wallet(i), tickets: 1 }));
    const base = { seed: seedOf('base'), entropy: ENTROPY, entries: serializeEntries(list), winners: 5 };
    const winnersOf = (inputs: typeof base) => drawWinners(inputs).winners.map((w) => w.wallet);
    const before = winnersOf(base);
    expect(winnersOf({ ...base, seed: seedOf('other') })).not.toEqual(before);
    expect(winnersOf({ ...base, entropy: '5sGjMW1sUnHzSxGspuhpqLDx6wiyjNtZAMdL4VZHirAn' })).not.toEqual(
      before,
    );
    const oneMore = serializeEntries([...list, { wallet: wallet(999), tickets: 1 }]);
    expect(winnersOf({ ...base, entries: oneMore })).not.toEqual(before);
  });

  it('refuses malformed inputs with a reason', () => {
    const entries = serializeEntries([{ wallet: wallet(1), tickets: 1 }]);
    const seed = seedOf('x');
    expect(() => drawWinners({ seed: 'abc', entropy: ENTROPY, entries, winners: 1 })).toThrow(
      /64 lower-case hex/,
    );
    expect(() => drawWinners({ seed, entropy: 'not a hash!', entries, winners: 1 })).toThrow(
      /Solana block hash/,
    );
    expect(() => drawWinners({ seed, entropy: ENTROPY, entries, winners: 0 })).toThrow(/at least one winner/);
    expect(() => drawWinners({ seed, entropy: ENTROPY, entries: entries.trimEnd(), winners: 1 })).toThrow(
      /line feed/,
    );
  });
});

describe('commitmentOf', () => {
  it("is SHA-256 of the seed's bytes, so anyone can check a revealed seed against it", () => {
    const seed = seedOf('commit');
    expect(commitmentOf(seed)).toBe(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex'));
    expect(commitmentOf(seedOf('other'))).not.toBe(commitmentOf(seed));
  });
});
