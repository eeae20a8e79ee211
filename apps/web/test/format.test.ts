import { describe, expect, it } from 'vitest';
import { formatDate as campaignDate } from '../src/campaigns/words';
import {
  chainName,
  formatDate,
  formatDateTime,
  formatNumber,
  formatTime,
  formatUsdt,
  networkName,
} from '../src/lib/format';
import { formatDate as profileDate } from '../src/profile/format';
import { usdt } from '../src/store/words';

const AT = '2026-12-06T12:41:00.000Z';

describe('one formatter for dates, numbers and money', () => {
  it('writes dates and times through Intl in the given locale, never as ISO', () => {
    const en = formatDateTime(AT, 'en-US');
    expect(en).not.toContain('2026-12-06');
    expect(en).toBe(
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(AT)),
    );
    expect(formatDate(AT, 'de-DE')).toBe(
      new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium' }).format(new Date(AT)),
    );
    expect(formatTime(AT, 'en-GB')).toBe(
      new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(new Date(AT)),
    );
  });

  it('gives every screen the same date format: profile and campaigns share it', () => {
    expect(profileDate(AT)).toBe(formatDate(AT));
    expect(campaignDate(AT)).toBe(formatDateTime(AT));
  });

  it('writes money with its cents and its unit in the member’s locale', () => {
    expect(formatUsdt('1234.50', 'en-US')).toBe('1,234.50 USDT');
    expect(formatUsdt('1234.50', 'de-DE')).toBe('1.234,50 USDT');
    expect(usdt('99.00')).toBe(formatUsdt('99.00'));
    expect(formatNumber(12345, 'en-US')).toBe('12,345');
  });

  it('names networks and wallets as people write them, never by code', () => {
    expect(networkName('sol')).toBe('Solana');
    expect(networkName('eth')).toBe('Ethereum');
    expect(chainName('sol')).toBe('Solana');
    expect(chainName('evm')).toBe('EVM');
  });
});
