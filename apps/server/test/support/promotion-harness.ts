import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appRouter,
  createCallerFactory,
  type Deps,
  fixedClock,
  type Session,
  type SvmNetwork,
} from '@puffy/api';
import { createCoreMinter, createSolanaRpc } from '@puffy/chains';
import { createLocalSolanaChain, type LocalSolanaChain } from '@puffy/chains/local-chain';
import type { TestDatabaseFactory } from '@puffy/db/testing';
import { Keypair } from '@solana/web3.js';
import bs58 from 'bs58';
import { type AppConfig, loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createDeps } from '../../src/runtime';
import { testSecrets } from '../../src/testing';

export const START = new Date('2026-03-01T12:00:00.000Z');
export const GAS_FEE = 10_000_000n;

export interface PromotionWorld {
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  chain: LocalSolanaChain;
  treasury: Keypair;
  authority: Keypair;
  campaignId: number;
  promotionId: number;
  config: AppConfig;
  /** Deps of another server instance on the same database (its own pool, store and jobs). */
  instance(): Promise<{ deps: Deps; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** Fast-failing RPC clients for tests: no retries, a short timeout, and a breaker that never opens. */
function networksFor(chain: LocalSolanaChain, treasury: string): Partial<Record<'sol' | 'soon', SvmNetwork>> {
  const rpc = createSolanaRpc({
    url: chain.url,
    timeoutMs: 1_500,
    retries: 0,
    breaker: { failureThreshold: 1000 },
  });
  const network = {
    rpc,
    treasuryAddress: treasury,
    explorerBase: 'https://explorer.solana.com',
    explorerQuery: '',
  };
  return { sol: network, soon: network };
}

function withWorld(
  base: Deps,
  world: Pick<PromotionWorld, 'clock' | 'chain' | 'treasury' | 'authority'>,
): Deps {
  const networks = networksFor(world.chain, world.treasury.publicKey.toBase58());
  const rpcs = { sol: networks.sol?.rpc, soon: networks.soon?.rpc };
  return {
    ...base,
    clock: world.clock,
    promotion: {
      ...base.promotion,
      networks,
      minter: createCoreMinter({
        authority: world.authority,
        rpcs,
        confirmTimeoutMs: 2_000,
        pollIntervalMs: 20,
      }),
    },
  };
}

/**
 * The real composition root on a fresh database of the given dialect, a local Solana node sharing the
 * fixed clock, a funded mint authority, a treasury, and one ready `sol` campaign with a promotion.
 */
export async function startPromotionWorld(
  factory: TestDatabaseFactory,
  env: Record<string, string> = {},
): Promise<PromotionWorld> {
  const database = await factory.create();
  await database.db.close();
  const dataDir = mkdtempSync(join(tmpdir(), 'puffy-promotion-'));
  const clock = fixedClock(START);
  const chain = await createLocalSolanaChain({ now: clock.now });
  const treasury = Keypair.generate();
  const authority = Keypair.generate();
  chain.airdrop(authority.publicKey.toBase58(), 50_000_000_000n);
  const config = loadConfig({
    ...testSecrets(),
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    MIGRATE_ON_START: 'false',
    SOLANA_RPC_URL: chain.url,
    SOLANA_TREASURY_ADDRESS: treasury.publicKey.toBase58(),
    SOLANA_MINT_AUTHORITY_KEY: bs58.encode(authority.secretKey),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const base = await createDeps(config, createLogger({ level: 'silent' }));
  const parts = { clock, chain, treasury, authority };
  const deps = withWorld(base, parts);
  const { campaignId, promotionId } = await createCampaign(deps, 'sol');
  return {
    deps,
    ...parts,
    campaignId,
    promotionId,
    config,
    instance: async () => {
      const other = await createDeps(config, createLogger({ level: 'silent' }));
      return {
        deps: withWorld(other, parts),
        close: async () => {
          await Promise.allSettled([other.jobs.close(), other.store.close()]);
          await other.db.close();
        },
      };
    },
    close: async () => {
      await Promise.allSettled([base.jobs.close(), base.store.close(), chain.close()]);
      await base.db.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A ready, active campaign on `network` with a promotion and a gas fee of GAS_FEE lamports. */
export async function createCampaign(
  deps: Deps,
  network: 'sol' | 'soon',
  options: { collection?: string | null; requiredActivity?: string; around?: Date } = {},
): Promise<{ campaignId: number; promotionId: number; activityId: number | null }> {
  const { t, db } = deps.db;
  counter += 1;
  const [campaign] = await db
    .insert(t.campaigns)
    .values({
      slug: `promo-${network}-${counter}-${Date.now()}`,
      name: `Promo campaign ${counter}`,
      network,
      vmType: 'svm',
      nftGasFeeLamports: GAS_FEE,
      isReady: true,
      isActive: true,
      startAt: new Date((options.around ?? START).getTime() - 86_400_000),
      endAt: new Date((options.around ?? START).getTime() + 30 * 86_400_000),
    })
    .returning({ id: t.campaigns.id });
  const [promotion] = await db
    .insert(t.promotions)
    .values({
      name: 'Genesis Pass',
      symbol: 'PUFFY',
      description: 'A pass for testing.',
      media: { image: 'https://arweave.net/puffy/pass.png' },
      collectionAddress: options.collection ?? null,
      royaltyBps: 550,
      network,
    })
    .returning({ id: t.promotions.id });
  if (!campaign || !promotion) throw new Error('campaign not created');
  await db.insert(t.campaignPromotions).values({ campaignId: campaign.id, promotionId: promotion.id });
  let activityId: number | null = null;
  if (options.requiredActivity) {
    const [activity] = await db
      .insert(t.activities)
      .values({ scope: 'campaign', kind: 'manual', name: options.requiredActivity })
      .returning({ id: t.activities.id });
    if (!activity) throw new Error('activity not created');
    activityId = activity.id;
    await db.insert(t.campaignActivities).values({ campaignId: campaign.id, activityId, required: true });
  }
  return { campaignId: campaign.id, promotionId: promotion.id, activityId };
}

export interface Member {
  userId: string;
  wallet: Keypair;
}

/** Members with funded Solana wallets, eligible for `campaignId` unless told otherwise. */
export async function createMembers(
  world: PromotionWorld,
  count: number,
  options: { eligibleFor?: number | null; fund?: boolean } = {},
): Promise<Member[]> {
  const { t, db } = world.deps.db;
  const wallets = Array.from({ length: count }, () => Keypair.generate());
  const rows = await db
    .insert(t.users)
    .values(wallets.map((w) => ({ walletAddress: w.publicKey.toBase58(), walletChain: 'sol' as const })))
    .returning({ id: t.users.id, address: t.users.walletAddress });
  const members = rows.map((row) => {
    const wallet = wallets.find((w) => w.publicKey.toBase58() === row.address);
    if (!wallet) throw new Error('wallet lost');
    return { userId: row.id, wallet };
  });
  const campaignId = options.eligibleFor === undefined ? world.campaignId : options.eligibleFor;
  if (campaignId !== null) {
    await db
      .insert(t.userCampaignEligibles)
      .values(members.map((m) => ({ userId: m.userId, campaignId, method: 'bypass' as const })));
  }
  if (options.fund !== false) {
    for (const m of members) world.chain.airdrop(m.wallet.publicKey.toBase58(), 1_000_000_000n);
  }
  return members;
}

export const createMember = async (world: PromotionWorld, options: { eligibleFor?: number | null } = {}) => {
  const [member] = await createMembers(world, 1, options);
  if (!member) throw new Error('member not created');
  return member;
};

const createCaller = createCallerFactory(appRouter);
let ipCounter = 0;

export function callerFor(
  deps: Deps,
  member: Member,
  role: { role: 'user' | 'admin'; scopes: Session['scopes'] } = { role: 'user', scopes: [] },
) {
  ipCounter += 1;
  const session: Session = {
    userId: member.userId,
    walletAddress: member.wallet.publicKey.toBase58(),
    chain: 'sol',
    role: role.role,
    scopes: role.scopes,
    jti: `jti-${member.userId}`,
    sessionId: `session-${member.userId}`,
    via: 'bearer',
    expiresAt: new Date(START.getTime() + 86_400_000),
  };
  return createCaller({
    deps,
    req: {
      requestId: `req-${ipCounter}`,
      ip: `10.7.${ipCounter >> 8}.${ipCounter & 255}`,
      method: 'POST',
      header: () => undefined,
    },
    res: { setHeader: () => {}, appendCookie: () => {} },
    session,
  });
}

export { buildPayment, type PaymentShape, pay } from './promotion-payment-builder';

/** Someone who is not signed in. */
export function anonymousCaller(deps: Deps) {
  ipCounter += 1;
  return createCaller({
    deps,
    req: {
      requestId: `req-${ipCounter}`,
      ip: `10.8.${ipCounter >> 8}.${ipCounter & 255}`,
      method: 'GET',
      header: () => undefined,
    },
    res: { setHeader: () => {}, appendCookie: () => {} },
    session: null,
  });
}

export { refusalOf } from './helpers';
