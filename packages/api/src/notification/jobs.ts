import { jobRegistration } from '../platform/job-registry';
import { emailJob, sendEmail } from './service';

export const notificationJobs = [
  jobRegistration(emailJob, (deps) => async (payload) => {
    await sendEmail(deps, payload);
  }),
];
