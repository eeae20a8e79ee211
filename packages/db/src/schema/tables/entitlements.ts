import { ZDevicePassStatus } from '@puffy/contracts';
import { entitlementSources, enumCheck, enumValues, passUseActions } from '../enums';
import type { CatalogTables } from './catalog';
import type { IdentityTables } from './identity';
import type { ColumnKit } from './kit';
import type { OrderTables } from './orders';

export function entitlementTables(
  { belongsToMember, check, createdAt, index, partOf, table, text, time, uuidId }: ColumnKit,
  {
    rcProducts,
    users,
    orders,
  }: Pick<CatalogTables, 'rcProducts'> & Pick<IdentityTables, 'users'> & Pick<OrderTables, 'orders'>,
) {
  /** Products a member is entitled to (a device from a WL NFT, an admin grant), consumed by an order. */
  const userProducts = table(
    'user_products',
    {
      id: uuidId(),
      ...belongsToMember(users),
      productSku: text('product_sku')
        .notNull()
        .references(() => rcProducts.sku),
      source: text('source', { enum: entitlementSources }).notNull(),
      grantedBy: text('granted_by').references(() => users.id, { onDelete: 'set null' }),
      createdAt: createdAt(),
      revokedAt: time('revoked_at'),
      consumedOrderId: text('consumed_order_id').references(() => orders.id, { onDelete: 'set null' }),
    },
    (t) => [
      index('user_products_user_idx').on(t.userId),
      check('user_products_source_check', enumCheck(t.source, entitlementSources)),
    ],
  );

  const devicePasses = table(
    'device_passes',
    {
      id: uuidId(),
      code: text('code').notNull().unique(),
      ownerUserId: partOf('owner_user_id', users),
      status: text('status', { enum: enumValues(ZDevicePassStatus) })
        .notNull()
        .default('active'),
      source: text('source').notNull(),
      createdAt: createdAt(),
      usedAt: time('used_at'),
      usedByUserId: text('used_by_user_id').references(() => users.id, { onDelete: 'set null' }),
      usedOrderId: text('used_order_id').references(() => orders.id, { onDelete: 'set null' }),
    },
    (t) => [
      index('device_passes_owner_idx').on(t.ownerUserId),
      check('device_passes_status_check', enumCheck(t.status, enumValues(ZDevicePassStatus))),
    ],
  );

  /** Every use and release of a pass, so a pass given back by a cancelled order leaves a trace. */
  const devicePassUses = table(
    'device_pass_uses',
    {
      id: uuidId(),
      passId: partOf('pass_id', devicePasses),
      ...belongsToMember(users),
      orderId: text('order_id').references(() => orders.id, { onDelete: 'set null' }),
      action: text('action', { enum: passUseActions }).notNull(),
      createdAt: createdAt(),
    },
    (t) => [
      index('device_pass_uses_pass_idx').on(t.passId),
      check('device_pass_uses_action_check', enumCheck(t.action, passUseActions)),
    ],
  );

  return { userProducts, devicePasses, devicePassUses };
}

export type EntitlementTables = ReturnType<typeof entitlementTables>;
