import { Readable } from 'node:stream';
import { defineJob } from '@puffy/jobs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { jobRegistration } from '../platform/job-registry';
import { runSnapshotImport } from './import';

const RETRY_LIMIT = 2;

/** Imports one holder snapshot; the source is the uploaded CSV text or a file the server can read. */
export const snapshotImportJob = defineJob({
  name: 'snapshot.import',
  payload: z.object({
    snapshotId: z.string().min(1),
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('text'), text: z.string() }),
      z.object({ kind: z.literal('path'), path: z.string().min(1) }),
    ]),
  }),
  retryLimit: RETRY_LIMIT,
  retryDelaySeconds: 5,
  expireInSeconds: 3_600,
});

export const snapshotJobs = [
  jobRegistration(snapshotImportJob, (deps) => async (payload, ctx) => {
    const source =
      payload.source.kind === 'path' ? { path: payload.source.path } : Readable.from([payload.source.text]);
    try {
      await runSnapshotImport(deps, payload.snapshotId, source, { signal: ctx.signal });
    } catch (error) {
      // The last attempt leaves the snapshot visibly failed rather than forever "importing".
      if (ctx.attempt > RETRY_LIMIT) {
        const { db, t } = deps.db;
        await db
          .update(t.holderSnapshots)
          .set({ status: 'failed' })
          .where(eq(t.holderSnapshots.id, payload.snapshotId));
      }
      throw error;
    }
  }),
];
