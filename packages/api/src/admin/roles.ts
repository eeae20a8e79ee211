import type { TAdminScope, TAdminUserRow } from '@puffy/contracts';
import { eq } from 'drizzle-orm';
import { revokeAllSessions } from '../auth/sessions';
import type { Deps } from '../deps';
import { type AuditActor, recordAudit } from '../platform/audit';
import { BadInput, NotFound } from '../platform/errors';
import { recordSecurityEvent } from '../platform/security-events';
import type { RequestInfo } from '../trpc/context';
import { toAdminUserRow } from './users';

type RoleDeps = Pick<Deps, 'db' | 'clock' | 'store' | 'auth' | 'logger'>;

export interface RoleChange {
  user: TAdminUserRow;
  /** Sessions ended because the member lost rights (their tokens stop working at once). */
  sessionsEnded: number;
}

/**
 * Makes a member an admin with exactly these scopes (replacing earlier ones). Losing a scope ends
 * the member's sessions so no access token keeps it; gaining one applies at their next refresh.
 */
export async function setAdminScopes(
  deps: RoleDeps,
  actor: AuditActor,
  req: Pick<RequestInfo, 'requestId' | 'ip'>,
  input: { userId: string; scopes: TAdminScope[] },
): Promise<RoleChange> {
  const scopes = [...new Set(input.scopes)].sort();
  return changeRole(deps, actor, req, input.userId, scopes.length > 0 ? 'admin' : 'user', scopes);
}

/** Takes every admin right away from a member; their sessions end at once. */
export async function revokeAdmin(
  deps: RoleDeps,
  actor: AuditActor,
  req: Pick<RequestInfo, 'requestId' | 'ip'>,
  input: { userId: string },
): Promise<RoleChange> {
  if (actor.userId !== null && actor.userId === input.userId)
    throw new BadInput(
      'You cannot take away your own admin rights; ask another admin.',
      undefined,
      'self_demotion',
    );
  return changeRole(deps, actor, req, input.userId, 'user', []);
}

async function changeRole(
  deps: RoleDeps,
  actor: AuditActor,
  req: Pick<RequestInfo, 'requestId' | 'ip'>,
  userId: string,
  role: 'user' | 'admin',
  scopes: TAdminScope[],
): Promise<RoleChange> {
  const { t } = deps.db;
  const { before, after } = await deps.db.withTransaction(async (tx) => {
    const [row] = await tx.select().from(t.users).where(eq(t.users.id, userId)).limit(1);
    if (!row) throw new NotFound('No member has this id.', 'user_not_found');
    const [updated] = await tx
      .update(t.users)
      .set({ role, adminScopes: scopes, updatedAt: deps.clock.now() })
      .where(eq(t.users.id, userId))
      .returning();
    if (!updated) throw new NotFound('No member has this id.', 'user_not_found');
    await recordAudit(deps, tx, actor, {
      action: role === 'admin' ? 'admin.scopes_set' : 'admin.revoked',
      targetType: 'user',
      targetId: userId,
      before: { role: row.role, scopes: row.adminScopes },
      after: { role, scopes },
    });
    return { before: row, after: updated };
  });
  const lost =
    before.adminScopes.some((s) => !scopes.includes(s)) || (before.role === 'admin' && role !== 'admin');
  const sessionsEnded = lost ? await revokeAllSessions(deps, userId, 'role_changed') : 0;
  await recordSecurityEvent(deps, req, {
    type: 'role_changed',
    userId,
    detail: { by: actor.userId ?? 'command line', role, scopes: scopes.join(',') },
  });
  return { user: toAdminUserRow(after), sessionsEnded };
}
