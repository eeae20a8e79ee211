import type { PinoLogger } from './logger';

/**
 * The last word at shutdown: a close that hangs (a database or store that never answers) would keep
 * the process alive forever, and the orchestrator would wait on it. After the deadline the process
 * exits with status 1, naming what was still open. Returns the disarm function for a clean close.
 */
export function armShutdownDeadline(options: {
  ms: number;
  stillOpen: () => string[];
  logger: PinoLogger;
  exit?: (code: number) => void;
}): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timer = setTimeout(() => {
    options.logger.fatal(
      { stillOpen: options.stillOpen(), deadlineMs: options.ms },
      'shutdown did not finish in time; exiting',
    );
    exit(1);
  }, options.ms);
  return () => clearTimeout(timer);
}
