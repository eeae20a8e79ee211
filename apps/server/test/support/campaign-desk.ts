/* Shared by the campaign desk tests: a complete campaign's fields, varied by each test. */
import type { TAdminCampaignFields } from '@puffy/contracts';

export const HOST = 'media.example.com';
let slugSeq = 0;

export function campaignFields(overrides: Partial<TAdminCampaignFields> = {}): TAdminCampaignFields {
  slugSeq += 1;
  return {
    slug: `desk-${slugSeq}-${Math.random().toString(36).slice(2, 8)}`,
    name: 'Puffy Genesis',
    description: 'Hold a Puffy, claim the pass.',
    edition: null,
    requirement: null,
    collectionAddress: null,
    collectionName: null,
    network: 'sol',
    startAt: null,
    endAt: null,
    limit: null,
    media: { image: `https://${HOST}/genesis.png` },
    nftGasFeeSol: '0.05',
    xPostUrl: null,
    groupId: null,
    methods: [{ method: 'bypass', config: {} }],
    ...overrides,
  };
}

/** A campaign's promotion (the NFT members claim), complete enough to activate the campaign. */
export const passPromotion = {
  name: 'Puffy Pass',
  symbol: 'PUFFY',
  description: 'The pass',
  image: `https://${HOST}/pass.png`,
  collectionAddress: null,
  network: 'sol' as const,
  royaltyPercent: '5',
};
