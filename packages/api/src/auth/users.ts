import type { TAdminScope, TAuthUser, TWalletChain } from '@puffy/contracts';
import { ZAdminScope } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';

export interface WalletIdentity {
  chain: TWalletChain;
  /** Canonical form per chain: base58 (sol), checksummed (evm), user-friendly (ton). */
  address: string;
  /** TON raw form `0:<hex>`. */
  addressHex: string | null;
}

type UserRow = {
  id: string;
  walletAddress: string;
  walletAddressHex: string | null;
  walletChain: TWalletChain;
  role: 'user' | 'admin';
  adminScopes: unknown;
  name: string | null;
  avatarUrl: string | null;
  createdAt: Date;
};

export function toAuthUser(row: UserRow): TAuthUser {
  return {
    id: row.id,
    walletAddress: row.walletAddress,
    walletAddressHex: row.walletAddressHex,
    chain: row.walletChain,
    role: row.role,
    scopes: ZAdminScope.array().catch([]).parse(row.adminScopes),
    name: row.name,
    avatarUrl: row.avatarUrl,
    createdAt: row.createdAt.toISOString(),
  };
}

async function userOwningWallet(tx: Database, t: Deps['db']['t'], wallet: WalletIdentity) {
  const [row] = await tx
    .select({ user: t.users })
    .from(t.userWallets)
    .innerJoin(t.users, eq(t.users.id, t.userWallets.userId))
    .where(and(eq(t.userWallets.chain, wallet.chain), eq(t.userWallets.address, wallet.address)))
    .limit(1);
  return row?.user;
}

/**
 * The user a wallet signs in as: the owner of the wallet if any user has it (first or extra wallet),
 * else a new user. Concurrent first sign-ins of one wallet make one user: the unique keys on
 * users(wallet_chain, wallet_address) and user_wallets(chain, address) decide, and the loser reads
 * the winner's row instead of inserting a second one.
 */
export async function findOrCreateUser(
  deps: Pick<Deps, 'db' | 'clock'>,
  wallet: WalletIdentity,
  initial: { role: 'user' | 'admin'; scopes: TAdminScope[] },
): Promise<{ user: UserRow; created: boolean }> {
  const { t } = deps.db;
  const existing = await userOwningWallet(deps.db.db, t, wallet);
  if (existing) return { user: existing, created: false };
  return deps.db.withTransaction(async (tx) => {
    const now = deps.clock.now();
    const [inserted] = await tx
      .insert(t.users)
      .values({
        id: crypto.randomUUID(),
        walletAddress: wallet.address,
        walletAddressHex: wallet.addressHex,
        walletChain: wallet.chain,
        role: initial.role,
        adminScopes: initial.scopes,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      const [walletRow] = await tx
        .insert(t.userWallets)
        .values({
          id: crypto.randomUUID(),
          userId: inserted.id,
          chain: wallet.chain,
          address: wallet.address,
          addressHex: wallet.addressHex,
          isPrimary: true,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: t.userWallets.id });
      // Both rows are ours: the new user owns the wallet, no need to read it back.
      if (walletRow) return { user: inserted, created: true };
    }
    const owner = await userOwningWallet(tx, t, wallet);
    if (owner) return { user: owner, created: owner.id === inserted?.id };
    throw new Error(`wallet ${wallet.chain}:${wallet.address} has a user row but no wallet row`);
  });
}

export async function findUserById(deps: Pick<Deps, 'db'>, userId: string): Promise<UserRow | undefined> {
  const { db, t } = deps.db;
  const [row] = await db.select().from(t.users).where(eq(t.users.id, userId)).limit(1);
  return row;
}
