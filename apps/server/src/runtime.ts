import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allJobDefinitions, type Deps, localAddressValidator, systemClock } from '@puffy/api';
import { createEvmClients, createHoldingsReader, createSolanaRpc } from '@puffy/chains';
import { createDb, migrateUp, seedDemo } from '@puffy/db';
import { createJobs } from '@puffy/jobs';
import { createRateLimiter, createStore } from '@puffy/store';
import type { AppConfig } from './config';
import { startDevelopmentChain } from './dev-chain';
import type { PinoLogger } from './logger';
import { createMailer } from './mail/mailer';
import { processQueryCounts } from './metrics-query-counts';
import { createPromotionDeps } from './promotion-deps';

/** Builds the real dependencies from the configuration: the composition root of every process. */
export async function createDeps(config: AppConfig, logger: PinoLogger): Promise<Deps> {
  const counts = processQueryCounts(config.queryCounts);
  const db = createDb({
    url: config.database.url,
    dataDir: config.database.dataDir,
    pool: config.database.pool,
    counter: counts?.db,
  });
  const store = createStore({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    counter: counts?.store,
    onError: (error, context) => logger.warn({ err: error, context }, 'store error'),
  });
  const jobs = createJobs(db, {
    pollIntervalMs: config.jobs.pollIntervalMs,
    onError: (error, context) => logger.error({ err: error, context }, 'jobs error'),
  });
  try {
    if (config.migrateOnStart) {
      const { applied } = await migrateUp(db);
      if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    }
    if (config.seedDemo) {
      const { seeded } = await seedDemo(db);
      if (seeded) logger.info({}, 'demo data seeded');
    }
    // A broken database fails the boot here, not at the first enqueue inside a member's transaction.
    await jobs.prepare(allJobDefinitions());
  } catch (error) {
    await Promise.allSettled([jobs.close(), db.close(), store.close()]);
    throw error;
  }
  const devChain =
    config.promotion.localChainPort === null
      ? null
      : await startDevelopmentChain(config.promotion.localChainPort, logger, config.storefront);
  const deps: Deps = {
    db,
    store,
    limiter: createRateLimiter(store),
    logger,
    jobs,
    mailer: createMailer(config),
    twitter: config.twitter,
    social: config.social,
    clock: systemClock,
    storefront: {
      ...config.storefront,
      solanaRpc: createSolanaRpc({
        url: devChain?.url ?? config.holdings.solanaRpcUrl ?? 'https://api.mainnet-beta.solana.com',
      }),
      addressValidator: localAddressValidator,
    },
    holdings: createHoldingsReader({ evmRpcUrls: config.auth.evmRpcUrls, ...config.holdings }),
    promotion: createPromotionDeps(config, devChain),
    config: {
      environment: config.environment,
      version: config.version,
      commit: config.commit,
      publicOrigin: config.publicOrigin,
      allowedOrigins: config.corsOrigins,
      rateLimits: config.rateLimits,
      referrals: config.referrals,
      devChainUrl: devChain?.url ?? null,
      errorTracking: config.observability.sentry,
    },
    auth: {
      signingKeys: config.signingKeys,
      appSecret: config.appSecret,
      accessTokenTtlSeconds: config.auth.accessTokenTtlSeconds,
      sessionTtlSeconds: config.auth.sessionTtlSeconds,
      challengeTtlSeconds: config.auth.challengeTtlSeconds,
      // Secure outside development (browsers accept Secure cookies on localhost too).
      secureCookies: config.environment !== 'development',
      domain: new URL(config.publicOrigin).host,
      tonDomains: config.auth.tonDomains,
      evmChainIds: config.auth.evmChainIds,
      evmClients: createEvmClients(config.auth.evmRpcUrls),
      solanaChainId: config.auth.solanaCluster,
      adminWallets: config.auth.adminWallets,
    },
  };
  if (devChain) extraResources.set(deps, () => devChain.close());
  return deps;
}

/** What a process holds beyond db, store and jobs (the development chain), closed with them. */
const extraResources = new WeakMap<Deps, () => Promise<void>>();

/**
 * Stops the jobs (running handlers finish first), then releases the store, the database and the rest.
 * `open` holds the names of what has not closed yet, for the shutdown deadline to report.
 */
export async function closeDeps(deps: Deps, open: Set<string> = new Set()): Promise<void> {
  const closing = async (name: string, close: () => Promise<void>) => {
    open.add(name);
    await close();
    open.delete(name);
  };
  const extra = extraResources.get(deps);
  for (const name of ['jobs', 'store', 'database', ...(extra ? ['development chain'] : [])]) open.add(name);
  await closing('jobs', () => deps.jobs.close());
  await Promise.allSettled([
    closing('store', () => deps.store.close()),
    closing('database', () => deps.db.close()),
    extra ? closing('development chain', extra) : undefined,
  ]);
}

/** The built SPA: the configured folder, or apps/web/dist found from this module (source or bundle). */
export function findWebDist(configured: string | undefined): string | undefined {
  if (configured) return resolve(configured);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i += 1) {
    const candidate = resolve(dir, 'apps/web/dist');
    if (existsSync(resolve(candidate, 'index.html'))) return candidate;
    const sibling = resolve(dir, '../web/dist');
    if (existsSync(resolve(sibling, 'index.html'))) return sibling;
    dir = dirname(dir);
  }
  return undefined;
}
