import type { TColorway, TDeviceVariant, TNicotine, TPodFlavor, TQuoteItem } from '@puffy/contracts';
import type { TFunction } from 'i18next';

/** The store's words come from its catalog (locales/<language>/store.json). */
export type StoreT = TFunction<'store'>;

/** A colorway's short name ("Community"); the catalog's option label adds who may buy it. */
export const colorwayName = (t: StoreT, colorway: TColorway): string => t(`colorway.${colorway}`);

/** One cart or quote line in words: "Vape device, Black" or "Vape pods, Mint Ice, 2% nicotine". */
export function describeItem(
  t: StoreT,
  item: {
    kind: TQuoteItem['kind'];
    variant: TDeviceVariant;
    colorway?: TColorway | null;
    flavor?: TPodFlavor | null;
    nicotine?: TNicotine | null;
  },
): string {
  const variant = t(`variant.${item.variant}`);
  const parts = [item.kind === 'device' ? t('item.device', { variant }) : t('item.pods', { variant })];
  if (item.colorway) parts.push(colorwayName(t, item.colorway));
  if (item.flavor) parts.push(t(`flavor.${item.flavor}`));
  if (item.nicotine) parts.push(t(`nicotine.${item.nicotine}`));
  return parts.join(t('item.separator'));
}

/** An order's short name: the first part of its id, as the order page and the emails show it. */
export const orderNumber = (id: string): string => id.slice(0, 8);

export { formatUsdt as usdt } from '../lib/format';
