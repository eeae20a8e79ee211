import { ZNetwork, ZNftStatus } from '@puffy/contracts';
import { enumCheck, enumValues, mintPaths, rawCheck } from '../enums';
import type { CampaignMedia, CampaignTables } from './campaigns';
import type { IdentityTables } from './identity';
import type { ColumnKit } from './kit';

export function nftTables(
  {
    belongsToCampaign,
    check,
    createdAt,
    index,
    integer,
    json,
    money,
    partOfSerial,
    primaryKey,
    serialId,
    table,
    text,
    time,
    timestamps,
    unique,
  }: ColumnKit,
  { campaigns, users }: Pick<CampaignTables, 'campaigns'> & Pick<IdentityTables, 'users'>,
) {
  const promotions = table(
    'promotions',
    {
      id: serialId(),
      name: text('name').notNull(),
      symbol: text('symbol').notNull(),
      description: text('description'),
      metadataUrl: text('metadata_url'),
      collectionAddress: text('collection_address'),
      media: json<CampaignMedia>('media').notNull().default({}),
      /** 550 = 5.5 %, carried by the minted asset's royalties plugin. */
      royaltyBps: integer('royalty_bps').notNull().default(550),
      network: text('network', { enum: enumValues(ZNetwork) }).notNull(),
      /** The next NFT's number; taken and raised in one statement so no two members share one. */
      nextSequence: integer('next_sequence').notNull().default(1),
      createdAt: createdAt(),
    },
    (t) => [
      check('promotions_network_check', enumCheck(t.network, enumValues(ZNetwork))),
      check('promotions_royalty_check', rawCheck('"royalty_bps" between 0 and 10000')),
    ],
  );

  const campaignPromotions = table(
    'campaign_promotions',
    {
      ...belongsToCampaign(campaigns),
      promotionId: partOfSerial('promotion_id', promotions),
    },
    (t) => [
      primaryKey({ name: 'campaign_promotions_pk', columns: [t.campaignId, t.promotionId] }),
      index('campaign_promotions_promotion_idx').on(t.promotionId),
    ],
  );

  const userNfts = table(
    'user_nfts',
    {
      id: serialId(),
      userId: text('user_id')
        .notNull()
        .references(() => users.id),
      promotionId: integer('promotion_id')
        .notNull()
        .references(() => promotions.id),
      campaignId: integer('campaign_id')
        .notNull()
        .references(() => campaigns.id),
      network: text('network', { enum: enumValues(ZNetwork) }).notNull(),
      sequence: integer('sequence').notNull(),
      status: text('status', { enum: enumValues(ZNftStatus) })
        .notNull()
        .default('new'),
      mintPath: text('mint_path', { enum: mintPaths }).notNull().default('gas'),
      /** The Solana Pay reference key the payment transaction carries. */
      reference: text('reference').unique(),
      gasFeeLamports: money('gas_fee_lamports').notNull(),
      payBefore: time('pay_before'),
      assetAddress: text('asset_address').unique(),
      mintSignature: text('mint_signature'),
      failureReason: text('failure_reason'),
      mintAttempts: integer('mint_attempts').notNull().default(0),
      ...timestamps(),
    },
    (t) => [
      unique('user_nfts_member_promotion_unique').on(t.userId, t.promotionId),
      unique('user_nfts_sequence_unique').on(t.promotionId, t.sequence),
      index('user_nfts_status_idx').on(t.status),
      index('user_nfts_campaign_idx').on(t.campaignId),
      check('user_nfts_network_check', enumCheck(t.network, enumValues(ZNetwork))),
      check('user_nfts_status_check', enumCheck(t.status, enumValues(ZNftStatus))),
      check('user_nfts_mint_path_check', enumCheck(t.mintPath, mintPaths)),
    ],
  );

  return { promotions, campaignPromotions, userNfts };
}

export type NftTables = ReturnType<typeof nftTables>;
