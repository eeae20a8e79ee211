import { createHoldingsReader, type HoldingsReader } from '@puffy/chains';
import type { TEligibilityMethod, TNetwork, TWalletChain } from '@puffy/contracts';
import { networkVm } from '@puffy/contracts';
import type { Db } from '@puffy/db';
import { createMemoryStore, createRateLimiter } from '@puffy/store';
import { eq } from 'drizzle-orm';
import { fixedClock, silentLogger } from '../../src';

export const NOW = new Date('2026-06-01T12:00:00.000Z');

/** The slice of Deps the campaign services use, with real parts and a fixed clock. */
export function campaignDeps(db: Db, holdings: HoldingsReader = createHoldingsReader({ evmRpcUrls: {} })) {
  const store = createMemoryStore();
  return {
    db,
    store,
    limiter: createRateLimiter(store),
    logger: silentLogger,
    clock: fixedClock(NOW),
    holdings,
  };
}

let counter = 0;
function unique(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
}

export async function createMember(
  db: Db,
  wallet: { chain: TWalletChain; address: string; addressHex?: string | null },
): Promise<string> {
  const { t } = db;
  const id = crypto.randomUUID();
  await db.db.insert(t.users).values({
    id,
    walletChain: wallet.chain,
    walletAddress: wallet.address,
    walletAddressHex: wallet.addressHex ?? null,
    createdAt: NOW,
    updatedAt: NOW,
  });
  await db.db.insert(t.userWallets).values({
    id: crypto.randomUUID(),
    userId: id,
    chain: wallet.chain,
    address: wallet.address,
    addressHex: wallet.addressHex ?? null,
    isPrimary: true,
    createdAt: NOW,
  });
  return id;
}

export interface CampaignSeed {
  network?: TNetwork;
  methods?: Array<TEligibilityMethod | { method: TEligibilityMethod; config: Record<string, unknown> }>;
  collectionAddress?: string | null;
  collectionName?: string;
  limit?: number | null;
  isActive?: boolean;
  isReady?: boolean;
  startAt?: Date | null;
  endAt?: Date | null;
  groupId?: number | null;
  name?: string;
  /** Places already taken (one seat shard holding them); none when absent. */
  placesTaken?: number;
}

export async function createCampaign(db: Db, seed: CampaignSeed = {}): Promise<{ id: number; slug: string }> {
  const { t } = db;
  const network = seed.network ?? 'sol';
  const slug = `campaign-${unique()}`;
  const [row] = await db.db
    .insert(t.campaigns)
    .values({
      slug,
      name: seed.name ?? `Campaign ${slug}`,
      network,
      vmType: networkVm[network],
      collectionAddress: seed.collectionAddress ?? null,
      collectionName: seed.collectionName ?? 'Puffy OG',
      limit: seed.limit ?? null,
      isActive: seed.isActive ?? true,
      isReady: seed.isReady ?? true,
      startAt: seed.startAt === undefined ? new Date(NOW.getTime() - 86_400_000) : seed.startAt,
      endAt: seed.endAt === undefined ? new Date(NOW.getTime() + 86_400_000) : seed.endAt,
      groupId: seed.groupId ?? null,
      nftGasFeeLamports: 5_000_000n,
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returning({ id: t.campaigns.id });
  if (!row) throw new Error('campaign not created');
  if (seed.placesTaken !== undefined) {
    const limit = seed.limit ?? null;
    await db.db.insert(t.campaignSeats).values({
      campaignId: row.id,
      shard: 0,
      taken: seed.placesTaken,
      capacity: limit === null ? null : Math.max(limit, seed.placesTaken),
    });
  }
  for (const entry of seed.methods ?? []) {
    const { method, config } = typeof entry === 'string' ? { method: entry, config: {} } : entry;
    await db.db.insert(t.campaignEligibleMethods).values({ campaignId: row.id, method, config });
  }
  return { id: row.id, slug };
}

/** A referral code and a relation making `refereeId` referred by `referrerId` in the code's scope. */
export async function refer(
  db: Db,
  input: {
    referrerId: string;
    refereeId: string;
    campaignId: number | null;
    scopeCampaignId: number | null;
    level?: number;
  },
): Promise<void> {
  const { t } = db;
  const codeId = crypto.randomUUID();
  await db.db.insert(t.referralCodes).values({
    id: codeId,
    code: `CODE${unique()}`.toUpperCase(),
    type: input.campaignId === null ? 'gunlimited' : 'unlimited',
    campaignId: input.campaignId,
    ownerUserId: input.referrerId,
    level: input.level ?? 0,
    createdAt: NOW,
  });
  await db.db.insert(t.referralRelations).values({
    id: crypto.randomUUID(),
    codeId,
    referrerUserId: input.referrerId,
    refereeUserId: input.refereeId,
    campaignId: input.scopeCampaignId,
    scopeKey: input.scopeCampaignId === null ? 'global' : String(input.scopeCampaignId),
    createdAt: NOW,
  });
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58(bytes: Uint8Array): string {
  let n = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const hex = (n: number) => Buffer.from(randomBytes(n)).toString('hex');

/** Fresh addresses of each family, in canonical form except where a test wants another spelling. */
export const newAddress = {
  sol: () => base58(randomBytes(32)),
  /** All-lowercase: valid, and canonicalized to the checksummed form by the services. */
  evmLower: () => `0x${hex(20)}`,
  tonRaw: () => `0:${hex(32)}`,
};

/** The places taken in a campaign: the sum of its seat shards. */
export async function placesTakenIn(db: Db, campaignId: number): Promise<number> {
  const { t } = db;
  const shards = await db.db
    .select({ taken: t.campaignSeats.taken })
    .from(t.campaignSeats)
    .where(eq(t.campaignSeats.campaignId, campaignId));
  return shards.reduce((n, s) => n + s.taken, 0);
}
