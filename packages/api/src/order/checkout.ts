import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { TCheckoutInput, TOrder } from '@puffy/contracts';
import { type Database, lockKey, violatedConstraint } from '@puffy/db';
import bs58 from 'bs58';
import { and, eq } from 'drizzle-orm';
import { recordFunnelStep } from '../analytics/service';
import type { Deps } from '../deps';
import { usePass } from '../device/passes';
import { recheckQuote } from '../device/quote';
import { queueEmail } from '../notification/service';
import { BadInput, Conflict } from '../platform/errors';
import { claimFreeDevice, lockWhitelistBenefit } from '../store/whitelist';
import { unpaidOrderJob } from './jobs-definitions';
import { getOrder } from './orders';

const requestHashOf = (input: TCheckoutInput): string =>
  createHash('sha256')
    .update(JSON.stringify({ quoteId: input.quoteId, address: input.shippingAddress }))
    .digest('hex');

/** The member's order placed under this idempotency key, or null. */
async function findByKey(deps: Deps, q: Database, placed: { userId: string; key: string }) {
  const o = deps.db.t.orders;
  const [row] = await q
    .select({ id: o.id, requestHash: o.requestHash })
    .from(o)
    .where(and(eq(o.userId, placed.userId), eq(o.idempotencyKey, placed.key)))
    .limit(1);
  return row ?? null;
}

function sameRequest(found: { id: string; requestHash: string }, requestHash: string): string {
  if (found.requestHash !== requestHash) {
    throw new Conflict(
      'This idempotency key was already used for a different checkout; use a new key for a new order.',
      'idempotency_key_reused',
    );
  }
  return found.id;
}

/**
 * Places the order of a quote: order, items, address, pass use and free-device claim in one
 * transaction, so a failure anywhere leaves nothing. The same idempotency key returns the first order.
 */
export async function checkout(deps: Deps, userId: string, input: TCheckoutInput): Promise<TOrder> {
  const requestHash = requestHashOf(input);
  const pool = deps.db.db;
  const placed = { userId, key: input.idempotencyKey };
  const earlier = await findByKey(deps, pool, placed);
  if (earlier) return getOrder(deps, pool, { userId, orderId: sameRequest(earlier, requestHash) });
  const warnings = await deps.storefront.addressValidator.validate(input.shippingAddress);
  try {
    const orderId = await deps.db.withTransaction((tx) =>
      placeOrder(deps, tx, userId, input, requestHash, warnings),
    );
    return getOrder(deps, pool, { userId, orderId });
  } catch (error) {
    // Another instance placed the same key between our check and our insert: answer with its order.
    if (violatedConstraint(error)?.kind !== 'unique') throw error;
    const raced = await findByKey(deps, pool, placed);
    if (!raced) throw error;
    return getOrder(deps, pool, { userId, orderId: sameRequest(raced, requestHash) });
  }
}

async function placeOrder(
  deps: Deps,
  tx: Database,
  userId: string,
  input: TCheckoutInput,
  requestHash: string,
  warnings: string[],
): Promise<string> {
  const { t } = deps.db;
  // One member's checkouts run one at a time: the free first device and the key are decided once.
  await lockKey(deps.db, tx, `checkout:${userId}`);
  // Issuing the whitelist NFT's pass takes the same benefit as the free first device.
  await lockWhitelistBenefit(deps, tx, userId);
  const again = await findByKey(deps, tx, { userId, key: input.idempotencyKey });
  if (again) return sameRequest(again, requestHash);
  const quote = await recheckQuote(deps, tx, userId, input.quoteId);
  if (input.shippingAddress.country !== quote.input.country) {
    throw new BadInput(
      `The quote was priced for shipping to ${quote.input.country}; quote again for ${input.shippingAddress.country}.`,
      { 'shippingAddress.country': [`Must be ${quote.input.country}, the quoted country`] },
      'address_country',
    );
  }
  const orderId = randomUUID();
  const now = deps.clock.now();
  const payBefore = new Date(now.getTime() + deps.storefront.paymentWindowSeconds * 1000);
  const { priced } = quote;
  await tx.insert(t.orders).values({
    id: orderId,
    userId,
    status: 'new',
    quoteId: quote.id,
    subtotalCents: priced.subtotalCents,
    discountCents: priced.discountCents,
    shippingCents: priced.shippingCents,
    totalCents: priced.totalCents,
    reference: bs58.encode(randomBytes(32)),
    idempotencyKey: input.idempotencyKey,
    requestHash,
    payBefore,
    addressWarnings: warnings,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(t.orderItems).values(
    priced.lines.map((line) => ({
      orderId,
      productId: line.product.id,
      kind: line.item.kind,
      variant: line.item.variant,
      colorway: line.item.kind === 'device' ? line.item.colorway : null,
      flavor: line.item.kind === 'pods' ? line.item.flavor : null,
      nicotine: line.item.kind === 'pods' ? (line.item.nicotine ?? null) : null,
      quantity: line.item.quantity,
      unitPriceCents: line.unitCents,
      discountCents: line.discountCents,
    })),
  );
  const a = input.shippingAddress;
  await tx.insert(t.shippingAddresses).values({
    orderId,
    ...a,
    line2: a.line2 ?? null,
    state: a.state ?? null,
  });
  if (quote.input.passCode) await usePass(deps, tx, { code: quote.input.passCode, userId, orderId });
  if (priced.freeDeviceSku) await claimFreeDevice(deps, tx, { userId, sku: priced.freeDeviceSku, orderId });
  await tx
    .insert(t.orderStatusHistory)
    .values({ orderId, fromStatus: null, toStatus: 'new', actor: userId, createdAt: now });
  await deps.jobs.queue.enqueue(
    unpaidOrderJob,
    { orderId },
    { tx, startAfter: payBefore, singletonKey: `order-unpaid:${orderId}` },
  );
  await queueEmail(deps, tx, { kind: 'order_placed', userId, orderId });
  await recordFunnelStep(deps, tx, { name: 'ordered', userId });
  return orderId;
}
