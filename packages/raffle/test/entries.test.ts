import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntryListError, parseEntries, serializeEntries } from '../src';

const A = `A${'a'.repeat(43)}`;
const B = `B${'b'.repeat(43)}`;

describe('the published entry file', () => {
  it('is one canonical text per list: sorted by wallet in byte order, whatever order it was given in', () => {
    const text = serializeEntries([
      { wallet: B, tickets: 3 },
      { wallet: A, tickets: 1 },
    ]);
    expect(text).toBe(`wallet,tickets\n${A},1\n${B},3\n`);
    expect(
      serializeEntries([
        { wallet: A, tickets: 1 },
        { wallet: B, tickets: 3 },
      ]),
    ).toBe(text);
  });

  it('reads back exactly what was written', () => {
    const entry = fc.record({
      wallet: fc.stringMatching(/^[A-Za-z0-9:_-]{20,100}$/),
      tickets: fc.integer({ min: 1, max: 1_000_000_000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.wallet, maxLength: 40 }), (entries) => {
        const text = serializeEntries(entries);
        expect(serializeEntries(parseEntries(text))).toBe(text);
      }),
    );
  });

  it('refuses a file that is not canonical, saying which line and why', () => {
    const cases: Array<[string, RegExp]> = [
      [`wallet,tickets\n${B},1\n${A},1\n`, /not sorted/],
      [`wallet,tickets\n${A},1\n${A},2\n`, /entered twice/],
      [`wallets\n${A},1\n`, /first line/],
      [`wallet,tickets\n${A},0\n`, /line 2: every entry holds at least one ticket/],
      [`wallet,tickets\n${A},01\n`, /line 2: tickets are a whole number/],
      [`wallet,tickets\n${A},1,extra\n`, /line 2 .*more than two fields/],
      [`wallet,tickets\nshort,1\n`, /line 2: a wallet address is at least 20 characters/],
      [`wallet,tickets\n${A},1`, /line feed/],
    ];
    for (const [text, why] of cases) {
      expect(() => parseEntries(text)).toThrow(EntryListError);
      expect(() => parseEntries(text)).toThrow(why);
    }
  });

  it('refuses the same wallet twice when the list is built', () => {
    expect(() =>
      serializeEntries([
        { wallet: A, tickets: 1 },
        { wallet: A, tickets: 1 },
      ]),
    ).toThrow(/entered twice/);
  });
});
