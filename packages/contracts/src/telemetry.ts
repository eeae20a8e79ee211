import { z } from 'zod';
import { ZAnalyticsEvent } from './enums';
import { ZId } from './ids';
import { storableJson, text } from './text';
import { inputTime } from './time';

/** A crash the SPA's error boundaries caught (the report `reportClientError` builds). */
export const ZClientErrorReport = z.object({
  name: text().min(1).max(120),
  message: text().max(500),
  stack: text().max(4000).nullable(),
  componentStack: text().max(4000).nullable(),
  boundary: z.enum(['route', 'layout', 'app', 'window', 'root']),
  /** The path only: a query string may carry a one-time token. */
  path: text()
    .max(300)
    .regex(/^\/[^?#]*$/, 'A path without query or fragment'),
  requestId: text().max(100).nullable(),
});
export type TClientErrorReport = z.infer<typeof ZClientErrorReport>;

/**
 * The funnel steps the SPA reports itself. The later steps (sign-in, eligible, claimed, minted,
 * ordered) are recorded by the server when they happen, so nobody can inflate them from a browser.
 */
export const ZClientAnalyticsEvent = ZAnalyticsEvent.extract(['visit', 'connect']);

export const ZAnalyticsEventInput = z.object({
  /** The client's own id for the event: a batch sent twice counts once. */
  id: z.uuid(),
  name: ZClientAnalyticsEvent,
  campaignId: ZId.optional(),
  /** A random id the SPA keeps for the browser tab's session (not a person, not a wallet). */
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'A random session id'),
  occurredAt: inputTime(),
  properties: storableJson(
    z
      .record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()]))
      .refine((p) => Object.keys(p).length <= 10, 'At most 10 properties'),
  ).default({}),
});
export const ZAnalyticsBatch = z.object({ events: z.array(ZAnalyticsEventInput).min(1).max(20) });
export type TAnalyticsBatch = z.infer<typeof ZAnalyticsBatch>;

export const ZFunnelInput = z
  .object({
    campaignId: ZId.optional(),
    from: inputTime(),
    to: inputTime(),
  })
  .refine((v) => v.from < v.to, { message: 'The start must be before the end', path: ['to'] });

export const ZFunnelStep = z.object({
  name: ZAnalyticsEvent,
  /** Distinct browser sessions (visit, connect) or members (the later steps) that reached the step. */
  count: z.number().int().nonnegative(),
  /** Share of the previous step that reached this one; null for the first step or after a zero. */
  conversion: z.number().min(0).nullable(),
});
export const ZFunnel = z.object({ steps: z.array(ZFunnelStep) });
export type TFunnel = z.infer<typeof ZFunnel>;
