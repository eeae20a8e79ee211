import { jobRegistration } from '../platform/job-registry';
import { closeSeason, seasonCloseJob } from './close';

export const seasonJobs = [
  jobRegistration(seasonCloseJob, (deps) => async ({ seasonId }) => {
    // A job queued for an end that was later moved finds the season not yet due: the edit queued
    // another for the new end, so this one has nothing to do.
    await closeSeason(deps, seasonId);
  }),
];
