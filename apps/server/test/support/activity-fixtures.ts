import type { Deps } from '@puffy/api';
import type { TActivityKind, TActivityScope } from '@puffy/contracts';
import { eq } from 'drizzle-orm';
import { solanaWallet } from './wallets';

/** Members written straight to the database: for races of hundreds, where signing each in is beside the point. */
export async function insertMembers(deps: Deps, count: number): Promise<string[]> {
  const { db, t } = deps.db;
  const now = deps.clock.now();
  const rows = Array.from({ length: count }, () => ({
    id: crypto.randomUUID(),
    walletAddress: solanaWallet().address,
    walletChain: 'sol' as const,
    createdAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < rows.length; i += 200) await db.insert(t.users).values(rows.slice(i, i + 200));
  return rows.map((r) => r.id);
}

export async function createCampaign(
  deps: Deps,
  overrides: Partial<{ isActive: boolean; isReady: boolean; startAt: Date; endAt: Date }> = {},
): Promise<number> {
  const { db, t } = deps.db;
  const now = deps.clock.now();
  const [row] = await db
    .insert(t.campaigns)
    .values({
      slug: `campaign-${crypto.randomUUID().slice(0, 8)}`,
      name: 'Test campaign',
      network: 'sol',
      vmType: 'svm',
      nftGasFeeLamports: 1_000_000n,
      isReady: true,
      isActive: true,
      createdAt: now,
      updatedAt: now,
      ...overrides,
    })
    .returning({ id: t.campaigns.id });
  if (!row) throw new Error('campaign not created');
  return row.id;
}

export async function addActivity(
  deps: Deps,
  campaignIds: number[],
  activity: {
    kind: TActivityKind;
    scope?: TActivityScope;
    initiatedByUser?: boolean;
    points?: number;
    quantity?: number;
    parameter?: Record<string, unknown>;
  },
): Promise<number> {
  const { db, t } = deps.db;
  const [row] = await db
    .insert(t.activities)
    .values({
      scope: activity.scope ?? 'campaign',
      kind: activity.kind,
      name: `Activity ${activity.kind}`,
      parameter: activity.parameter ?? {},
      initiatedByUser: activity.initiatedByUser ?? false,
      createdAt: deps.clock.now(),
    })
    .returning({ id: t.activities.id });
  if (!row) throw new Error('activity not created');
  for (const campaignId of campaignIds) {
    await db.insert(t.campaignActivities).values({
      campaignId,
      activityId: row.id,
      points: activity.points ?? 10,
      quantity: activity.quantity ?? 1,
    });
  }
  return row.id;
}

export async function linkX(deps: Deps, userId: string, handle: string): Promise<void> {
  const { db, t } = deps.db;
  await db
    .update(t.users)
    .set({ twitterId: `x-${crypto.randomUUID()}`, twitterHandle: handle })
    .where(eq(t.users.id, userId));
}

/** The ledger's sum and the aggregate, which must always agree. */
export async function pointsState(deps: Deps, userId: string, campaignId: number) {
  const { db, t } = deps.db;
  const entries = await db.select().from(t.pointsLedger).where(eq(t.pointsLedger.userId, userId));
  const aggregates = await db.select().from(t.userPoints).where(eq(t.userPoints.userId, userId));
  const campaign = aggregates.find((a) => a.scopeKey === String(campaignId))?.points ?? 0;
  const global = aggregates.find((a) => a.scopeKey === 'global')?.points ?? 0;
  const inCampaign = entries.filter((e) => e.campaignId === campaignId);
  return {
    entries: entries.length,
    ledgerSum: entries.reduce((s, e) => s + e.points, 0),
    campaign,
    global,
    /** This campaign's own ledger rows: a member signed in over HTTP also earns other campaigns' sign-in points. */
    campaignEntries: inCampaign.length,
    campaignLedgerSum: inCampaign.reduce((s, e) => s + e.points, 0),
  };
}
