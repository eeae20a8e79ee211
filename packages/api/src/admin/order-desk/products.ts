import type {
  TAdminPass,
  TAdminProduct,
  ZGrantPassInput,
  ZGrantProductInput,
  ZRevokePassInput,
  ZRevokeProductInput,
} from '@puffy/contracts';
import { type Database, lockKey, lockRows } from '@puffy/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Deps } from '../../deps';
import { generatePassCode, passesOf } from '../../device/passes';
import type { AuditActor } from '../../platform/audit';
import { Conflict, NotFound } from '../../platform/errors';
import { findOrThrow } from '../../trpc/first-row';
import { audited } from '../audited';

type ProductRow = Deps['db']['t']['userProducts']['$inferSelect'];
type PassRow = Deps['db']['t']['devicePasses']['$inferSelect'];

const toProduct = (row: ProductRow): TAdminProduct => ({
  id: row.id,
  userId: row.userId,
  productSku: row.productSku,
  source: row.source,
  grantedBy: row.grantedBy,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
  consumedOrderId: row.consumedOrderId,
});

const toPass = (row: PassRow): TAdminPass => ({
  id: row.id,
  code: row.code,
  status: row.status,
  source: row.source,
  createdAt: row.createdAt.toISOString(),
  usedOrderId: row.usedOrderId,
});

async function assertMember(deps: Deps, tx: Database, userId: string) {
  const u = deps.db.t.users;
  const [user] = await tx.select({ id: u.id }).from(u).where(eq(u.id, userId)).limit(1);
  if (!user) throw new NotFound('No member has this id.', 'user_not_found');
}

/** A member's entitlements (every grant, revoked ones too) and device passes, newest first. */
export async function memberProducts(deps: Deps, input: { userId: string }) {
  const { userId } = input;
  const { db, t } = deps.db;
  const [products, passes] = await Promise.all([
    db
      .select()
      .from(t.userProducts)
      .where(eq(t.userProducts.userId, userId))
      .orderBy(desc(t.userProducts.createdAt), desc(t.userProducts.id))
      .limit(200),
    passesOf(deps, userId, 200),
  ]);
  return { products: products.map(toProduct), passes: passes.map(toPass) };
}

async function insertGrant(deps: Deps, tx: Database, actor: AuditActor, userId: string, productSku: string) {
  const { t } = deps.db;
  const product = await findOrThrow(
    tx.select({ kind: t.rcProducts.kind }).from(t.rcProducts).where(eq(t.rcProducts.sku, productSku)),
    () => new NotFound(`There is no product ${productSku} in the catalog.`, 'product_not_found'),
  );
  const [row] = await tx
    .insert(t.userProducts)
    .values({ userId, productSku, source: 'admin', grantedBy: actor.userId, createdAt: deps.clock.now() })
    .returning();
  if (!row) throw new Error('user_products insert returned no row');
  return { row, kind: product.kind };
}

/** What a change to a member's products or passes did: whose they are, before and after, and the answer. */
interface MemberChange<T> {
  userId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  result: T;
}

/**
 * An operator's change to a member's products or passes, in one transaction with its audit entry: the
 * entry names the member, and what the change became ends with the operator's reason.
 */
function memberChange<I extends { reason: string }, T>(
  action: string,
  change: (deps: Deps, tx: Database, actor: AuditActor, input: I) => Promise<MemberChange<T>>,
) {
  return (deps: Deps, actor: AuditActor, input: I): Promise<T> =>
    audited(deps, actor, async (tx) => {
      const { userId, before, after, result } = await change(deps, tx, actor, input);
      const entry = {
        targetType: 'user',
        targetId: userId,
        before,
        after: { ...after, reason: input.reason },
      };
      return { audit: { action, ...entry }, result };
    });
}

