import { z } from 'zod';

/** What a partner can subscribe to (docs/product/webhooks.md). */
export const WEBHOOK_EVENTS = [
  'member.eligible',
  'activity.completed',
  'nft.minted',
  'order.paid',
  'raffle.drawn',
] as const;
export const ZWebhookEvent = z.enum(WEBHOOK_EVENTS);
export type TWebhookEvent = z.infer<typeof ZWebhookEvent>;

/** The body of every delivery: the event's name, when it happened, and its data. */
export interface WebhookMessage {
  /** Unique per event and kept across retries, so a receiver can drop a repeat (`webhook-id`). */
  id: string;
  type: TWebhookEvent;
  occurredAt: Date;
  data: Record<string, unknown>;
}

export const messageBody = (message: WebhookMessage): string =>
  JSON.stringify({ type: message.type, timestamp: message.occurredAt.toISOString(), data: message.data });
