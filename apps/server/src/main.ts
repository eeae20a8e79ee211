import { configOrExit } from './config-or-exit';
import { createLogger } from './logger';
import { createDeps, findWebDist } from './runtime';
import { startServer } from './server';
import { stopServer } from './shutdown-deadline';

async function main() {
  const { config, developmentKeys } = configOrExit('The server did not start.');
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