/** Grants a member a product (an entitlement of docs/product/points.md), with the reason in the audit log. */
export const grantProduct = memberChange<z.infer<typeof ZGrantProductInput>, TAdminProduct>(
  'product.granted',
  async (deps, tx, actor, input) => {
    await assertMember(deps, tx, input.userId);
    const { row } = await insertGrant(deps, tx, actor, input.userId, input.productSku);
    const after = { grantId: row.id, productSku: input.productSku };
    return { userId: input.userId, before: null, after, result: toProduct(row) };
  },
);

/** Revokes a grant that was not spent on an order yet. */
export const revokeProduct = memberChange<z.infer<typeof ZRevokeProductInput>, TAdminProduct>(
  'product.revoked',
  async (deps, tx, _actor, input) => {
    const up = deps.db.t.userProducts;
    await lockRows(deps.db, tx, up, eq(up.id, input.grantId));
    const [row] = await tx.select().from(up).where(eq(up.id, input.grantId)).limit(1);
    if (!row) throw new NotFound('No product grant has this id.', 'grant_not_found');
    if (row.revokedAt) throw new Conflict('This grant is already revoked.', 'already_revoked');
    if (row.consumedOrderId)
      throw new Conflict(
        `This grant was spent on order ${row.consumedOrderId}; refund or cancel that order instead.`,
        'grant_consumed',
      );
    const [updated] = await tx
      .update(up)
      .set({ revokedAt: deps.clock.now() })
      .where(and(eq(up.id, row.id), isNull(up.revokedAt)))
      .returning();
    if (!updated) throw new Error('grant changed while it was locked');
    return {
      userId: row.userId,
      before: { grantId: row.id, productSku: row.productSku, revokedAt: null },
      after: { grantId: row.id, revokedAt: updated.revokedAt?.toISOString() ?? null },
      result: toProduct(updated),
    };
  },
);

/**
 * Gives a member one more device pass: an admin grant of a device (so the pass counts against an
 * entitlement, as `device.pass.create` expects) and the pass itself, in one transaction.
 */
export const grantDevicePass = memberChange<z.infer<typeof ZGrantPassInput>, TAdminPass>(
  'device_pass.granted',
  async (deps, tx, actor, input) => {
    const { t } = deps.db;
    await lockKey(deps.db, tx, `device-pass:${input.userId}`);
    await assertMember(deps, tx, input.userId);
    const [device] = await tx
      .select({ sku: t.rcProducts.sku })
      .from(t.rcProducts)
      .where(and(eq(t.rcProducts.kind, 'device'), eq(t.rcProducts.active, true)))
      .orderBy(t.rcProducts.id)
      .limit(1);
    if (!device) throw new NotFound('The catalog has no active device to grant a pass for.', 'no_device');
    const { row: grant } = await insertGrant(deps, tx, actor, input.userId, device.sku);
    const [pass] = await tx
      .insert(t.devicePasses)
      .values({
        code: generatePassCode(),
        ownerUserId: input.userId,
        source: 'admin',
        createdAt: deps.clock.now(),
      })
      .returning();
    if (!pass) throw new Error('device pass insert returned no row');
    return {
      userId: input.userId,
      before: null,
      after: { passId: pass.id, grantId: grant.id },
      result: toPass(pass),
    };
  },
);

/** Revokes an unused pass; a used one belongs to its order. */
export const revokeDevicePass = memberChange<z.infer<typeof ZRevokePassInput>, TAdminPass>(
  'device_pass.revoked',
  async (deps, tx, _actor, input) => {
    const d = deps.db.t.devicePasses;
    const [updated] = await tx
      .update(d)
      .set({ status: 'revoked' })
      .where(and(eq(d.id, input.passId), eq(d.status, 'active')))
      .returning();
    if (!updated) {
      const [row] = await tx.select({ status: d.status }).from(d).where(eq(d.id, input.passId)).limit(1);
      if (!row) throw new NotFound('No device pass has this id.', 'pass_not_found');
      throw new Conflict(`Only an active pass can be revoked; this one is ${row.status}.`, 'pass_not_active');
    }
    return {
      userId: updated.ownerUserId,
      before: { passId: updated.id, status: 'active' },
      after: { passId: updated.id, status: 'revoked' },
      result: toPass(updated),
    };
  },
);
