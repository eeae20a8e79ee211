import { describe, expect, it } from 'vitest';
import { perMinute, ruleAt } from '../../src/trpc/rate-rules';

describe('a procedure rate rule', () => {
  it('is named by the procedure path it is spent at when it names nothing itself', () => {
    expect(ruleAt('campaign.checkEligible', perMinute(30))).toEqual({
      name: 'campaign.checkEligible',
      points: 30,
      durationSeconds: 60,
    });
  });

  it('keeps the name several procedures share, whichever of them spends it', () => {
    const shared = perMinute(10, 'user.linkWallet');
    expect(ruleAt('user.linkEvmWallet', shared)).toEqual({
      name: 'user.linkWallet',
      points: 10,
      durationSeconds: 60,
    });
    expect(ruleAt('user.linkTonWallet', shared).name).toBe('user.linkWallet');
  });
});
