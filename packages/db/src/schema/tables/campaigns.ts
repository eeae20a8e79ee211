import { type TRequirement, ZEligibilityMethod, ZNetwork, ZVmType, ZWalletChain } from '@puffy/contracts';
import { botSecretStatuses, enumCheck, enumValues } from '../enums';
import type { IdentityTables } from './identity';
import type { ColumnKit } from './kit';

export interface CampaignMedia {
  image?: string;
  video?: string;
  banner?: string;
}

export function campaignTables(
  {
    belongsToCampaign,
    belongsToMember,
    check,
    createdAt,
    flag,
    index,
    integer,
    json,
    money,
    primaryKey,
    serialId,
    table,
    text,
    time,
    timestamps,
    unique,
    uuidId,
  }: ColumnKit,
  { users }: Pick<IdentityTables, 'users'>,
) {
  const campaignGroups = table('campaign_groups', {
    id: serialId(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: createdAt(),
  });

  const campaigns = table(
    'campaigns',
    {
      id: serialId(),
      slug: text('slug').notNull().unique(),
      name: text('name').notNull(),
      description: text('description'),
      edition: text('edition'),
      requirement: text('requirement'),
      collectionAddress: text('collection_address'),
      collectionName: text('collection_name'),
      network: text('network', { enum: enumValues(ZNetwork) }).notNull(),
      vmType: text('vm_type', { enum: enumValues(ZVmType) }).notNull(),
      startAt: time('start_at'),
      endAt: time('end_at'),
      /** The most members who can become eligible (null: no limit); `limit` is a reserved word in SQL. */
      limit: integer('max_eligible'),
      /** First come, first served: raised in the same statement that checks it against `limit`. */
      eligibleCount: integer('eligible_count').notNull().default(0),
      media: json<CampaignMedia>('media').notNull().default({}),
      nftGasFeeLamports: money('nft_gas_fee_lamports').notNull(),
      xPostUrl: text('x_post_url'),
      /** The operator's requirement tree (docs/product/eligibility.md); null: the methods and required activities. */
      requirements: json<TRequirement>('requirements'),
      isReady: flag('is_ready').notNull().default(false),
      isActive: flag('is_active').notNull().default(false),
      groupId: integer('group_id').references(() => campaignGroups.id, { onDelete: 'set null' }),
      archivedAt: time('archived_at'),
      ...timestamps(),
    },
    (t) => [
      index('campaigns_listing_idx').on(t.isReady, t.isActive, t.startAt, t.endAt),
      index('campaigns_network_idx').on(t.network),
      index('campaigns_group_idx').on(t.groupId),
      check('campaigns_network_check', enumCheck(t.network, enumValues(ZNetwork))),
      check('campaigns_vm_type_check', enumCheck(t.vmType, enumValues(ZVmType))),
    ],
  );

  /** The ways a campaign accepts members; any one suffices. */
  const campaignEligibleMethods = table(
    'campaign_eligible_methods',
    {
      id: serialId(),
      ...belongsToCampaign(campaigns),
      method: text('method', { enum: enumValues(ZEligibilityMethod) }).notNull(),
      config: json<Record<string, unknown>>('config').notNull().default({}),
    },
    (t) => [
      unique('campaign_eligible_methods_unique').on(t.campaignId, t.method),
      check('campaign_eligible_methods_method_check', enumCheck(t.method, enumValues(ZEligibilityMethod))),
    ],
  );

  const userCampaignEligibles = table(
    'user_campaign_eligibles',
    {
      id: uuidId(),
      ...belongsToMember(users),
      ...belongsToCampaign(campaigns),
      method: text('method', { enum: enumValues(ZEligibilityMethod) }).notNull(),
      /** The wallet that qualified; null for methods that need none (referral, bypass, discord). */
      walletChain: text('wallet_chain', { enum: enumValues(ZWalletChain) }),
      walletAddress: text('wallet_address'),
      createdAt: createdAt(),
    },
    (t) => [
      unique('user_campaign_eligibles_unique').on(t.userId, t.campaignId),
      index('user_campaign_eligibles_campaign_idx').on(t.campaignId),
      check('user_campaign_eligibles_method_check', enumCheck(t.method, enumValues(ZEligibilityMethod))),
      check('user_campaign_eligibles_wallet_chain_check', enumCheck(t.walletChain, enumValues(ZWalletChain))),
    ],
  );

  /** The operator's allow-list behind the `bypass` method. */
  const campaignAllowlist = table(
    'campaign_allowlist',
    {
      ...belongsToCampaign(campaigns),
      address: text('address').notNull(),
    },
    (t) => [primaryKey({ name: 'campaign_allowlist_pk', columns: [t.campaignId, t.address] })],
  );

  /** HMAC keys of a campaign's Discord bot; kept encrypted (the server must recompute signatures). */
  const discordBotSecrets = table(
    'discord_bot_secrets',
    {
      id: uuidId(),
      ...belongsToCampaign(campaigns),
      secretEncrypted: text('secret_encrypted').notNull(),
      status: text('status', { enum: botSecretStatuses }).notNull().default('active'),
      createdAt: createdAt(),
      /** A rotated-out secret keeps working until then, so the bot can be redeployed without downtime. */
      graceUntil: time('grace_until'),
    },
    (t) => [
      index('discord_bot_secrets_campaign_idx').on(t.campaignId, t.status),
      check('discord_bot_secrets_status_check', enumCheck(t.status, botSecretStatuses)),
    ],
  );

  const discordAuthCodes = table(
    'discord_auth_codes',
    {
      id: uuidId(),
      ...belongsToCampaign(campaigns),
      codeHash: text('code_hash').notNull().unique(),
      discordUserId: text('discord_user_id').notNull(),
      discordUsername: text('discord_username'),
      expiresAt: time('expires_at').notNull(),
      usedAt: time('used_at'),
      usedByUserId: text('used_by_user_id').references(() => users.id, { onDelete: 'set null' }),
      createdAt: createdAt(),
    },
    (t) => [index('discord_auth_codes_campaign_idx').on(t.campaignId)],
  );

  return {
    campaignGroups,
    campaigns,
    campaignEligibleMethods,
    userCampaignEligibles,
    campaignAllowlist,
    discordBotSecrets,
    discordAuthCodes,
  };
}

export type CampaignTables = ReturnType<typeof campaignTables>;
