import type { TEligibilityMethod } from '@puffy/contracts';
import { settingKeys } from './settings';
import type { Schema } from './types';

export type DemoActivityKind = 'sign_in' | 'verify_email' | 'link_x' | 'refer_friends' | 'x_post';

export interface DemoCampaign {
  campaign: Omit<Schema['campaigns']['$inferInsert'], 'startAt' | 'endAt' | 'nftGasFeeLamports' | 'groupId'>;
  /** Relative to the seeding moment, so the demo is live whenever it is seeded. */
  startInDays: number;
  endInDays: number;
  gasFeeSol: string;
  methods: TEligibilityMethod[];
  activities: Array<{
    kind: DemoActivityKind;
    points: number;
    quantity?: number;
    required?: boolean;
  }>;
  promotion?: Schema['promotions']['$inferInsert'];
}

// The demo artwork ships with the SPA (apps/web/public/media/demo) and is served by the app itself, so
// the demo's pictures never depend on a remote host.
const MEDIA = '/media/demo';

export const demoCampaigns: DemoCampaign[] = [
  {
    campaign: {
      slug: 'puffy-genesis-solana',
      name: 'Puffy Genesis on Solana',
      description: 'Hold a Puffy Genesis NFT, or join with a referral code, and claim the Genesis Pass.',
      edition: 'Genesis',
      requirement: 'Hold a Puffy Genesis NFT, be on the allow-list, or use a referral code.',
      collectionAddress: 'PUFFYgenesis1111111111111111111111111111111',
      collectionName: 'Puffy Genesis',
      network: 'sol',
      vmType: 'svm',
      limit: 5000,
      media: { image: `${MEDIA}/genesis.svg`, banner: `${MEDIA}/genesis-banner.svg` },
      xPostUrl: 'https://x.com/puffy/status/1',
      isReady: true,
      isActive: true,
    },
    startInDays: -1,
    endInDays: 30,
    gasFeeSol: '0.01',
    methods: ['sol', 'bypass', 'referral'],
    activities: [
      // Required: signing in completes it by itself, so the demo is walkable without an X account.
      { kind: 'sign_in', points: 10, required: true },
      { kind: 'verify_email', points: 20 },
      { kind: 'link_x', points: 20 },
      { kind: 'refer_friends', points: 50, quantity: 3 },
      { kind: 'x_post', points: 30 },
    ],
    promotion: {
      name: 'Puffy Genesis Pass',
      symbol: 'PUFFY',
      description: 'The pass of the first Puffy community members.',
      media: { image: `${MEDIA}/pass.svg` },
      royaltyBps: 550,
      network: 'sol',
    },
  },
  {
    campaign: {
      slug: 'puffy-evm-holders',
      name: 'Puffy for Ethereum holders',
      description: 'Holders of the Puffy Ethereum collection get early access.',
      collectionAddress: '0x0000000000000000000000000000000000009f7e',
      collectionName: 'Puffy Ethereum',
      network: 'eth',
      vmType: 'evm',
      media: { image: `${MEDIA}/evm.svg` },
      isReady: true,
      isActive: true,
    },
    startInDays: -1,
    endInDays: 30,
    gasFeeSol: '0',
    methods: ['eth', 'referral'],
    activities: [
      { kind: 'sign_in', points: 10 },
      { kind: 'link_x', points: 20 },
    ],
  },
  {
    campaign: {
      slug: 'puffy-ton-society',
      name: 'Puffy TON Society',
      description: 'For holders of the Puffy TON collection.',
      collectionAddress: 'EQPuffyTonSociety000000000000000000000000000000',
      collectionName: 'Puffy TON Society',
      network: 'ton',
      vmType: 'tvm',
      media: { image: `${MEDIA}/ton.svg` },
      isReady: true,
      isActive: true,
    },
    startInDays: -1,
    endInDays: 30,
    gasFeeSol: '0',
    methods: ['ton'],
    activities: [{ kind: 'sign_in', points: 10 }],
  },
  {
    campaign: {
      slug: 'puffy-berachain-preview',
      name: 'Puffy on Berachain (coming soon)',
      description: 'Opens in two weeks.',
      collectionAddress: '0x00000000000000000000000000000000000be7a1',
      collectionName: 'Puffy Bera',
      network: 'berachain',
      vmType: 'evm',
      limit: 1000,
      media: { image: `${MEDIA}/bera.svg` },
      isReady: true,
      isActive: false,
    },
    startInDays: 14,
    endInDays: 45,
    gasFeeSol: '0',
    methods: ['berachain', 'c_referral'],
    activities: [],
  },
];

/** Demo-only settings; the store's own (shipping fees, vape countries) come from migration 0004. */
export const demoSettings: Array<[string, unknown]> = [
  [settingKeys.allowedMediaHosts, ['arweave.net', 'ipfs.io', 'gateway.irys.xyz']],
];
