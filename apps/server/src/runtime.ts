import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allJobDefinitions, type Deps, systemClock } from '@puffy/api';
import { createEvmClients } from '@puffy/chains';
import { createDb, migrateUp, seedDemo } from '@puffy/db';
import { createJobs } from '@puffy/jobs';
import { createRateLimiter, createStore } from '@puffy/store';
import type { AppConfig } from './config';
import type { PinoLogger } from './logger';
import { createOutboxMailer } from './mail/outbox-mailer';

/** Builds the real dependencies from the configuration: the composition root of every process. */
export async function createDeps(config: AppConfig, logger: PinoLogger): Promise<Deps> {
  const db = createDb({
    url: config.database.url,
    dataDir: config.database.dataDir,
    pool: config.database.pool,
  });
  const store = createStore({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
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
  return {
    db,
    store,
    limiter: createRateLimiter(store),
    logger,
    jobs,
    mailer: createOutboxMailer({
      dir: resolve(config.database.dataDir, 'outbox'),
      from: 'Puffy <no-reply@localhost>',
    }),
    clock: systemClock,
    config: {
      environment: config.environment,
      version: config.version,
      commit: config.commit,
      publicOrigin: config.publicOrigin,
      allowedOrigins: config.corsOrigins,
      rateLimits: config.rateLimits,
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
