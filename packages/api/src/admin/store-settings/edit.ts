import {
  centsToUsdt,
  type TAdminStoreSettings,
  type TErrorReason,
  type TStoreColorwaysUpdate,
  type TStorePodOptionsUpdate,
  type TStoreProductUpdate,
  type TStoreShippingUpdate,
  type TStoreVapeCountriesUpdate,
  usdtToCents,
  ZColorway,
  ZNicotine,
  ZPodFlavor,
} from '@puffy/contracts';
import { type Database, lockKey, settingKeys } from '@puffy/db';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { type AuditActor, recordAudit } from '../../platform/audit';
import { BadInput, NotFound } from '../../platform/errors';
import { invalidateCatalog } from '../../store/catalog-cache';
import { type ShippingFees, ZShippingFees, ZVapeCountries } from '../../store/settings';
import { readStoreSettingsForAdmin } from './read';

type EditDeps = Pick<Deps, 'db' | 'clock' | 'store'>;

/** What an edit changed, for the audit log; null when the input matched what was stored already. */
type Change = {
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
} | null;

/**
 * One store edit: serialized with every other (so the audit's "before" is what the edit replaced),
 * audited in its own transaction, and announced to every instance's catalog cache once committed.
 * Answers with the Store section as committed.
 */
async function storeEdit(
  deps: EditDeps,
  actor: AuditActor,
  change: (tx: Database) => Promise<Change>,
): Promise<TAdminStoreSettings> {
  const { changed, settings } = await deps.db.withTransaction(async (tx) => {
    await lockKey(deps.db, tx, 'store-settings');
    const entry = await change(tx);
    if (entry) await recordAudit(deps, tx, actor, entry);
    return { changed: entry !== null, settings: await readStoreSettingsForAdmin(deps, tx) };
  });
  if (changed) await invalidateCatalog(deps);
  return settings;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Keeps each choice once, in the order the enum lists them, so an edit reads the same however sent. */
const inEnumOrder = <T extends string>(all: readonly T[], chosen: readonly T[]): T[] =>
  all.filter((value) => chosen.includes(value));

async function productRow(deps: EditDeps, tx: Database, sku: string) {
  const p = deps.db.t.rcProducts;
  const [row] = await tx.select().from(p).where(eq(p.sku, sku)).limit(1);
  if (!row) throw new NotFound('This product is not in the catalog; reload the page.', 'product_not_found');
  return row;
}

/** The product `sku` when it is a `kind`; else refused in `words` on the sku field, with `reason`. */
async function productOfKind(
  deps: EditDeps,
  tx: Database,
  sku: string,
  kind: (typeof deps.db.t.rcProducts.$inferSelect)['kind'],
  refusal: { words: string; reason: TErrorReason },
) {
  const row = await productRow(deps, tx, sku);
  if (row.kind !== kind) throw new BadInput(refusal.words, { sku: [refusal.words] }, refusal.reason);
  return row;
}

export function updateProduct(deps: EditDeps, actor: AuditActor, input: TStoreProductUpdate) {
  return storeEdit(deps, actor, async (tx) => {
    const row = await productRow(deps, tx, input.sku);
    const priceCents = usdtToCents(input.price);
    const before = { name: row.name, price: centsToUsdt(row.priceCents), active: row.active };
    const after = { name: input.name, price: centsToUsdt(priceCents), active: input.active };
    if (same(before, after)) return null;
    const p = deps.db.t.rcProducts;
    await tx.update(p).set({ name: input.name, priceCents, active: input.active }).where(eq(p.id, row.id));
    return { action: 'store.product_updated', targetType: 'rc_product', targetId: row.sku, before, after };
  });
}

/** Replaces some of a product's options, keeping the others as they are. */
async function setOptions(
  deps: EditDeps,
  tx: Database,
  row: { id: number; sku: string; options: Record<string, unknown> },
  options: Record<string, unknown>,
): Promise<Change> {
  const before = Object.fromEntries(Object.keys(options).map((key) => [key, row.options[key] ?? null]));
  if (same(before, options)) return null;
  const p = deps.db.t.rcProducts;
  await tx
    .update(p)
    .set({ options: { ...row.options, ...options } })
    .where(eq(p.id, row.id));
  return {
    action: 'store.product_options_set',
    targetType: 'rc_product',
    targetId: row.sku,
    before,
    after: options,
  };
}

export function setColorways(deps: EditDeps, actor: AuditActor, input: TStoreColorwaysUpdate) {
  return storeEdit(deps, actor, async (tx) => {
    const row = await productOfKind(deps, tx, input.sku, 'device', {
      words: 'Only devices come in colorways.',
      reason: 'not_a_device',
    });
    return setOptions(deps, tx, row, { colorways: inEnumOrder(ZColorway.options, input.colorways) });
  });
}

export function setPodOptions(deps: EditDeps, actor: AuditActor, input: TStorePodOptionsUpdate) {
  return storeEdit(deps, actor, async (tx) => {
    const row = await productOfKind(deps, tx, input.sku, 'pods', {
      words: 'Only pods have flavours and nicotine levels.',
      reason: 'not_pods',
    });
    return setOptions(deps, tx, row, {
      flavors: inEnumOrder(ZPodFlavor.options, input.flavors),
      nicotine: {
        vape: inEnumOrder(ZNicotine.options, input.nicotine.vape),
        fresh: inEnumOrder(ZNicotine.options, input.nicotine.fresh),
      },
    });
  });
}

/** Writes one store setting (creating its row if an operator's database lacks it). */
async function putSetting(deps: EditDeps, tx: Database, key: string, value: unknown): Promise<Change> {
  const s = deps.db.t.settings;
  const [row] = await tx.select({ value: s.value }).from(s).where(eq(s.key, key)).limit(1);
  if (row && same(row.value, value)) return null;
  const now = deps.clock.now();
  await tx
    .insert(s)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: s.key, set: { value, updatedAt: now } });
  return {
    action: `store.${key}_set`,
    targetType: 'settings',
    targetId: key,
    before: row?.value ?? null,
    after: value,
  };
}

const cents = (usdt: string) => Number(usdtToCents(usdt));

export function setShipping(deps: EditDeps, actor: AuditActor, input: TStoreShippingUpdate) {
  const fees: ShippingFees = ZShippingFees.parse({
    defaultCents: cents(input.defaultFee),
    byCountry: Object.fromEntries(
      [...input.byCountry]
        .sort((a, b) => a.country.localeCompare(b.country))
        .map((row) => [row.country, cents(row.fee)]),
    ),
  });
  return storeEdit(deps, actor, (tx) => putSetting(deps, tx, settingKeys.shippingFees, fees));
}

export function setVapeCountries(deps: EditDeps, actor: AuditActor, input: TStoreVapeCountriesUpdate) {
  const countries = ZVapeCountries.parse([...new Set(input.countries)].sort());
  return storeEdit(deps, actor, (tx) => putSetting(deps, tx, settingKeys.vapeCountries, countries));
}
