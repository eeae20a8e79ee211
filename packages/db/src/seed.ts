import { solToLamports } from '@puffy/contracts';
import { count } from 'drizzle-orm';
import { lockKey } from './helpers';
import { type DemoActivityKind, type DemoCampaign, demoCampaigns, demoSettings } from './seed-data';
import type { Database, Db } from './types';

export interface SeedOptions {
  /** The moment campaign windows are placed around (tests pass a fixed clock). */
  now?: Date;
}

const DAY_MS = 86_400_000;

/**
 * Demo data for a fresh database: campaigns on several networks, activities, a promotion, a global
 * referral code and the demo's media hosts. The catalog and the store settings are not demo data:
 * migration 0004 writes them for every deployment (docs/product/store-rules.md). Writes only when
 * there is no campaign at all, so a second call, or a call on a database someone already uses,
 * changes nothing.
 */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<{ seeded: boolean }> {
  const now = options.now ?? new Date();
  return db.withTransaction(async (tx) => {
    await lockKey(db, tx, 'puffy_seed');
    const [existing] = await tx.select({ n: count() }).from(db.t.campaigns);
    if ((existing?.n ?? 0) > 0) return { seeded: false };
    const groupId = await insertGroup(db, tx);
    const activityIds = await insertActivities(db, tx);
    for (const campaign of demoCampaigns) {
      await insertCampaign(db, tx, campaign, { now, groupId, activityIds });
    }
    await insertTeamAndSettings(db, tx);
    return { seeded: true };
  });
}

async function insertGroup(db: Db, tx: Database): Promise<number> {
  const [group] = await tx
    .insert(db.t.campaignGroups)
    .values({ slug: 'puffy-genesis', name: 'Puffy Genesis', description: 'The launch campaigns of Puffy.' })
    .returning({ id: db.t.campaignGroups.id });
  if (!group) throw new Error('campaign group was not created');
  return group.id;
}

type ActivityIds = Record<DemoActivityKind, number>;

async function insertActivities(db: Db, tx: Database): Promise<ActivityIds> {
  const insert = async (values: typeof db.t.activities.$inferInsert) => {
    const [row] = await tx.insert(db.t.activities).values(values).returning({ id: db.t.activities.id });
    if (!row) throw new Error(`activity ${values.kind} was not created`);
    return row.id;
  };
  return {
    sign_in: await insert({ scope: 'global', kind: 'sign_in', name: 'Sign in with your wallet' }),
    verify_email: await insert({ scope: 'global', kind: 'verify_email', name: 'Verify your email' }),
    link_x: await insert({ scope: 'global', kind: 'link_x', name: 'Link your X account' }),
    refer_friends: await insert({ scope: 'campaign', kind: 'refer_friends', name: 'Refer 3 friends' }),
    x_post: await insert({
      scope: 'campaign',
      kind: 'x_post',
      name: 'Post about Puffy on X',
      parameter: { hashtag: '#PuffyGenesis' },
      initiatedByUser: true,
    }),
  };
}

async function insertCampaign(
  db: Db,
  tx: Database,
  demo: DemoCampaign,
  context: { now: Date; groupId: number; activityIds: ActivityIds },
): Promise<void> {
  const { t } = db;
  const at = (days: number) => new Date(context.now.getTime() + days * DAY_MS);
  const [campaign] = await tx
    .insert(t.campaigns)
    .values({
      ...demo.campaign,
      startAt: at(demo.startInDays),
      endAt: at(demo.endInDays),
      nftGasFeeLamports: solToLamports(demo.gasFeeSol),
      groupId: context.groupId,
    })
    .returning({ id: t.campaigns.id });
  if (!campaign) throw new Error(`campaign ${demo.campaign.slug} was not created`);
  await tx
    .insert(t.campaignEligibleMethods)
    .values(demo.methods.map((method) => ({ campaignId: campaign.id, method })));
  // Holdings come from an active snapshot (the offline default), so the demo never needs a chain RPC.
  for (const method of demo.methods) {
    const network = HOLDER_METHODS.get(method);
    if (!network) continue;
    const holders = network === 'sol' ? [DEMO_REFERRER_WALLET] : [];
    const snapshotId = crypto.randomUUID();
    await tx.insert(t.holderSnapshots).values({
      id: snapshotId,
      campaignId: campaign.id,
      network,
      status: 'active',
      version: 1,
      rowsRead: holders.length,
      rowsAccepted: holders.length,
      activatedAt: context.now,
    });
    if (holders.length > 0)
      await tx.insert(t.snapshotHolders).values(holders.map((address) => ({ snapshotId, address })));
  }
  if (demo.activities.length > 0) {
    await tx.insert(t.campaignActivities).values(
      demo.activities.map((a) => ({
        campaignId: campaign.id,
        activityId: context.activityIds[a.kind],
        quantity: a.quantity ?? 1,
        points: a.points,
        required: a.required ?? false,
      })),
    );
  }
  if (demo.promotion) {
    const [promotion] = await tx
      .insert(t.promotions)
      .values(demo.promotion)
      .returning({ id: t.promotions.id });
    if (!promotion) throw new Error('promotion was not created');
    await tx.insert(t.campaignPromotions).values({ campaignId: campaign.id, promotionId: promotion.id });
  }
}

/** The eligibility methods that mean "holds the collection on this network". */
const HOLDER_METHODS = new Map<string, 'sol' | 'eth' | 'ton' | 'soon' | 'berachain'>([
  ['sol', 'sol'],
  ['eth', 'eth'],
  ['ton', 'ton'],
  ['soon', 'soon'],
  ['berachain', 'berachain'],
]);

/** sha256("puffy-demo-referrer") in base58: an address, never a key. */
const DEMO_REFERRER_WALLET = 'PuqLVKgqtF93j4bL7eNkq5HG2rTpnhDUUi3JQNp8gsk';

/** The team's member and its open referral code, and the demo's settings (media hosts). */
async function insertTeamAndSettings(db: Db, tx: Database): Promise<void> {
  const { t } = db;
  // A code is a referral by someone: the demo code belongs to the team's own member (a wallet with
  // no key anywhere, so nobody signs in as it), which makes it usable by anyone trying the demo.
  const teamId = crypto.randomUUID();
  const now = new Date();
  await tx.insert(t.users).values({
    id: teamId,
    walletAddress: DEMO_REFERRER_WALLET,
    walletChain: 'sol',
    name: 'Puffy team',
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(t.userWallets).values({
    id: crypto.randomUUID(),
    userId: teamId,
    chain: 'sol',
    address: DEMO_REFERRER_WALLET,
    isPrimary: true,
    createdAt: now,
  });
  await tx
    .insert(t.referralCodes)
    .values({ code: 'PUFFY-DEMO', type: 'gunlimited', level: 0, ownerUserId: teamId })
    .onConflictDoNothing();
  await tx
    .insert(t.settings)
    .values(demoSettings.map(([key, value]) => ({ key, value })))
    .onConflictDoNothing();
}
