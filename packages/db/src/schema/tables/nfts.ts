import { ZNetwork, ZNftStatus } from '@puffy/contracts';
import { enumValues, mintPaths, rawCheck } from '../enums';
import type { CampaignMedia } from './campaigns';
import type { ColumnKit } from './kit';
import type { Parents } from './links';

export function nftTables(k: ColumnKit, { campaigns, users }: Parents<'campaigns' | 'users'>) {
  const promotions = k.table(
    'promotions',
    {
      id: k.serialId(),
      name: k.text('name').notNull(),
      symbol: k.text('symbol').notNull(),
      description: k.text('description'),
      metadataUrl: k.text('metadata_url'),
      collectionAddress: k.text('collection_address'),
      media: k.json<CampaignMedia>('media').notNull().default({}),
      /** 550 = 5.5 %, carried by the minted asset's royalties plugin. */
      royaltyBps: k.integer('royalty_bps').notNull().default(550),
      network: k.text('network', { enum: enumValues(ZNetwork) }).notNull(),
      /** The next NFT's number; taken and raised in one statement so no two members share one. */
      nextSequence: k.integer('next_sequence').notNull().default(1),
      createdAt: k.createdAt(),
    },
    () => [k.check('promotions_royalty_check', rawCheck('"royalty_bps" between 0 and 10000'))],
  );

  const campaignPromotions = k.table(
    'campaign_promotions',
    {
      ...k.belongsToCampaign(campaigns),
      promotionId: k.partOfSerial('promotion_id', promotions),
    },
    (t) => [
      k.primaryKey({ name: 'campaign_promotions_pk', columns: [t.campaignId, t.promotionId] }),
      k.index('campaign_promotions_promotion_idx').on(t.promotionId),
    ],
  );

  const userNfts = k.table(
    'user_nfts',
    {
      id: k.serialId(),
      userId: k.keeps('user_id', users).notNull(),
      promotionId: k.keepsSerial('promotion_id', promotions).notNull(),
      campaignId: k.keepsSerial('campaign_id', campaigns).notNull(),
      network: k.text('network', { enum: enumValues(ZNetwork) }).notNull(),
      sequence: k.integer('sequence').notNull(),
      status: k
        .text('status', { enum: enumValues(ZNftStatus) })
        .notNull()
        .default('new'),
      mintPath: k.text('mint_path', { enum: mintPaths }).notNull().default('gas'),
      /** The Solana Pay reference key the payment transaction carries. */
      reference: k.text('reference').unique(),
      gasFeeLamports: k.money('gas_fee_lamports').notNull(),
      payBefore: k.time('pay_before'),
      assetAddress: k.text('asset_address').unique(),
      mintSignature: k.text('mint_signature'),
      failureReason: k.text('failure_reason'),
      mintAttempts: k.integer('mint_attempts').notNull().default(0),
      ...k.timestamps(),
    },
    (t) => [
      k.unique('user_nfts_member_promotion_unique').on(t.userId, t.promotionId),
      k.unique('user_nfts_sequence_unique').on(t.promotionId, t.sequence),
      k.index('user_nfts_status_idx').on(t.status),
      k.index('user_nfts_campaign_idx').on(t.campaignId),
    ],
  );

  return { promotions, campaignPromotions, userNfts };
}

export type NftTables = ReturnType<typeof nftTables>;
