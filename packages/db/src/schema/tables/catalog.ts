import { ZDeviceVariant, ZProductKind } from '@puffy/contracts';
import { enumCheck, enumValues } from '../enums';
import type { ColumnKit } from './kit';

export function catalogTables({ check, flag, json, money, serialId, table, text }: ColumnKit) {
  /** The catalog: prices live here and are decided on the server only. */
  const rcProducts = table(
    'rc_products',
    {
      id: serialId(),
      sku: text('sku').notNull().unique(),
      kind: text('kind', { enum: enumValues(ZProductKind) }).notNull(),
      variant: text('variant', { enum: enumValues(ZDeviceVariant) }),
      name: text('name').notNull(),
      priceCents: money('price_cents').notNull(),
      /** Colorways, flavors, nicotine levels offered for this product. */
      options: json<Record<string, unknown>>('options').notNull().default({}),
      active: flag('active').notNull().default(true),
    },
    (t) => [
      check('rc_products_kind_check', enumCheck(t.kind, enumValues(ZProductKind))),
      check('rc_products_variant_check', enumCheck(t.variant, enumValues(ZDeviceVariant))),
    ],
  );

  return { rcProducts };
}

export type CatalogTables = ReturnType<typeof catalogTables>;
