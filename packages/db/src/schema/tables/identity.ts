import { type TAdminScope, ZRole, ZSecurityEventType, ZWalletChain } from '@puffy/contracts';
import { enumCheck, enumValues } from '../enums';
import type { ColumnKit } from './kit';

export function identityTables({
  belongsToMember,
  check,
  createdAt,
  flag,
  index,
  json,
  table,
  text,
  time,
  timestamps,
  unique,
  uuidId,
}: ColumnKit) {
  const users = table(
    'users',
    {
      id: uuidId(),
      walletAddress: text('wallet_address').notNull(),
      walletChain: text('wallet_chain', { enum: enumValues(ZWalletChain) }).notNull(),
      /** TON raw form `0:<hex>`; null for the other chains. */
      walletAddressHex: text('wallet_address_hex'),
      role: text('role', { enum: enumValues(ZRole) })
        .notNull()
        .default('user'),
      adminScopes: json<TAdminScope[]>('admin_scopes').notNull().default([]),
      name: text('name'),
      avatarUrl: text('avatar_url'),
      avatarLocked: flag('avatar_locked').notNull().default(false),
      /** Only a verified address is ever stored. */
      email: text('email').unique(),
      twitterId: text('twitter_id').unique(),
      twitterHandle: text('twitter_handle'),
      twitterLocked: flag('twitter_locked').notNull().default(false),
      discordId: text('discord_id').unique(),
      discordUsername: text('discord_username'),
      ...timestamps(),
    },
    (t) => [
      unique('users_wallet_unique').on(t.walletChain, t.walletAddress),
      check('users_wallet_chain_check', enumCheck(t.walletChain, enumValues(ZWalletChain))),
      check('users_role_check', enumCheck(t.role, enumValues(ZRole))),
    ],
  );

  /** Every wallet of a user, the first one included: the unique key makes a wallet belong to one user. */
  const userWallets = table(
    'user_wallets',
    {
      id: uuidId(),
      ...belongsToMember(users),
      chain: text('chain', { enum: enumValues(ZWalletChain) }).notNull(),
      address: text('address').notNull(),
      addressHex: text('address_hex'),
      isPrimary: flag('is_primary').notNull().default(false),
      createdAt: createdAt(),
    },
    (t) => [
      unique('user_wallets_wallet_unique').on(t.chain, t.address),
      index('user_wallets_user_idx').on(t.userId),
      check('user_wallets_chain_check', enumCheck(t.chain, enumValues(ZWalletChain))),
    ],
  );

  /** A refresh-token family: only hashes of the current (and just-rotated) secret are kept. */
  const sessions = table(
    'sessions',
    {
      id: uuidId(),
      ...belongsToMember(users),
      refreshHash: text('refresh_hash').notNull(),
      previousRefreshHash: text('previous_refresh_hash'),
      rotatedAt: time('rotated_at'),
      createdAt: createdAt(),
      lastUsedAt: time('last_used_at').notNull(),
      expiresAt: time('expires_at').notNull(),
      revokedAt: time('revoked_at'),
      revokeReason: text('revoke_reason'),
      ip: text('ip'),
      userAgent: text('user_agent'),
    },
    (t) => [index('sessions_user_idx').on(t.userId)],
  );

  const securityEvents = table(
    'security_events',
    {
      id: uuidId(),
      type: text('type', { enum: enumValues(ZSecurityEventType) }).notNull(),
      userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
      requestId: text('request_id'),
      ip: text('ip'),
      detail: json<Record<string, unknown>>('detail').notNull().default({}),
      createdAt: createdAt(),
    },
    (t) => [
      index('security_events_created_idx').on(t.createdAt),
      index('security_events_type_idx').on(t.type, t.createdAt),
      index('security_events_user_idx').on(t.userId),
      check('security_events_type_check', enumCheck(t.type, enumValues(ZSecurityEventType))),
    ],
  );

  return { users, userWallets, sessions, securityEvents };
}

export type IdentityTables = ReturnType<typeof identityTables>;
