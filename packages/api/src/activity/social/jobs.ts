import type { Deps } from '../../deps';
import { PreconditionFailed } from '../../platform/errors';
import { jobRegistration } from '../../platform/job-registry';
import { socialCheckRetryJob, socialRecheckJob } from './jobs-definitions';
import { recheckCompletion } from './recheck';
import { runCheck } from './verify';

/**
 * A refusal that will not change by retrying (the campaign ended, the account was unlinked) ends the
 * job; anything else (the service down) is thrown so the job runs again.
 */
async function settled(deps: Deps, work: () => Promise<unknown>, what: string) {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof PreconditionFailed)) throw error;
    deps.logger.info({ reason: error.message }, `${what} gave up`);
  }
}

export const socialJobs = [
  jobRegistration(socialCheckRetryJob, (deps) => async ({ proofUrl, ...payload }) => {
    await settled(
      deps,
      () =>
        runCheck(
          deps,
          payload.userId,
          { ...payload, proof: proofUrl ? { url: proofUrl } : undefined },
          'retry',
        ),
      'throttled task check',
    );
  }),
  jobRegistration(socialRecheckJob, (deps) => async ({ userActivityId }) => {
    await settled(deps, () => recheckCompletion(deps, userActivityId, null), 'task re-check');
  }),
];
