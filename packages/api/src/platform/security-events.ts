import type { TSecurityEventType } from '@puffy/contracts';
import type { Deps } from '../deps';
import type { RequestInfo } from '../trpc/context';

/** A caller's own request id is kept only when it looks like one: never arbitrary header text. */
const CALLER_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * The id the caller (a load balancer, a client) sent in X-Request-Id, for correlating with its logs.
 * It is the caller's word, so it goes in a field of its own; `requestId` is always the server's.
 */
export function callerRequestIdOf(req: Partial<Pick<RequestInfo, 'header'>>): string | null {
  const inbound = req.header?.('x-request-id');
  return inbound && CALLER_REQUEST_ID.test(inbound) ? inbound : null;
}

/**
 * Security events (failed verifications, replays, refresh-token reuse, logoutAll, role changes) are
 * kept for admins with the server's request id (and the caller's, in the detail, when it sent one).
 * The detail never holds a token, signature or code.
 */
export async function recordSecurityEvent(
  deps: Pick<Deps, 'db' | 'clock' | 'logger'>,
  req: Pick<RequestInfo, 'requestId' | 'ip'> & Partial<Pick<RequestInfo, 'header'>>,
  event: {
    type: TSecurityEventType;
    userId?: string | null;
    detail?: Record<string, string | number | boolean | null>;
  },
): Promise<void> {
  const { db, t } = deps.db;
  const callerRequestId = callerRequestIdOf(req);
  await db.insert(t.securityEvents).values({
    id: crypto.randomUUID(),
    type: event.type,
    userId: event.userId ?? null,
    requestId: req.requestId,
    ip: req.ip,
    detail: { ...event.detail, ...(callerRequestId ? { callerRequestId } : {}) },
    createdAt: deps.clock.now(),
  });
  deps.logger.warn(
    { securityEvent: event.type, userId: event.userId ?? null, requestId: req.requestId, callerRequestId },
    'security event',
  );
}
