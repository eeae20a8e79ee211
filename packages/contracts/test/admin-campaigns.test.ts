import { describe, expect, it } from 'vitest';
import { ZAdminCampaignFields, ZSolAmount } from '../src/admin-campaigns';

const fields = { slug: 'spring-drop', name: 'Spring drop', network: 'sol', nftGasFeeSol: '0.05' };

describe('campaign fields stay within the columns they are stored in', () => {
  it('refuses a gas fee past signed 64-bit lamports (nft_gas_fee_lamports), and takes the largest that fits', () => {
    expect(ZSolAmount.safeParse('9223372036.854775807').success).toBe(true);
    expect(ZSolAmount.safeParse('9223372036.854775808').success).toBe(false);
    expect(ZSolAmount.safeParse('10000000000000').success).toBe(false);
    expect(ZAdminCampaignFields.safeParse({ ...fields, nftGasFeeSol: '9223372037' }).success).toBe(false);
  });

  it('refuses a member limit past a 32-bit integer (max_eligible is an integer column on Postgres)', () => {
    expect(ZAdminCampaignFields.safeParse({ ...fields, limit: 2_147_483_647 }).success).toBe(true);
    expect(ZAdminCampaignFields.safeParse({ ...fields, limit: 2_147_483_648 }).success).toBe(false);
    expect(ZAdminCampaignFields.safeParse({ ...fields, limit: Number.MAX_SAFE_INTEGER }).success).toBe(false);
  });
});
