import { ZDeviceVariant, ZProductKind } from '@puffy/contracts';
import { enumValues } from '../enums';
import type { ColumnKit } from './kit';

export function catalogTables(k: ColumnKit) {
  /** The catalog: prices live here and are decided on the server only. */
  const rcProducts = k.table('rc_products', {
    id: k.serialId(),
    sku: k.text('sku').notNull().unique(),
    kind: k.text('kind', { enum: enumValues(ZProductKind) }).notNull(),
    variant: k.text('variant', { enum: enumValues(ZDeviceVariant) }),
    name: k.text('name').notNull(),
    priceCents: k.money('price_cents').notNull(),
    /** Colorways, flavors, nicotine levels offered for this product. */
    options: k.json<Record<string, unknown>>('options').notNull().default({}),
    active: k.flag('active').notNull().default(true),
  });

  return { rcProducts };
}

export type CatalogTables = ReturnType<typeof catalogTables>;
