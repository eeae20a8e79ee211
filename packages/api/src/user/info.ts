import { type TUserInfo, USER_INFO_LIST_LIMIT } from '@puffy/contracts';
import type { Database, Schema } from '@puffy/db';
import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import { GLOBAL_SCOPE } from '../activity/ledger';
import type { Deps } from '../deps';
import { NotFound } from '../platform/errors';
import { twitterLockState } from './twitter';
import { listWallets } from './wallets';

/** One more row than shown tells whether there are more, without a count query. */
const FETCH = USER_INFO_LIST_LIMIT + 1;

function bounded<T>(rows: T[]): { items: T[]; hasMore: boolean } {
  return { items: rows.slice(0, USER_INFO_LIST_LIMIT), hasMore: rows.length > USER_INFO_LIST_LIMIT };
}

/**
 * The member's own code (the one `referral.myCode` hands out: limited, in no campaign) before any
 * other campaign-less code, and those before codes an operator issued them for one campaign. Spelled
 * out because the databases sort NULL differently (first in SQLite, last in Postgres).
 */
function ownCodeFirst(deps: Pick<Deps, 'db'>) {
  const c = deps.db.t.referralCodes;
  return sql`case when ${c.campaignId} is null and ${c.type} = 'limited' then 0 when ${c.campaignId} is null then 1 else 2 end`;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The named columns of a table, as a select takes them. */
function pick<T extends object, K extends keyof T>(table: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, table[key]])) as Pick<T, K>;
}

/** The columns each of the member's lists shows. */
const shownOf = (t: Schema) => ({
  activity: pick(t.userActivities, ['activityId', 'campaignId', 'status', 'points', 'completedAt']),
  referral: pick(t.referralRelations, ['refereeUserId', 'campaignId', 'createdAt']),
  nft: pick(t.userNfts, ['id', 'promotionId', 'campaignId', 'network', 'sequence', 'status', 'assetAddress']),
  eligible: pick(t.userCampaignEligibles, [
    'campaignId',
    'method',
    'walletChain',
    'walletAddress',
    'createdAt',
  ]),
  product: pick(t.userProducts, ['id', 'productSku', 'source', 'createdAt', 'revokedAt', 'consumedOrderId']),
});

/**
 * A list of the member's rows: newest first, the id keeping ties in one order, one more than shown.
 * Written once for several tables, which drizzle's types cannot follow: the rows are typed from the
 * columns asked for.
 */
function newestFirst<F extends SelectedFields>(
  db: Database,
  table: PgTable & { createdAt: PgColumn; id: PgColumn },
  columns: F,
  where: SQL | undefined,
): Promise<SelectResultFields<F>[]> {
  const rows = db
    .select(columns as SelectedFields)
    .from(table)
    .where(where)
    .orderBy(desc(table.createdAt), asc(table.id))
    .limit(FETCH);
  return rows as Promise<unknown[]> as Promise<SelectResultFields<F>[]>;
}

export async function userInfo(deps: Pick<Deps, 'db'>, userId: string): Promise<TUserInfo> {
  const { db, t } = deps.db;
  const [user] = await db.select().from(t.users).where(eq(t.users.id, userId)).limit(1);
  if (!user) throw new NotFound('This account does not exist.', 'no_user');

  const shown = shownOf(t);
  const mine = eq(t.userActivities.userId, userId);
  const [
    wallets,
    lock,
    points,
    code,
    globalActivities,
    campaignActivities,
    referrals,
    nfts,
    eligibles,
    products,
  ] = await Promise.all([
    listWallets(deps, userId),
    twitterLockState(deps, deps.db.db, userId),
    db
      .select({ points: t.userPoints.points })
      .from(t.userPoints)
      .where(and(eq(t.userPoints.userId, userId), eq(t.userPoints.scopeKey, GLOBAL_SCOPE)))
      .limit(1),
    db
      .select({ code: t.referralCodes.code })
      .from(t.referralCodes)
      .where(and(eq(t.referralCodes.ownerUserId, userId), isNull(t.referralCodes.disabledAt)))
      .orderBy(ownCodeFirst(deps), asc(t.referralCodes.createdAt), asc(t.referralCodes.code))
      .limit(1),
    newestFirst(db, t.userActivities, shown.activity, and(mine, isNull(t.userActivities.campaignId))),
    newestFirst(db, t.userActivities, shown.activity, and(mine, isNotNull(t.userActivities.campaignId))),
    newestFirst(db, t.referralRelations, shown.referral, eq(t.referralRelations.referrerUserId, userId)),
    db
      .select(shown.nft)
      .from(t.userNfts)
      .where(eq(t.userNfts.userId, userId))
      .orderBy(desc(t.userNfts.id))
      .limit(FETCH),
    newestFirst(db, t.userCampaignEligibles, shown.eligible, eq(t.userCampaignEligibles.userId, userId)),
    newestFirst(db, t.userProducts, shown.product, eq(t.userProducts.userId, userId)),
  ]);

  const toActivity = (row: (typeof globalActivities)[number]) => ({
    ...row,
    completedAt: iso(row.completedAt),
  });
  return {
    id: user.id,
    walletAddress: user.walletAddress,
    walletAddressHex: user.walletAddressHex,
    chain: user.walletChain,
    wallets,
    evmWallets: wallets.filter((w) => w.chain === 'evm').map((w) => w.address),
    tonWallets: wallets.filter((w) => w.chain === 'ton').map((w) => w.address),
    twitter: user.twitterId ? { id: user.twitterId, handle: user.twitterHandle, locked: lock.locked } : null,
    name: user.name,
    avatarUrl: user.avatarUrl,
    avatarLocked: user.avatarLocked,
    email: user.email,
    discord: user.discordId ? { id: user.discordId, username: user.discordUsername } : null,
    telegram: user.telegramId ? { id: user.telegramId, username: user.telegramUsername } : null,
    points: points[0]?.points ?? 0,
    referralCode: code[0]?.code ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    activities: bounded(globalActivities.map(toActivity)),
    campaignActivities: bounded(campaignActivities.map(toActivity)),
    referrals: bounded(referrals.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))),
    nfts: bounded(nfts),
    eligibilities: bounded(eligibles.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() }))),
    products: bounded(
      products.map((p) => ({
        id: p.id,
        productSku: p.productSku,
        source: p.source,
        grantedAt: p.createdAt.toISOString(),
        available: p.revokedAt === null && p.consumedOrderId === null,
      })),
    ),
  };
}
