import type { TPaymentPurpose } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../deps';

export type PaymentReportRow = typeof import('@puffy/db').pg.paymentReports.$inferSelect;

/**
 * Keeps a member's report of a transaction the chain does not show yet. It holds nothing: the
 * transaction, once visible, pays whatever its memo and reference name (docs/product/payments.md).
 * A member repeating the same report gets the one already kept.
 */
export async function recordReport(
  deps: Deps,
  tx: Database,
  report: { purpose: TPaymentPurpose; hash: string; userId: string; nftId?: number; orderId?: string },
): Promise<void> {
  const r = deps.db.t.paymentReports;
  const [already] = await tx
    .select({ id: r.id })
    .from(r)
    .where(
      and(
        eq(r.transactionHash, report.hash),
        eq(r.status, 'pending'),
        report.nftId === undefined ? eq(r.orderId, report.orderId ?? '') : eq(r.nftId, report.nftId),
      ),
    )
    .limit(1);
  if (already) return;
  const now = deps.clock.now();
  await tx.insert(r).values({
    purpose: report.purpose,
    transactionHash: report.hash,
    nftId: report.nftId ?? null,
    orderId: report.orderId ?? null,
    reportedBy: report.userId,
    status: 'pending',
    createdAt: now,
    updatedAt: now,
  });
}

/** The reports still waiting for the chain, of one claim or one order, oldest first. */
export async function pendingReports(
  deps: Deps,
  of: { nftId: number } | { orderId: string },
): Promise<PaymentReportRow[]> {
  const r = deps.db.t.paymentReports;
  return deps.db.db
    .select()
    .from(r)
    .where(and(eq(r.status, 'pending'), 'nftId' in of ? eq(r.nftId, of.nftId) : eq(r.orderId, of.orderId)))
    .orderBy(r.createdAt);
}

/** The newest pending report of each claim, for showing "payment pending" on it. */
export async function pendingReportsOfNfts(deps: Deps, nftIds: number[]): Promise<Map<number, string>> {
  const r = deps.db.t.paymentReports;
  const newest = new Map<number, string>();
  if (nftIds.length === 0) return newest;
  const rows = await deps.db.db
    .select({ nftId: r.nftId, hash: r.transactionHash })
    .from(r)
    .where(and(inArray(r.nftId, nftIds), eq(r.status, 'pending')))
    .orderBy(desc(r.createdAt));
  for (const row of rows) if (row.nftId !== null && !newest.has(row.nftId)) newest.set(row.nftId, row.hash);
  return newest;
}

/** Closes a pending report: `settled` when its transaction paid what it named, else `refused` with why. */
export async function closeReport(
  deps: Deps,
  id: string,
  outcome: { status: 'settled' | 'refused'; reason?: string },
): Promise<void> {
  const r = deps.db.t.paymentReports;
  await deps.db.db
    .update(r)
    .set({ status: outcome.status, reason: outcome.reason ?? null, updatedAt: deps.clock.now() })
    .where(and(eq(r.id, id), eq(r.status, 'pending')));
}

/**
 * Re-checks the pending reports of one claim or one order (hashes reported before the chain showed
 * them). A transaction that appears pays whatever its memo and reference name, whoever reported it
 * (docs/product/payments.md): `settle` counts it and says why it did not pay what the report is about
 * (null when it did), and the report closes either way. One that never appears within `windowSeconds`
 * of its report is refused; one still within them makes the answer `waiting` (look again later).
 */
export async function settlePendingReports<T>(
  deps: Deps,
  of: { nftId: number } | { orderId: string },
  check: {
    windowSeconds: number;
    load: (hash: string) => Promise<T | null>;
    settle: (tx: T, report: PaymentReportRow) => Promise<string | null>;
    /** Runs after each report closes. */
    closed?: () => Promise<void>;
  },
): Promise<'waiting' | 'done'> {
  let waiting = false;
  for (const report of await pendingReports(deps, of)) {
    const tx = await check.load(report.transactionHash);
    const windowEnds = report.createdAt.getTime() + check.windowSeconds * 1000;
    if (!tx && deps.clock.now().getTime() <= windowEnds) {
      waiting = true;
      continue;
    }
    const refusal = tx
      ? await check.settle(tx, report)
      : 'The reported transaction never appeared on the chain.';
    await closeReport(
      deps,
      report.id,
      refusal === null ? { status: 'settled' } : { status: 'refused', reason: refusal },
    );
    await check.closed?.();
  }
  return waiting ? 'waiting' : 'done';
}
