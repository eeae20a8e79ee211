import { registerJobs } from '@puffy/api';
import { configOrExit } from './config-or-exit';
import { createLogger } from './logger';
import { startObservability } from './observability';
import { closeDeps, createDeps } from './runtime';

/** A jobs-only process (production runs one or more beside RUN_WORKER=false web instances). */
async function main() {
  const { config } = configOrExit('The worker did not start.');
  const logger = createLogger({ level: config.logLevel });
  const observability = await startObservability(config, { service: 'worker', logger });
  observability?.reportLoggedErrors(logger);
  const deps = await createDeps(config, logger);
  registerJobs(deps.jobs.worker, deps);
  await deps.jobs.worker.start();
  logger.info({ database: deps.db.dialect, store: deps.store.kind }, 'worker started');

  const stop = (signal: string) => {
    logger.info({ signal }, 'worker stopping: finishing running jobs');
    closeDeps(deps)
      .then(() => observability?.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'worker shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
