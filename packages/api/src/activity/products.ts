import type { TEligibleProduct } from '@puffy/contracts';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../deps';

/**
 * Products the member is entitled to and has not lost (revoked grants are left out), oldest first.
 * Bounded by `limit`; `user.eligibleProducts` mounts this.
 */
export async function listEligibleProducts(
  deps: Pick<Deps, 'db'>,
  userId: string,
  limit = 100,
): Promise<TEligibleProduct[]> {
  const { db, t } = deps.db;
  const rows = await db
    .select({
      id: t.userProducts.id,
      productSku: t.userProducts.productSku,
      productName: t.rcProducts.name,
      kind: t.rcProducts.kind,
      source: t.userProducts.source,
      createdAt: t.userProducts.createdAt,
      consumedOrderId: t.userProducts.consumedOrderId,
    })
    .from(t.userProducts)
    .innerJoin(t.rcProducts, eq(t.rcProducts.sku, t.userProducts.productSku))
    .where(and(eq(t.userProducts.userId, userId), isNull(t.userProducts.revokedAt)))
    .orderBy(asc(t.userProducts.createdAt), asc(t.userProducts.id))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    productSku: row.productSku,
    productName: row.productName,
    kind: row.kind,
    source: row.source,
    grantedAt: row.createdAt.toISOString(),
    consumed: row.consumedOrderId !== null,
  }));
}
