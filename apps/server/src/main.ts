import { type AppConfig, ConfigError, loadProcessConfig } from './config';
import { createLogger } from './logger';
import { createDeps, findWebDist } from './runtime';
import { startServer } from './server';
import { stopServer } from './shutdown-deadline';

async function main() {
  let config: AppConfig;
  let developmentKeys: ReturnType<typeof loadProcessConfig>['developmentKeys'];
  try {
    ({ config, developmentKeys } = loadProcessConfig());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nThe server did not start.\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  if (developmentKeys?.created) {
    logger.info({ path: developmentKeys.path }, 'generated development keys (kept for the next start)');
  }
  const deps = await createDeps(config, logger);
  const webDistDir = findWebDist(config.webDistDir);
  if (!webDistDir) logger.warn({}, 'no built SPA found; serving the API only (run pnpm build)');
  const server = await startServer(config, deps, { webDistDir });
  logger.info(
    { url: server.url, environment: config.environment, database: deps.db.dialect, store: deps.store.kind },
    'server listening',
  );

  const stop = (signal: string) =>
    stopServer(server, {
      signal,
      graceMs: config.shutdownGraceMs,
      closeTimeoutMs: config.shutdownCloseTimeoutMs,
      logger,
    });
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
