import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppRouter, type Deps, fixedClock } from '@puffy/api';
import { type TestDatabaseFactory, testDatabases } from '@puffy/db/testing';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createDeps } from '../../src/runtime';
import { startServer } from '../../src/server';
import { freePort, testSecrets } from '../../src/testing';
import { clientFor } from './helpers';
import { memberClient } from './signin';
import { solanaWallet } from './wallets';

export interface Variant {
  factory: TestDatabaseFactory;
  redisUrl: string | undefined;
  label: string;
}

/**
 * Each suite runs on SQLite, on Postgres ([pg]) when TEST_DATABASE_URL is set, and once more with the
 * Redis store ([redis]) when TEST_REDIS_URL is set: codes, OAuth state and limits live in the store.
 */
export function variants(): Variant[] {
  const databases = testDatabases();
  const list: Variant[] = databases.map((factory) => ({
    factory,
    redisUrl: undefined,
    label: factory.label,
  }));
  const redisUrl = process.env.TEST_REDIS_URL;
  const last = databases[databases.length - 1];
  if (redisUrl && last) list.push({ factory: last, redisUrl, label: `${last.label} with Redis [redis]` });
  return list;
}

export interface UserServer {
  url: string;
  deps: Deps;
  /** The server's clock: fixed, moved by the test to reach expiries. */
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

/** A real HTTP server (the composition root, with a fixed clock) on a fresh database of the variant. */
export async function startUserServer(
  variant: Variant,
  env: Record<string, string> = {},
): Promise<UserServer> {
  const database = await variant.factory.create();
  await database.db.close();
  const dataDir = mkdtempSync(join(tmpdir(), 'puffy-user-'));
  const port = await freePort();
  const config = loadConfig({
    ...testSecrets(),
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    MIGRATE_ON_START: 'false',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    TRUST_PROXY: 'true',
    ...(variant.redisUrl
      ? { REDIS_URL: variant.redisUrl, REDIS_PREFIX: `test:${crypto.randomUUID()}:` }
      : {}),
    ...env,
  });
  const clock = fixedClock(new Date());
  const base = await createDeps(config, createLogger({ level: 'silent' }));
  const deps: Deps = { ...base, clock };
  const server = await startServer(config, deps);
  return {
    url: server.url,
    deps,
    clock,
    close: async () => {
      await server.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Member = Awaited<ReturnType<typeof signedInMember>>;

/** A member signed in with a fresh Solana wallet, calling with a bearer token from an address of its own. */
export async function signedInMember(url: string) {
  const wallet = solanaWallet();
  const anonymous = memberClient(url);
  const challenge = await anonymous.auth.challenge.mutate({ chain: 'sol', address: wallet.address });
  const session = await anonymous.auth.verify.mutate({
    challengeId: challenge.challengeId,
    proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
    delivery: 'body',
  });
  const ip = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const client = clientFor<AppRouter>(url, {
    batch: false,
    headers: { authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': ip },
  });
  return { wallet, userId: session.user.id, client };
}

/** A campaign row with the fields the schema requires. */
export async function createCampaign(deps: Deps): Promise<number> {
  const { t } = deps.db;
  const slug = `c-${crypto.randomUUID().slice(0, 12)}`;
  const [row] = await deps.db.db
    .insert(t.campaigns)
    .values({
      slug,
      name: slug,
      network: 'sol',
      vmType: 'svm',
      nftGasFeeLamports: 0n,
      isReady: true,
      isActive: true,
    })
    .returning({ id: t.campaigns.id });
  if (!row) throw new Error('campaign not created');
  return row.id;
}
