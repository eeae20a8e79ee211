import type { TSecurityEventType } from '@puffy/contracts';
import type { Deps } from '../deps';
import type { RequestInfo } from '../trpc/context';

/**
 * Security events (failed verifications, replays, refresh-token reuse, logoutAll, role changes) are
 * kept for admins with the request id. The detail never holds a token, signature or code.
 */
export async function recordSecurityEvent(
  deps: Pick<Deps, 'db' | 'clock' | 'logger'>,
  req: Pick<RequestInfo, 'requestId' | 'ip'>,
  event: {
    type: TSecurityEventType;
    userId?: string | null;
    detail?: Record<string, string | number | boolean | null>;
  },
): Promise<void> {
  const { db, t } = deps.db;
  await db.insert(t.securityEvents).values({
    id: crypto.randomUUID(),
    type: event.type,
    userId: event.userId ?? null,
    requestId: req.requestId,
    ip: req.ip,
    detail: event.detail ?? {},
    createdAt: deps.clock.now(),
  });
  deps.logger.warn(
    { securityEvent: event.type, userId: event.userId ?? null, requestId: req.requestId },
    'security event',
  );
}
