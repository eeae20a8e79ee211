import { ZId } from '@puffy/contracts';
import { issueApiKey, ZPartnerScope } from '@puffy/partners';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps';
import type { AuditActor } from '../../platform/audit';
import { NotFound } from '../../platform/errors';
import { audited } from '../audited';

/* Operators issue and revoke partner keys (docs/product/partners.md); the whole key is shown once. */

export const ZPartnerKeyIssue = z.object({
  name: z.string().trim().min(1, 'Name the partner').max(120),
  scopes: z.array(ZPartnerScope).min(1, 'Grant at least one scope'),
  /** Absent or null: every campaign. */
  campaignIds: z.array(ZId).min(1).max(100).nullable().default(null),
  expiresAt: z.iso.datetime().nullable().default(null),
});

export const ZPartnerKeyRow = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(ZPartnerScope),
  campaignIds: z.array(z.number().int()).nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TPartnerKeyRow = z.infer<typeof ZPartnerKeyRow>;

/** The new key's row and the whole key, which is never shown again. */
export const ZPartnerKeyIssued = z.object({ key: ZPartnerKeyRow, token: z.string() });
export const ZPartnerKeyRevoke = z.object({ keyId: z.string().min(1).max(40) });

type KeyRow = Deps['db']['t']['partnerKeys']['$inferSelect'];

const rowOut = (row: KeyRow): TPartnerKeyRow => ({
  id: row.id,
  name: row.name,
  scopes: z.array(ZPartnerScope).parse(row.scopes),
  campaignIds: row.campaignIds ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** Keys newest first; a deployment has a handful, so one list without pages (capped). */
export async function listPartnerKeys(deps: Pick<Deps, 'db'>): Promise<TPartnerKeyRow[]> {
  const { db, t } = deps.db;
  const rows = await db.select().from(t.partnerKeys).orderBy(desc(t.partnerKeys.createdAt)).limit(500);
  return rows.map(rowOut);
}

export function issuePartnerKey(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: AuditActor,
  input: z.infer<typeof ZPartnerKeyIssue>,
): Promise<z.infer<typeof ZPartnerKeyIssued>> {
  const issued = issueApiKey();
  return audited(deps, actor, async (tx) => {
    const [row] = await tx
      .insert(deps.db.t.partnerKeys)
      .values({
        id: issued.id,
        name: input.name,
        secretHash: issued.secretHash,
        scopes: input.scopes,
        campaignIds: input.campaignIds,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        createdAt: deps.clock.now(),
      })
      .returning();
    if (!row) throw new Error('partner key insert returned nothing');
    const key = rowOut(row);
    return {
      // The audit entry names the key and its grant; the secret never reaches the log.
      audit: {
        action: 'partner_key.issued',
        targetType: 'partner_key',
        targetId: key.id,
        before: null,
        after: key,
      },
      result: { key, token: issued.token },
    };
  });
}

/** Revokes at once; revoking a revoked key keeps its first revocation time. */
export function revokePartnerKey(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: AuditActor,
  input: z.infer<typeof ZPartnerKeyRevoke>,
): Promise<TPartnerKeyRow> {
  const { t } = deps.db;
  return audited(deps, actor, async (tx) => {
    const [before] = await tx.select().from(t.partnerKeys).where(eq(t.partnerKeys.id, input.keyId)).limit(1);
    if (!before) throw new NotFound('There is no partner key with this id.', 'partner_key_not_found');
    const [after] = before.revokedAt
      ? [before]
      : await tx
          .update(t.partnerKeys)
          .set({ revokedAt: deps.clock.now() })
          .where(eq(t.partnerKeys.id, input.keyId))
          .returning();
    if (!after) throw new Error('partner key update returned nothing');
    return {
      audit: {
        action: 'partner_key.revoked',
        targetType: 'partner_key',
        targetId: input.keyId,
        before: rowOut(before),
        after: rowOut(after),
      },
      result: rowOut(after),
    };
  });
}
