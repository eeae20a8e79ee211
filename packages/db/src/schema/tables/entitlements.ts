import { ZDevicePassStatus } from '@puffy/contracts';
import { entitlementSources, enumValues, passUseActions } from '../enums';
import type { CatalogTables } from './catalog';
import type { ColumnKit } from './kit';
import type { Parents } from './links';

export function entitlementTables(
  k: ColumnKit,
  { rcProducts, users, orders }: Pick<CatalogTables, 'rcProducts'> & Parents<'users' | 'orders'>,
) {
  /** Products a member is entitled to (a device from a WL NFT, an admin grant), consumed by an order. */
  const userProducts = k.table(
    'user_products',
    {
      id: k.uuidId(),
      ...k.belongsToMember(users),
      productSku: k
        .text('product_sku')
        .notNull()
        .references(() => rcProducts.sku),
      source: k.text('source', { enum: entitlementSources }).notNull(),
      grantedBy: k.mentions('granted_by', users),
      createdAt: k.createdAt(),
      revokedAt: k.time('revoked_at'),
      consumedOrderId: k.mentions('consumed_order_id', orders),
    },
    (t) => [k.index('user_products_user_idx').on(t.userId)],
  );

  const devicePasses = k.table(
    'device_passes',
    {
      id: k.uuidId(),
      code: k.text('code').notNull().unique(),
      ownerUserId: k.partOf('owner_user_id', users),
      status: k
        .text('status', { enum: enumValues(ZDevicePassStatus) })
        .notNull()
        .default('active'),
      source: k.text('source').notNull(),
      createdAt: k.createdAt(),
      usedAt: k.time('used_at'),
      usedByUserId: k.mentions('used_by_user_id', users),
      usedOrderId: k.mentions('used_order_id', orders),
    },
    (t) => [k.index('device_passes_owner_idx').on(t.ownerUserId)],
  );

  /** Every use and release of a pass, so a pass given back by a cancelled order leaves a trace. */
  const devicePassUses = k.table(
    'device_pass_uses',
    {
      id: k.uuidId(),
      passId: k.partOf('pass_id', devicePasses),
      ...k.belongsToMember(users),
      orderId: k.mentions('order_id', orders),
      action: k.text('action', { enum: passUseActions }).notNull(),
      createdAt: k.createdAt(),
    },
    (t) => [k.index('device_pass_uses_pass_idx').on(t.passId)],
  );

  return { userProducts, devicePasses, devicePassUses };
}

export type EntitlementTables = ReturnType<typeof entitlementTables>;
