import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appRouter,
  createCallerFactory,
  type Deps,
  fixedClock,
  type MailMessage,
  type Session,
} from '@puffy/api';
import { createSolanaRpc } from '@puffy/chains';
import { createLocalSolanaChain, type LocalSolanaChain } from '@puffy/chains/local-chain';
import { SAMPLE_US_ADDRESS } from '@puffy/contracts/samples';
import { seedDemo } from '@puffy/db';
import type { TestDatabaseFactory } from '@puffy/db/testing';
import { Keypair } from '@solana/web3.js';
import { eq } from 'drizzle-orm';
import { type AppConfig, loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createDeps } from '../../src/runtime';
import { testSecrets } from '../../src/testing';

export const START = new Date('2026-03-01T12:00:00.000Z');

export interface StoreWorld {
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  chain: LocalSolanaChain;
  mint: string;
  treasury: Keypair;
  /** Messages the recording mailer got, in order. */
  sent: MailMessage[];
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * The real composition root (createDeps) on a fresh migrated database of the given dialect (the
 * migrations write the catalog and store settings), seeded with the demo campaigns unless `seed` is
 * false, a local Solana node with a USDT mint, a fixed clock shared by both, and a mailer that records
 * what it sends.
 */
export async function startStoreWorld(
  factory: TestDatabaseFactory,
  options: { seed?: boolean } = {},
): Promise<StoreWorld> {
  const database = await factory.create();
  await database.db.close();
  const dataDir = mkdtempSync(join(tmpdir(), 'puffy-store-'));
  const clock = fixedClock(START);
  const chain = await createLocalSolanaChain({ now: clock.now });
  const mint = chain.createMint({ decimals: 6 });
  const treasury = Keypair.generate();
  chain.mintTo(mint, treasury.publicKey.toBase58(), 0n);
  const config = loadConfig({
    ...testSecrets(),
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    MIGRATE_ON_START: 'false',
    SOLANA_RPC_URL: chain.url,
    SOLANA_USDT_MINT: mint,
    SOLANA_STORE_TREASURY_ADDRESS: treasury.publicKey.toBase58(),
    LOG_LEVEL: 'silent',
  });
  const base = await createDeps(config, createLogger({ level: 'silent' }));
  const sent: MailMessage[] = [];
  const deps: Deps = {
    ...base,
    clock,
    mailer: { send: async (message) => void sent.push(message) },
    storefront: {
      ...base.storefront,
      solanaRpc: createSolanaRpc({ url: chain.url, timeoutMs: 2_000, retries: 0 }),
    },
  };
  if (options.seed !== false) await seedDemo(deps.db, { now: START });
  return {
    deps,
    clock,
    chain,
    mint,
    treasury,
    sent,
    config,
    close: async () => {
      await Promise.allSettled([base.jobs.close(), base.store.close(), chain.close()]);
      await base.db.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let walletCounter = 0;

/** A member signed up with a fresh Solana wallet (and a verified email), optionally a whitelist holder. */
export async function createMember(
  world: StoreWorld,
  options: { whitelist?: boolean; email?: string | null } = {},
): Promise<{ userId: string; wallet: Keypair }> {
  const { deps } = world;
  const { t } = deps.db;
  const wallet = Keypair.generate();
  walletCounter += 1;
  const email =
    options.email === undefined ? `member${walletCounter}-${Date.now()}@example.com` : options.email;
  const [user] = await deps.db.db
    .insert(t.users)
    .values({ walletAddress: wallet.publicKey.toBase58(), walletChain: 'sol', email })
    .returning({ id: t.users.id });
  if (!user) throw new Error('user not created');
  if (options.whitelist) await mintWhitelistNft(world, user.id);
  return { userId: user.id, wallet };
}

export async function mintWhitelistNft(world: StoreWorld, userId: string): Promise<void> {
  const { db } = world.deps;
  const [campaign] = await db.db
    .select({ id: db.t.campaigns.id })
    .from(db.t.campaigns)
    .where(eq(db.t.campaigns.slug, 'puffy-genesis-solana'));
  const [promotion] = await db.db.select({ id: db.t.promotions.id }).from(db.t.promotions).limit(1);
  if (!campaign || !promotion) throw new Error('demo campaign missing');
  walletCounter += 1;
  await db.db.insert(db.t.userNfts).values({
    userId,
    promotionId: promotion.id,
    campaignId: campaign.id,
    network: 'sol',
    sequence: walletCounter,
    status: 'minted',
    gasFeeLamports: 0n,
  });
}

export const usAddress = SAMPLE_US_ADDRESS;

const createCaller = createCallerFactory(appRouter);
let ipCounter = 0;

/**
 * The app router as one member calls it over a bearer session, from an address of its own; `as`
 * makes the session an operator's (`{ role: 'admin', scopes: ['settings'] }`).
 */
export function callerFor(
  world: StoreWorld,
  member: { userId: string; wallet: Keypair },
  deps: Deps = world.deps,
  as: Pick<Session, 'role' | 'scopes'> = { role: 'user', scopes: [] },
) {
  ipCounter += 1;
  const session: Session = {
    userId: member.userId,
    walletAddress: member.wallet.publicKey.toBase58(),
    chain: 'sol',
    ...as,
    jti: `jti-${member.userId}`,
    sessionId: `session-${member.userId}`,
    via: 'bearer',
    expiresAt: new Date(START.getTime() + 86_400_000),
  };
  return createCaller({
    deps,
    req: {
      requestId: `req-${ipCounter}`,
      ip: `10.9.${ipCounter >> 8}.${ipCounter & 255}`,
      method: 'POST',
      header: () => undefined,
    },
    res: { setHeader: () => {}, appendCookie: () => {} },
    session,
  });
}

export { refusalOf } from './helpers';

/** Many members in one insert (for races); none is a whitelist holder. */
export async function createMembers(
  world: StoreWorld,
  count: number,
): Promise<Array<{ userId: string; wallet: Keypair }>> {
  const { t } = world.deps.db;
  const wallets = Array.from({ length: count }, () => Keypair.generate());
  const rows = await world.deps.db.db
    .insert(t.users)
    .values(wallets.map((w) => ({ walletAddress: w.publicKey.toBase58(), walletChain: 'sol' as const })))
    .returning({ id: t.users.id, address: t.users.walletAddress });
  return rows.map((row) => {
    const wallet = wallets.find((w) => w.publicKey.toBase58() === row.address);
    if (!wallet) throw new Error('wallet lost');
    return { userId: row.id, wallet };
  });
}

/** A second server instance: its own createDeps (pool, store, jobs) on the same database. */
export async function secondInstance(world: StoreWorld): Promise<{ deps: Deps; close(): Promise<void> }> {
  const base = await createDeps(world.config, createLogger({ level: 'silent' }));
  return {
    deps: { ...base, clock: world.clock, mailer: world.deps.mailer, storefront: world.deps.storefront },
    close: async () => {
      await Promise.allSettled([base.jobs.close(), base.store.close()]);
      await base.db.close();
    },
  };
}
