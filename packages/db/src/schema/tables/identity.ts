import { type TAdminScope, ZRole, ZSecurityEventType, ZWalletChain } from '@puffy/contracts';
import { enumValues } from '../enums';
import type { ColumnKit } from './kit';

export function identityTables(k: ColumnKit) {
  const users = k.table(
    'users',
    {
      id: k.uuidId(),
      walletAddress: k.text('wallet_address').notNull(),
      walletChain: k.text('wallet_chain', { enum: enumValues(ZWalletChain) }).notNull(),
      /** TON raw form `0:<hex>`; null for the other chains. */
      walletAddressHex: k.text('wallet_address_hex'),
      role: k
        .text('role', { enum: enumValues(ZRole) })
        .notNull()
        .default('user'),
      adminScopes: k.json<TAdminScope[]>('admin_scopes').notNull().default([]),
      name: k.text('name'),
      avatarUrl: k.text('avatar_url'),
      avatarLocked: k.flag('avatar_locked').notNull().default(false),
      /** Only a verified address is ever stored. */
      email: k.text('email').unique(),
      twitterId: k.text('twitter_id').unique(),
      twitterHandle: k.text('twitter_handle'),
      twitterLocked: k.flag('twitter_locked').notNull().default(false),
      discordId: k.text('discord_id').unique(),
      discordUsername: k.text('discord_username'),
      /** Linked through the Telegram Login Widget's signed data; one Telegram account per member. */
      telegramId: k.text('telegram_id').unique(),
      telegramUsername: k.text('telegram_username'),
      ...k.timestamps(),
    },
    (t) => [k.unique('users_wallet_unique').on(t.walletChain, t.walletAddress)],
  );

  /** Every wallet of a user, the first one included: the unique key makes a wallet belong to one user. */
  const userWallets = k.table(
    'user_wallets',
    {
      id: k.uuidId(),
      ...k.belongsToMember(users),
      chain: k.text('chain', { enum: enumValues(ZWalletChain) }).notNull(),
      address: k.text('address').notNull(),
      addressHex: k.text('address_hex'),
      isPrimary: k.flag('is_primary').notNull().default(false),
      createdAt: k.createdAt(),
    },
    (t) => [
      k.unique('user_wallets_wallet_unique').on(t.chain, t.address),
      k.index('user_wallets_user_idx').on(t.userId),
    ],
  );

  /**
   * How a session ended: when, and why (logout, expiry, a reused refresh token, a lost role, an admin).
   * Written together, and both null while the session lives.
   */
  const revocation = {
    revokedAt: k.time('revoked_at'),
    revokeReason: k.text('revoke_reason'),
  };

  /** A refresh-token family: only hashes of the current (and just-rotated) secret are kept. */
  const sessions = k.table(
    'sessions',
    {
      id: k.uuidId(),
      ...k.belongsToMember(users),
      refreshHash: k.text('refresh_hash').notNull(),
      previousRefreshHash: k.text('previous_refresh_hash'),
      rotatedAt: k.time('rotated_at'),
      createdAt: k.createdAt(),
      lastUsedAt: k.time('last_used_at').notNull(),
      expiresAt: k.time('expires_at').notNull(),
      ...revocation,
      ip: k.text('ip'),
      userAgent: k.text('user_agent'),
    },
    (t) => [k.index('sessions_user_idx').on(t.userId)],
  );

  const securityEvents = k.table(
    'security_events',
    {
      id: k.uuidId(),
      type: k.text('type', { enum: enumValues(ZSecurityEventType) }).notNull(),
      userId: k.mentions('user_id', users),
      requestId: k.text('request_id'),
      ip: k.text('ip'),
      detail: k.json<Record<string, unknown>>('detail').notNull().default({}),
      createdAt: k.createdAt(),
    },
    (t) => [
      k.index('security_events_created_idx').on(t.createdAt),
      k.index('security_events_type_idx').on(t.type, t.createdAt),
      k.index('security_events_user_idx').on(t.userId),
    ],
  );

  return { users, userWallets, sessions, securityEvents };
}

export type IdentityTables = ReturnType<typeof identityTables>;
