import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToUsdt, DecimalFormatError, lamportsToSol, solToLamports, usdtToCents } from '../src/money';

describe('money conversions', () => {
  it('converts SOL to lamports exactly, where a float would not', () => {
    expect(solToLamports('0.1')).toBe(100_000_000n);
    expect(solToLamports('1.000000001')).toBe(1_000_000_001n);
    expect(solToLamports('0.000000001')).toBe(1n);
    expect(solToLamports('12345678.9')).toBe(12_345_678_900_000_000n);
  });

  it('refuses excess precision, signs and garbage', () => {
    for (const bad of ['0.0000000001', '-1', '1e3', '', '.5', '01', 'abc', '1.2.3']) {
      expect(() => solToLamports(bad), bad).toThrow(DecimalFormatError);
    }
  });

  it('formats USDT cents with two places', () => {
    expect(centsToUsdt(9900n)).toBe('99.00');
    expect(centsToUsdt(999n)).toBe('9.99');
    expect(centsToUsdt(0n)).toBe('0.00');
    expect(usdtToCents('99')).toBe(9900n);
  });

  it('round-trips every lamport amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), (lamports) => {
        expect(solToLamports(lamportsToSol(lamports))).toBe(lamports);
      }),
    );
  });
});
