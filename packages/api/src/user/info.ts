import { type TUserInfo, USER_INFO_LIST_LIMIT } from '@puffy/contracts';
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
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

export async function userInfo(deps: Pick<Deps, 'db'>, userId: string): Promise<TUserInfo> {
  const { db, t } = deps.db;
  const [user] = await db.select().from(t.users).where(eq(t.users.id, userId)).limit(1);
  if (!user) throw new NotFound('This account does not exist.', 'no_user');

  const activityColumns = {
    activityId: t.userActivities.activityId,
    campaignId: t.userActivities.campaignId,
    status: t.userActivities.status,
    points: t.userActivities.points,
    completedAt: t.userActivities.completedAt,
  };
  const newestActivities = [desc(t.userActivities.createdAt), asc(t.userActivities.id)] as const;
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
    db
      .select(activityColumns)
      .from(t.userActivities)
      .where(and(eq(t.userActivities.userId, userId), isNull(t.userActivities.campaignId)))
      .orderBy(...newestActivities)
      .limit(FETCH),
    db
      .select(activityColumns)
      .from(t.userActivities)
      .where(and(eq(t.userActivities.userId, userId), isNotNull(t.userActivities.campaignId)))
      .orderBy(...newestActivities)
      .limit(FETCH),
    db
      .select({
        refereeUserId: t.referralRelations.refereeUserId,
        campaignId: t.referralRelations.campaignId,
        createdAt: t.referralRelations.createdAt,
      })
      .from(t.referralRelations)
      .where(eq(t.referralRelations.referrerUserId, userId))
      .orderBy(desc(t.referralRelations.createdAt), asc(t.referralRelations.id))
      .limit(FETCH),
    db
      .select({
        id: t.userNfts.id,
        promotionId: t.userNfts.promotionId,
        campaignId: t.userNfts.campaignId,
        network: t.userNfts.network,
        sequence: t.userNfts.sequence,
        status: t.userNfts.status,
        assetAddress: t.userNfts.assetAddress,
      })
      .from(t.userNfts)
      .where(eq(t.userNfts.userId, userId))
      .orderBy(desc(t.userNfts.id))
      .limit(FETCH),
    db
      .select({
        campaignId: t.userCampaignEligibles.campaignId,
        method: t.userCampaignEligibles.method,
        walletChain: t.userCampaignEligibles.walletChain,
        walletAddress: t.userCampaignEligibles.walletAddress,
        createdAt: t.userCampaignEligibles.createdAt,
      })
      .from(t.userCampaignEligibles)
      .where(eq(t.userCampaignEligibles.userId, userId))
      .orderBy(desc(t.userCampaignEligibles.createdAt), asc(t.userCampaignEligibles.id))
      .limit(FETCH),
    db
      .select({
        id: t.userProducts.id,
        productSku: t.userProducts.productSku,
        source: t.userProducts.source,
        createdAt: t.userProducts.createdAt,
        revokedAt: t.userProducts.revokedAt,
        consumedOrderId: t.userProducts.consumedOrderId,
      })
      .from(t.userProducts)
      .where(eq(t.userProducts.userId, userId))
      .orderBy(desc(t.userProducts.createdAt), asc(t.userProducts.id))
      .limit(FETCH),
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
