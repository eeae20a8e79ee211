import type { TReferralCodeIssue } from '@puffy/contracts';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { canonicalAddress } from '../../eligibility/wallets';
import { type AuditActor, recordAudit } from '../../platform/audit';
import { newestPage } from '../../platform/cursor';
import { BadInput, Conflict, NotFound } from '../../platform/errors';
import { generateReferralCode, toReferralCode } from '../../referral/codes';
import { assertCampaignExists } from './campaign-exists';
import type { DeskDeps } from './campaigns';

type CodeRow = Deps['db']['t']['referralCodes']['$inferSelect'];

const toAdminCode = (row: CodeRow) => ({
  ...toReferralCode(row),
  id: row.id,
  ownerUserId: row.ownerUserId,
  disabledAt: row.disabledAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/**
 * Issues one code or a batch. Redemption credits the code's owner as referrer, so every code has one:
 * the named member, or the acting admin.
 */
export async function issueReferralCodes(deps: DeskDeps, actor: AuditActor, input: TReferralCodeIssue) {
  const { t } = deps.db;
  const ownerUserId = input.ownerUserId ?? actor.userId;
  if (!ownerUserId)
    throw new BadInput('Name the member the codes credit.', { ownerUserId: ['Required'] }, 'owner_required');
  return deps.db.withTransaction(async (tx) => {
    const [owner] = await tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.id, ownerUserId));
    if (!owner) throw new NotFound('No member has this id.', 'owner_not_found');
    if (input.campaignId !== undefined) {
      await assertCampaignExists(deps, tx, input.campaignId);
    }
    const base = {
      type: input.type,
      campaignId: input.campaignId ?? null,
      ownerUserId,
      level: input.level,
      maxUses: input.type === 'limited' ? (input.maxUses ?? null) : null,
      uses: 0,
      createdAt: deps.clock.now(),
    };
    const created: CodeRow[] = [];
    for (let attempt = 0; created.length < input.count && attempt < 5; attempt += 1) {
      const texts = input.code
        ? [input.code.toUpperCase()]
        : Array.from({ length: input.count - created.length }, generateReferralCode);
      const rows = await tx
        .insert(t.referralCodes)
        .values(texts.map((code) => ({ ...base, id: crypto.randomUUID(), code })))
        .onConflictDoNothing({ target: t.referralCodes.code })
        .returning();
      created.push(...rows);
      if (input.code && rows.length === 0)
        throw new Conflict(`The code "${input.code.toUpperCase()}" already exists.`, 'code_exists', {
          code: input.code.toUpperCase(),
        });
    }
    if (created.length < input.count) throw new Error('could not find free referral codes in 5 attempts');
    await recordAudit(deps, tx, actor, {
      action: 'referral_code.issued',
      targetType: input.campaignId ? 'campaign' : 'referral_code',
      targetId: input.campaignId ? String(input.campaignId) : null,
      before: null,
      after: { ...base, createdAt: undefined, codes: created.map((c) => c.code) },
    });
    return created.map(toAdminCode);
  });
}

export async function listReferralCodes(
  deps: Pick<Deps, 'db'>,
  input: { campaignId?: number; cursor?: string; limit: number },
) {
  const { db, t } = deps.db;
  const c = t.referralCodes;
  const filters = [input.campaignId !== undefined ? eq(c.campaignId, input.campaignId) : undefined];
  return newestPage(db.select().from(c).$dynamic(), c, { ...input, filters }, toAdminCode);
}

/** Every redemption attempt of a code, accepted or refused, newest first. */
export async function referralCodeUses(
  deps: Pick<Deps, 'db'>,
  input: { codeId: string; cursor?: string; limit: number },
) {
  const { db, t } = deps.db;
  const r = t.referralRedemptions;
  return newestPage(
    db.select().from(r).$dynamic(),
    r,
    { ...input, filters: [eq(r.codeId, input.codeId)] },
    (u) => ({
      id: u.id,
      userId: u.userId,
      campaignId: u.campaignId,
      outcome: u.outcome,
      reason: u.reason,
      createdAt: u.createdAt.toISOString(),
    }),
  );
}

