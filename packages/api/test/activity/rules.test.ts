import { describe, expect, it } from 'vitest';
import { competitionRanks } from '../../src/activity/leaderboard';
import { parseXPostUrl, sameXHandle } from '../../src/activity/x-post';
import { shortWallet } from '../../src/platform/short-wallet';
import { generateReferralCode } from '../../src/referral/codes';

describe('X post links', () => {
  it.each([
    ['https://x.com/PuffyFan/status/1234567890', 'PuffyFan', '1234567890'],
    ['https://twitter.com/puffy_fan/status/1?s=20&t=abc', 'puffy_fan', '1'],
    ['https://mobile.x.com/a/status/42/', 'a', '42'],
    ['  https://www.twitter.com/A_1/status/9  ', 'A_1', '9'],
  ])('reads %s', (url, handle, statusId) => {
    expect(parseXPostUrl(url)).toEqual({ handle, statusId });
  });

  it.each([
    'http://x.com/PuffyFan/status/1',
    'https://x.com.evil.example/PuffyFan/status/1',
    'https://evilx.com/PuffyFan/status/1',
    'https://x.com/PuffyFan',
    'https://x.com/PuffyFan/status',
    'https://x.com/PuffyFan/status/1/photo/1',
    'https://x.com/i/web/status/1',
    'https://x.com/this_handle_is_too_long/status/1',
    'https://x.com/Puffy-Fan/status/1',
    'https://user:pw@x.com/PuffyFan/status/1',
    'https://x.com:8443/PuffyFan/status/1',
    'x.com/PuffyFan/status/1',
    '',
  ])('refuses %s', (url) => {
    expect(parseXPostUrl(url)).toBeNull();
  });

  it('compares handles without case or a leading @', () => {
    expect(sameXHandle('PuffyFan', '@puffyfan')).toBe(true);
    expect(sameXHandle('PuffyFan', 'PuffyFan2')).toBe(false);
  });
});

describe('leaderboard ranks', () => {
  it('share a rank on equal points and skip the shared places', () => {
    expect(competitionRanks([50, 30, 30, 10, 10, 10, 1])).toEqual([1, 2, 2, 4, 4, 4, 7]);
    expect(competitionRanks([])).toEqual([]);
    expect(competitionRanks([5, 5])).toEqual([1, 1]);
  });

  it('shortens wallets to four characters each side', () => {
    expect(shortWallet('7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU')).toBe('7xKX…gAsU');
    expect(shortWallet('short')).toBe('short');
  });
});

describe('referral codes', () => {
  it('are 8 characters of an alphabet without look-alikes', () => {
    const codes = new Set(Array.from({ length: 1000 }, generateReferralCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/);
  });
});
