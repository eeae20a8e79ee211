import { createHash } from 'node:crypto';
import { centsToUsdt, type TQuote, type TQuoteInput, ZQuoteInput } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { BadInput, NotFound, PreconditionFailed } from '../platform/errors';
import { loadProducts } from '../store/catalog';
import { readStoreSettings } from '../store/settings';
import { whitelistBenefit } from '../store/whitelist';
import { validatePass } from './passes';
import { type PricedQuote, priceQuote, toQuoteLine } from './pricing';

/**
 * Prices a cart with the current catalog, settings and member status, all read in one go. `q` is the
 * open transaction's handle, or `deps.db.db` outside one.
 */
export async function priceForMember(
  deps: Deps,
  q: Database,
  { userId, input }: { userId: string; input: TQuoteInput },
): Promise<PricedQuote> {
  const [products, settings, whitelist] = await Promise.all([
    loadProducts(deps, q),
    readStoreSettings(deps, q),
    whitelistBenefit(deps, q, userId),
  ]);
  if (input.passCode) {
    const check = await validatePass(deps, q, input.passCode);
    if (!check.valid) {
      const why =
        check.reason === 'used'
          ? 'was already used'
          : check.reason === 'revoked'
            ? 'was revoked'
            : 'does not exist';
      throw new BadInput(
        `This device pass ${why} (rule: pass_invalid).`,
        { passCode: [`The pass ${why}.`] },
        'pass_invalid',
      );
    }
  }
  return priceQuote(input, {
    products,
    settings,
    whitelistHolder: whitelist.holder,
    freeDeviceAvailable: whitelist.available,
    passCode: input.passCode ?? null,
  });
}

function quoteBody(priced: PricedQuote): Omit<TQuote, 'quoteId' | 'expiresAt'> {
  return {
    lines: priced.lines.map(toQuoteLine),
    subtotal: centsToUsdt(priced.subtotalCents),
    discounts: priced.discounts.map((d) => ({
      rule: d.rule,
      amount: centsToUsdt(d.cents),
      description: d.description,
    })),
    shipping: centsToUsdt(priced.shippingCents),
    total: centsToUsdt(priced.totalCents),
  };
}

/** The fingerprint of what a quote promised: any price, fee or rule outcome that moves changes it. */
const rulesHashOf = (priced: PricedQuote): string =>
  createHash('sha256')
    .update(JSON.stringify({ ...quoteBody(priced), freeDevice: priced.freeDeviceSku }))
    .digest('hex');

export async function createQuote(deps: Deps, userId: string, input: TQuoteInput): Promise<TQuote> {
  const priced = await priceForMember(deps, deps.db.db, { userId, input });
  const expiresAt = new Date(deps.clock.now().getTime() + deps.storefront.quoteTtlSeconds * 1000);
  const body = quoteBody(priced);
  const [row] = await deps.db.db
    .insert(deps.db.t.quotes)
    .values({
      userId,
      payload: { input, quote: body },
      totalCents: priced.totalCents,
      rulesHash: rulesHashOf(priced),
      passCode: input.passCode ?? null,
      expiresAt,
      createdAt: deps.clock.now(),
    })
    .returning({ id: deps.db.t.quotes.id });
  if (!row) throw new Error('quote was not stored');
  return { quoteId: row.id, ...body, expiresAt: expiresAt.toISOString() };
}

export interface CheckedQuote {
  id: string;
  input: TQuoteInput;
  priced: PricedQuote;
}

/**
 * Re-prices a stored quote for checkout and refuses it when it expired or when anything it promised
 * changed since (a price, a fee, the member's free device, the pass): the SPA then re-quotes.
 */
export async function recheckQuote(
  deps: Deps,
  tx: Database,
  userId: string,
  quoteId: string,
): Promise<CheckedQuote> {
  const q = deps.db.t.quotes;
  const [row] = await tx.select().from(q).where(eq(q.id, quoteId)).limit(1);
  if (!row || row.userId !== userId)
    throw new NotFound('This quote does not exist; ask for a new one.', 'quote_not_found');
  if (row.expiresAt.getTime() <= deps.clock.now().getTime()) {
    throw new PreconditionFailed(
      'This quote expired; get a fresh quote and check out again.',
      'quote_expired',
    );
  }
  const input = ZQuoteInput.parse((row.payload as { input: unknown }).input);
  let priced: PricedQuote;
  try {
    priced = await priceForMember(deps, tx, { userId, input });
  } catch (error) {
    if (error instanceof BadInput) {
      throw new PreconditionFailed(`The rules changed since this quote: ${error.message}`, 'quote_changed');
    }
    throw error;
  }
  if (rulesHashOf(priced) !== row.rulesHash || priced.totalCents !== row.totalCents) {
    throw new PreconditionFailed(
      'Prices or rules changed since this quote; get a fresh quote and check the new total.',
      'quote_changed',
    );
  }
  return { id: row.id, input, priced };
}
