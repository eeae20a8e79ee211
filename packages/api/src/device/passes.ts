import { randomBytes } from 'node:crypto';
import type { TDevicePass, TDevicePassSummary, TPassValidation } from '@puffy/contracts';
import { type Database, lockKey } from '@puffy/db';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../deps';
import type { OwnOrder } from '../order/orders';
import { Conflict, Forbidden } from '../platform/errors';
import { lockWhitelistBenefit, type WhitelistBenefit, whitelistBenefit } from '../store/whitelist';

/** 32 symbols without 0/O and 1/I look-alikes: 5 bits each, 80 bits per code, not guessable. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function generatePassCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]).join('');
  return `PASS-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
}

type PassRow = typeof import('@puffy/db').pg.devicePasses.$inferSelect;

const toPass = (row: PassRow): TDevicePass => ({
  code: row.code,
  status: row.status,
  source: row.source,
  createdAt: row.createdAt.toISOString(),
  usedAt: row.usedAt?.toISOString() ?? null,
  usedByOther: row.usedByUserId !== null && row.usedByUserId !== row.ownerUserId,
});

/**
 * What the member may issue passes for: each live admin grant of a device gives one pass, and the
 * whitelist NFT one more while its benefit is untaken (its one free device may go to an order instead:
 * docs/product/store-rules.md).
 */
async function entitlement(deps: Deps, q: Database, userId: string) {
  const { t } = deps.db;
  const up = t.userProducts;
  const p = t.rcProducts;
  const d = t.devicePasses;
  const [[grants], [adminIssued], whitelist] = await Promise.all([
    q
      .select({ n: count() })
      .from(up)
      .innerJoin(p, eq(p.sku, up.productSku))
      .where(and(eq(up.userId, userId), eq(up.source, 'admin'), eq(p.kind, 'device'), isNull(up.revokedAt))),
    q
      .select({ n: count() })
      .from(d)
      .where(and(eq(d.ownerUserId, userId), eq(d.source, 'admin'))),
    whitelistBenefit(deps, q, userId),
  ]);
  const adminLeft = Math.max(0, (grants?.n ?? 0) - (adminIssued?.n ?? 0));
  const fromNft = whitelist.passIssued || whitelist.available ? 1 : 0;
  return {
    whitelist,
    adminLeft,
    entitled: fromNft + (grants?.n ?? 0),
    available: adminLeft + (whitelist.available ? 1 : 0),
  };
}

/** A member's device passes, every status, newest first (at most `limit`). */
export function passesOf(deps: Pick<Deps, 'db'>, userId: string, limit: number): Promise<PassRow[]> {
  const d = deps.db.t.devicePasses;
  return deps.db.db
    .select()
    .from(d)
    .where(eq(d.ownerUserId, userId))
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(limit);
}

export async function passSummary(deps: Deps, userId: string): Promise<TDevicePassSummary> {
  const rows = await passesOf(deps, userId, 100);
  const { entitled, available } = await entitlement(deps, deps.db.db, userId);
  return { passes: rows.map(toPass), entitled, available };
}

function noPassLeft(whitelist: WhitelistBenefit, entitled: number): Forbidden {
  if (whitelist.holder && whitelist.freeDeviceClaimed && !whitelist.passIssued)
    return new Forbidden(
      'Your whitelist NFT gives one free device, and an order of yours already took it as the free first device.',
      'no_pass_entitlement',
    );
  return new Forbidden(
    entitled === 0
      ? 'Device passes come with a minted whitelist NFT or an admin grant, and you have neither yet.'
      : `You already have all ${entitled} device pass(es) you are entitled to.`,
    'no_pass_entitlement',
  );
}

/**
 * Issues the next pass the member is entitled to; serialized per member so two clicks make one. An
 * admin grant is used first, so the whitelist NFT's free device stays free for as long as it can.
 */
export async function createPass(deps: Deps, userId: string): Promise<TDevicePass> {
  return deps.db.withTransaction(async (tx) => {
    await lockKey(deps.db, tx, `device-pass:${userId}`);
    await lockWhitelistBenefit(deps, tx, userId);
    const { whitelist, adminLeft, entitled } = await entitlement(deps, tx, userId);
    const source = adminLeft > 0 ? 'admin' : whitelist.available ? 'wl_nft' : null;
    if (!source) throw noPassLeft(whitelist, entitled);
    const [row] = await tx
      .insert(deps.db.t.devicePasses)
      .values({ code: generatePassCode(), ownerUserId: userId, source })
      .returning();
    if (!row) throw new Error('device pass was not created');
    return toPass(row);
  });
}

/** Checks a code without using it; `q` is the open transaction's handle, or `deps.db.db` outside one. */
export async function validatePass(deps: Deps, q: Database, code: string): Promise<TPassValidation> {
  const d = deps.db.t.devicePasses;
  const [row] = await q.select({ status: d.status }).from(d).where(eq(d.code, code)).limit(1);
  if (!row) return { code, valid: false, reason: 'unknown' };
  if (row.status === 'active') return { code, valid: true, reason: null };
  return { code, valid: false, reason: row.status === 'used' ? 'used' : 'revoked' };
}

/**
 * Uses a pass for an order, atomically: one conditional UPDATE, so of any number of concurrent uses on
 * any number of servers exactly one finds it active. Every use is written to the usage table.
 */
export async function usePass(
  deps: Deps,
  tx: Database,
  use: { code: string; userId: string; orderId: string },
): Promise<void> {
  const d = deps.db.t.devicePasses;
  const [used] = await tx
    .update(d)
    .set({ status: 'used', usedAt: deps.clock.now(), usedByUserId: use.userId, usedOrderId: use.orderId })
    .where(and(eq(d.code, use.code), eq(d.status, 'active')))
    .returning({ id: d.id });
  if (!used) {
    throw new Conflict('This device pass was just used by another order; check out without it.', 'pass_used');
  }
  await tx
    .insert(deps.db.t.devicePassUses)
    .values({ passId: used.id, userId: use.userId, orderId: use.orderId, action: 'use' });
}

/** Gives back the pass an order used (cancelled or expired), writing the release to the usage table. */
export async function releasePass(deps: Deps, tx: Database, order: OwnOrder): Promise<void> {
  const { orderId, userId } = order;
  const d = deps.db.t.devicePasses;
  const released = await tx
    .update(d)
    .set({ status: 'active', usedAt: null, usedByUserId: null, usedOrderId: null })
    .where(and(eq(d.usedOrderId, orderId), eq(d.status, 'used')))
    .returning({ id: d.id });
  for (const pass of released) {
    await tx.insert(deps.db.t.devicePassUses).values({ passId: pass.id, userId, orderId, action: 'release' });
  }
}
