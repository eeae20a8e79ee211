import { type TRequirement, ZEligibilityMethod, ZNetwork, ZVmType, ZWalletChain } from '@puffy/contracts';
import { botSecretStatuses, enumValues, rawCheck } from '../enums';
import type { ColumnKit } from './kit';
import type { Parents } from './links';

export interface CampaignMedia {
  image?: string;
  video?: string;
  banner?: string;
}

export function campaignTables(k: ColumnKit, { users }: Parents<'users'>) {
  const campaignGroups = k.table('campaign_groups', {
    id: k.serialId(),
    slug: k.text('slug').notNull().unique(),
    name: k.text('name').notNull(),
    description: k.text('description'),
    createdAt: k.createdAt(),
  });

  const campaigns = k.table(
    'campaigns',
    {
      id: k.serialId(),
      slug: k.text('slug').notNull().unique(),
      name: k.text('name').notNull(),
      description: k.text('description'),
      edition: k.text('edition'),
      requirement: k.text('requirement'),
      collectionAddress: k.text('collection_address'),
      collectionName: k.text('collection_name'),
      network: k.text('network', { enum: enumValues(ZNetwork) }).notNull(),
      vmType: k.text('vm_type', { enum: enumValues(ZVmType) }).notNull(),
      startAt: k.time('start_at'),
      endAt: k.time('end_at'),
      /**
       * The most members who can become eligible (null: no limit); `limit` is a reserved word in SQL.
       * The places taken are counted in `campaign_seats`, not here.
       */
      limit: k.integer('max_eligible'),
      media: k.json<CampaignMedia>('media').notNull().default({}),
      nftGasFeeLamports: k.money('nft_gas_fee_lamports').notNull(),
      xPostUrl: k.text('x_post_url'),
      /** The operator's requirement tree (docs/product/eligibility.md); null: the methods and required activities. */
      requirements: k.json<TRequirement>('requirements'),
      isReady: k.flag('is_ready').notNull().default(false),
      isActive: k.flag('is_active').notNull().default(false),
      groupId: k.mentionsSerial('group_id', campaignGroups),
      archivedAt: k.time('archived_at'),
      ...k.timestamps(),
    },
    (t) => [
      k.index('campaigns_listing_idx').on(t.isReady, t.isActive, t.startAt, t.endAt),
      k.index('campaigns_network_idx').on(t.network),
      k.index('campaigns_group_idx').on(t.groupId),
    ],
  );

  /** The ways a campaign accepts members; any one suffices. */
  const campaignEligibleMethods = k.table(
    'campaign_eligible_methods',
    {
      id: k.serialId(),
      ...k.belongsToCampaign(campaigns),
      method: k.text('method', { enum: enumValues(ZEligibilityMethod) }).notNull(),
      config: k.json<Record<string, unknown>>('config').notNull().default({}),
    },
    (t) => [k.unique('campaign_eligible_methods_unique').on(t.campaignId, t.method)],
  );

  const userCampaignEligibles = k.table(
    'user_campaign_eligibles',
    {
      id: k.uuidId(),
      ...k.belongsToMember(users),
      ...k.belongsToCampaign(campaigns),
      method: k.text('method', { enum: enumValues(ZEligibilityMethod) }).notNull(),
      /** The wallet that qualified; null for methods that need none (referral, bypass, discord). */
      walletChain: k.text('wallet_chain', { enum: enumValues(ZWalletChain) }),
      walletAddress: k.text('wallet_address'),
      createdAt: k.createdAt(),
    },
    (t) => k.uniquePair('user_campaign_eligibles', t.userId, t.campaignId),
  );

  /**
   * A campaign's places, first come first served, split over a few rows (shards) so members taking
   * places at once do not all queue on one row (docs/architecture.md, "Statement budgets"). Each
   * shard has its own share of the limit (`capacity`; null: no limit), taken by one conditional
   * increment; the shares add up to the limit, so the cap holds exactly. Places taken: the sum.
   */
  const campaignSeats = k.table(
    'campaign_seats',
    {
      ...k.belongsToCampaign(campaigns),
      shard: k.integer('shard').notNull(),
      taken: k.integer('taken').notNull().default(0),
      capacity: k.integer('capacity'),
    },
    (t) => [
      k.primaryKey({ name: 'campaign_seats_pk', columns: [t.campaignId, t.shard] }),
      // The last line of defence for the cap: a shard past its share cannot be written.
      k.check(
        'campaign_seats_taken_check',
        rawCheck('"taken" >= 0 and ("capacity" is null or "taken" <= "capacity")'),
      ),
    ],
  );

  /** The operator's allow-list behind the `bypass` method. */
  const campaignAllowlist = k.table(
    'campaign_allowlist',
    {
      ...k.belongsToCampaign(campaigns),
      address: k.text('address').notNull(),
    },
    (t) => [k.primaryKey({ name: 'campaign_allowlist_pk', columns: [t.campaignId, t.address] })],
  );

  /** HMAC keys of a campaign's Discord bot; kept encrypted (the server must recompute signatures). */
  const discordBotSecrets = k.table(
    'discord_bot_secrets',
    {
      id: k.uuidId(),
      ...k.belongsToCampaign(campaigns),
      secretEncrypted: k.text('secret_encrypted').notNull(),
      status: k.text('status', { enum: botSecretStatuses }).notNull().default('active'),
      createdAt: k.createdAt(),
      /** A rotated-out secret keeps working until then, so the bot can be redeployed without downtime. */
      graceUntil: k.time('grace_until'),
    },
    (t) => [k.index('discord_bot_secrets_campaign_idx').on(t.campaignId, t.status)],
  );

  const discordAuthCodes = k.table(
    'discord_auth_codes',
    {
      id: k.uuidId(),
      ...k.belongsToCampaign(campaigns),
      codeHash: k.text('code_hash').notNull().unique(),
      discordUserId: k.text('discord_user_id').notNull(),
      discordUsername: k.text('discord_username'),
      expiresAt: k.time('expires_at').notNull(),
      usedAt: k.time('used_at'),
      usedByUserId: k.mentions('used_by_user_id', users),
      createdAt: k.createdAt(),
    },
    (t) => [k.index('discord_auth_codes_campaign_idx').on(t.campaignId)],
  );

  return {
    campaignGroups,
    campaigns,
    campaignEligibleMethods,
    userCampaignEligibles,
    campaignSeats,
    campaignAllowlist,
    discordBotSecrets,
    discordAuthCodes,
  };
}

export type CampaignTables = ReturnType<typeof campaignTables>;
