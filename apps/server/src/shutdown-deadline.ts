import type { PinoLogger } from './logger';
import type { RunningServer } from './server';

/**
 * Stops the server on a signal: in-flight requests get the grace period, then jobs, store and
 * database close. A close that hangs (a database or store that never answers) would keep the process
 * alive forever while the orchestrator waits on it, so after the grace period plus the close timeout
 * the process exits with status 1, naming what was still open.
 */
export function stopServer(
  server: Pick<RunningServer, 'close' | 'stillOpen'>,
  options: {
    signal: string;
    graceMs: number;
    closeTimeoutMs: number;
    logger: PinoLogger;
    exit?: (code: number) => void;
  },
): void {
  const { logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  logger.info({ signal: options.signal }, 'shutting down: finishing in-flight requests');
  const deadlineMs = options.graceMs + options.closeTimeoutMs;
  const deadline = setTimeout(() => {
    logger.fatal({ stillOpen: server.stillOpen(), deadlineMs }, 'shutdown did not finish in time; exiting');
    exit(1);
  }, deadlineMs);
  server.close().then(
    () => {
      clearTimeout(deadline);
      logger.info({}, 'shutdown complete');
      exit(0);
    },
    (error: unknown) => {
      clearTimeout(deadline);
      logger.error({ err: error }, 'shutdown failed');
      exit(1);
    },
  );
}
