import { ConfigError, loadProcessConfig } from './config';

/**
 * The process's configuration; when it is wrong, the problems and `outcome` (what did not happen, in
 * words for the operator) go to stderr and the process exits with 78, EX_CONFIG, before anything starts.
 */
export function configOrExit(outcome: string): ReturnType<typeof loadProcessConfig> {
  try {
    return loadProcessConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n${outcome}\n`);
      process.exit(78);
    }
    throw error;
  }
}
