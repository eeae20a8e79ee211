import type { Jobs } from './types';
import { Worker } from './worker';

/**
 * Stops a worker the way a killed process stops: no more claims, and the jobs it was running are
 * neither completed nor failed. They stay leased until the lease runs out, then another worker takes
 * them (on Postgres once pg-boss's maintenance has seen the lease expire).
 */
export function simulateCrash(jobs: Jobs): Promise<void> {
  if (!(jobs.worker instanceof Worker)) throw new Error('not a worker made by createJobs');
  return jobs.worker.crash();
}
