import type { TAnalyticsBatch, TAnalyticsEvent } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import type { Deps } from '../deps';
import { BadInput } from '../platform/errors';

/** How far an event's own time may stray from the server's: clocks drift, batches wait offline. */
const PAST_LIMIT_MS = 24 * 60 * 60 * 1000;
const FUTURE_LIMIT_MS = 5 * 60 * 1000;

/** Stores a batch from the SPA; an id seen before is skipped, so a resent batch counts once. */
export async function trackClientEvents(
  deps: Pick<Deps, 'db' | 'clock'>,
  userId: string | null,
  batch: TAnalyticsBatch,
): Promise<{ accepted: number }> {
  const now = deps.clock.now();
  batch.events.forEach((event, i) => {
    const at = new Date(event.occurredAt).getTime();
    if (at > now.getTime() + FUTURE_LIMIT_MS || at < now.getTime() - PAST_LIMIT_MS)
      throw new BadInput(
        'An event time is too far from now; check the device clock.',
        {
          [`events.${i}.occurredAt`]: ['More than a day old or in the future'],
        },
        'event_time_skewed',
      );
  });
  const { db, t } = deps.db;
  const rows = await db
    .insert(t.analyticsEvents)
    .values(
      batch.events.map((e) => ({
        id: e.id,
        name: e.name,
        userId,
        campaignId: e.campaignId ?? null,
        sessionId: e.sessionId,
        properties: e.properties,
        occurredAt: new Date(e.occurredAt),
        receivedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: t.analyticsEvents.id });
  return { accepted: rows.length };
}

/**
 * A funnel step the server saw happen (sign-in, eligible, claimed, minted, ordered). Recorded once
 * per member, step and campaign: the id is derived from them, so a retry or a second sign-in adds
 * nothing. `q` is the transaction of the change when there is one (the step then commits with it),
 * else `deps.db.db`.
 */
export async function recordFunnelStep(
  deps: Pick<Deps, 'db' | 'clock'>,
  q: Database,
  step: { name: Exclude<TAnalyticsEvent, 'visit' | 'connect'>; userId: string; campaignId?: number | null },
): Promise<void> {
  const { t } = deps.db;
  const campaignId = step.campaignId ?? null;
  await q
    .insert(t.analyticsEvents)
    .values({
      id: `server:${step.name}:${step.userId}:${campaignId ?? 'all'}`,
      name: step.name,
      userId: step.userId,
      campaignId,
      sessionId: `user:${step.userId}`,
      properties: {},
      occurredAt: deps.clock.now(),
      receivedAt: deps.clock.now(),
    })
    .onConflictDoNothing();
}
