import type { JobDefinition, JobHandler, JobWorker } from '@puffy/jobs';
import type { Deps } from '../deps';

/**
 * One job kind and how to run it with the process's dependencies. Domains declare these in their
 * own `jobs.ts`; `allJobs` in `../jobs.ts` collects them so the worker and `prepare` see every kind.
 */
export interface JobRegistration {
  definition: JobDefinition<object>;
  register(worker: JobWorker, deps: Deps): void;
}

export function jobRegistration<P extends object>(
  definition: JobDefinition<P>,
  makeHandler: (deps: Deps) => JobHandler<P>,
  options: { concurrency?: number } = {},
): JobRegistration {
  return {
    definition: definition as unknown as JobDefinition<object>,
    register: (worker, deps) => worker.register(definition, makeHandler(deps), options),
  };
}
