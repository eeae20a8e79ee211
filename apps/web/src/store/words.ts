import type {
  TColorway,
  TDeviceVariant,
  TNicotine,
  TOrderStatus,
  TPodFlavor,
  TQuoteItem,
} from '@puffy/contracts';

export const VARIANT_LABEL: Record<TDeviceVariant, string> = { vape: 'Vape', fresh: 'Fresh' };

export const COLORWAY_LABEL: Record<TColorway, string> = {
  community: 'Community (whitelist holders)',
  black: 'Black',
  white: 'White',
  silver: 'Silver',
};

export const FLAVOR_LABEL: Record<TPodFlavor, string> = {
  peach_oolong: 'Peach Oolong',
  mint_ice: 'Mint Ice',
  watermelon_ice: 'Watermelon Ice',
};

export const NICOTINE_LABEL: Record<TNicotine, string> = { '0': '0% nicotine', '2': '2% nicotine' };

export const STATUS_LABEL: Record<TOrderStatus, string> = {
  new: 'Awaiting payment',
  paid: 'Payment submitted',
  confirmed: 'Payment confirmed',
  processing: 'Processing',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  expired: 'Expired',
  refunded: 'Refunded',
};

/** One cart or quote line in words: "Vape device, Black" or "Vape pods, Mint Ice, 2% nicotine". */
export function describeItem(item: {
  kind: TQuoteItem['kind'];
  variant: TDeviceVariant;
  colorway?: TColorway | null;
  flavor?: TPodFlavor | null;
  nicotine?: TNicotine | null;
}): string {
  const parts = [`${VARIANT_LABEL[item.variant]} ${item.kind === 'device' ? 'device' : 'pods'}`];
  if (item.colorway) parts.push(COLORWAY_LABEL[item.colorway].replace(' (whitelist holders)', ''));
  if (item.flavor) parts.push(FLAVOR_LABEL[item.flavor]);
  if (item.nicotine) parts.push(NICOTINE_LABEL[item.nicotine]);
  return parts.join(', ');
}

export { formatUsdt as usdt } from '../lib/format';