export async function disableReferralCode(deps: DeskDeps, actor: AuditActor, codeId: string) {
  const { t } = deps.db;
  return deps.db.withTransaction(async (tx) => {
    const [before] = await tx.select().from(t.referralCodes).where(eq(t.referralCodes.id, codeId));
    if (!before) throw new NotFound('No referral code has this id.', 'referral_code_not_found');
    if (before.disabledAt) return toAdminCode(before);
    const [after] = await tx
      .update(t.referralCodes)
      .set({ disabledAt: deps.clock.now() })
      .where(eq(t.referralCodes.id, codeId))
      .returning();
    if (!after) throw new NotFound('No referral code has this id.', 'referral_code_not_found');
    await recordAudit(deps, tx, actor, {
      action: 'referral_code.disabled',
      targetType: 'referral_code',
      targetId: codeId,
      before: toAdminCode(before),
      after: toAdminCode(after),
    });
    return toAdminCode(after);
  });
}

/** Each entry in the one spelling eligibility compares (EVM checksummed, TON raw, Solana base58). */
function canonicalEntries(entries: { chain: 'sol' | 'evm' | 'ton'; address: string }[]): string[] {
  const bad: Record<string, string[]> = {};
  const addresses = entries.map((e, i) => {
    const address = canonicalAddress(e.chain, e.address);
    if (!address)
      bad[`entries.${i}.address`] = [
        `"${e.address}" is not ${e.chain === 'evm' ? 'an' : 'a'} ${e.chain.toUpperCase()} address`,
      ];
    return address ?? '';
  });
  if (Object.keys(bad).length > 0)
    throw new BadInput(
      `${Object.keys(bad).length} address(es) are not valid; nothing was changed.`,
      bad,
      'addresses_invalid',
      {
        count: Object.keys(bad).length,
      },
    );
  return [...new Set(addresses)];
}

/** Adds to (or removes from) a campaign's `bypass` allow-list; returns how many entries changed. */
export async function changeAllowlist(
  deps: DeskDeps,
  actor: AuditActor,
  input: { campaignId: number; entries: { chain: 'sol' | 'evm' | 'ton'; address: string }[] },
  change: 'add' | 'remove',
) {
  const addresses = canonicalEntries(input.entries);
  const { t } = deps.db;
  return deps.db.withTransaction(async (tx) => {
    await assertCampaignExists(deps, tx, input.campaignId);
    const rows =
      change === 'add'
        ? await tx
            .insert(t.campaignAllowlist)
            .values(addresses.map((address) => ({ campaignId: input.campaignId, address })))
            .onConflictDoNothing()
            .returning({ address: t.campaignAllowlist.address })
        : await tx
            .delete(t.campaignAllowlist)
            .where(
              and(
                eq(t.campaignAllowlist.campaignId, input.campaignId),
                inArray(t.campaignAllowlist.address, addresses),
              ),
            )
            .returning({ address: t.campaignAllowlist.address });
    await recordAudit(deps, tx, actor, {
      action: change === 'add' ? 'allowlist.added' : 'allowlist.removed',
      targetType: 'campaign',
      targetId: String(input.campaignId),
      before: null,
      after: { addresses: rows.map((r) => r.address) },
    });
    return { changed: rows.length };
  });
}

export async function listAllowlist(
  deps: Pick<Deps, 'db'>,
  input: { campaignId: number; cursor?: string; limit: number },
) {
  const { db, t } = deps.db;
  const a = t.campaignAllowlist;
  const rows = await db
    .select({ address: a.address })
    .from(a)
    .where(and(eq(a.campaignId, input.campaignId), input.cursor ? gt(a.address, input.cursor) : undefined))
    .orderBy(asc(a.address))
    .limit(input.limit + 1);
  const kept = rows.slice(0, input.limit).map((r) => r.address);
  return { items: kept, nextCursor: rows.length > input.limit ? (kept.at(-1) ?? null) : null };
}
