import type { Database } from '@puffy/db';
import { defineJob } from '@puffy/jobs';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../deps';
import { composeEmail, emailKinds } from './emails';

export const ZEmailJob = z.object({
  kind: z.enum(emailKinds),
  userId: z.string().min(1).max(64),
  orderId: z.string().max(64).optional(),
  nftId: z.number().int().optional(),
});
export type EmailJob = z.infer<typeof ZEmailJob>;

export const emailJob = defineJob({ name: 'notification.email', payload: ZEmailJob, retryLimit: 5 });

const dedupeKeyOf = (job: EmailJob) => `${job.kind}:${job.orderId ?? job.nftId ?? job.userId}`;

/** Queues one email in the transaction of the change it tells about; the same event queues it once. */
export async function queueEmail(deps: Deps, tx: Database, job: EmailJob): Promise<void> {
  await deps.jobs.queue.enqueue(emailJob, job, { tx, singletonKey: `email:${dedupeKeyOf(job)}` });
}

async function detailFor(deps: Deps, job: EmailJob): Promise<string | null> {
  if (!job.orderId) return null;
  const o = deps.db.t.orders;
  const [order] = await deps.db.db.select({ reason: o.cancelReason }).from(o).where(eq(o.id, job.orderId));
  return order?.reason ? `Reason: ${order.reason}.` : null;
}

/**
 * Sends the email once: a `notifications` row keyed by the event is claimed before sending and marked
 * sent after, so a retried job finds it sent and stops. Members without a verified address get none.
 */
export async function sendEmail(deps: Deps, job: EmailJob): Promise<'sent' | 'already_sent' | 'no_address'> {
  const { t } = deps.db;
  const [user] = await deps.db.db
    .select({ email: t.users.email })
    .from(t.users)
    .where(eq(t.users.id, job.userId));
  if (!user?.email) return 'no_address';
  const dedupeKey = dedupeKeyOf(job);
  const n = t.notifications;
  await deps.db.db
    .insert(n)
    .values({
      dedupeKey,
      userId: job.userId,
      kind: job.kind,
      recipient: user.email,
      createdAt: deps.clock.now(),
    })
    .onConflictDoNothing();
  // One sender per email across workers: a retry that overlaps a slow first attempt waits its turn.
  return deps.store.withLock<'sent' | 'already_sent'>(
    `email-send:${dedupeKey}`,
    60_000,
    async () => {
      const [row] = await deps.db.db.select().from(n).where(eq(n.dedupeKey, dedupeKey));
      if (!row || row.status === 'sent') return 'already_sent';
      const message = composeEmail(
        job.kind,
        row.recipient,
        { orderId: job.orderId, nftId: job.nftId, detail: await detailFor(deps, job) },
        deps.config.publicOrigin,
      );
      await deps.db.db
        .update(n)
        .set({ attempts: row.attempts + 1 })
        .where(eq(n.id, row.id));
      await deps.mailer.send(message);
      await deps.db.db
        .update(n)
        .set({ status: 'sent', sentAt: deps.clock.now() })
        .where(and(eq(n.id, row.id), eq(n.status, 'pending')));
      return 'sent';
    },
    { waitMs: 30_000 },
  );
}
