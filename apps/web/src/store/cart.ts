import {
  type TColorway,
  type TDeviceVariant,
  type TQuoteItem,
  ZCountryCode,
  ZDeviceItem,
  ZPassCode,
  ZPodsItem,
  ZQuoteItem,
} from '@puffy/contracts';
import { useCallback, useSyncExternalStore } from 'react';
import { z } from 'zod';

/**
 * The cart lives in localStorage so every tab of the store sees the same one (docs/product/README.md). A
 * write posts on a BroadcastChannel, which reaches every other tab and every other reader in this tab;
 * the `storage` event covers browsers without BroadcastChannel. The cart holds choices only: prices
 * are always the server's quote.
 */
export const CART_STORAGE_KEY = 'puffy.store.cart';
const CHANNEL = 'puffy.store.cart';

const ZCart = z.object({
  items: z.array(ZQuoteItem).max(10),
  country: ZCountryCode.nullable(),
  passCode: ZPassCode.nullable(),
});
export type Cart = z.infer<typeof ZCart>;

export const EMPTY_CART: Cart = { items: [], country: null, passCode: null };

/** The same choices (everything but the quantity) make one line. */
function sameChoice(a: TQuoteItem, b: TQuoteItem): boolean {
  return JSON.stringify({ ...a, quantity: 0 }) === JSON.stringify({ ...b, quantity: 0 });
}

/** How many of one line the quote accepts: the schema's own bound, so the form never offers more. */
export const maxQuantity = (kind: TQuoteItem['kind']): number =>
  (kind === 'device' ? ZDeviceItem : ZPodsItem).shape.quantity.maxValue ?? 1;

export function addItem(cart: Cart, item: TQuoteItem): Cart {
  const index = cart.items.findIndex((existing) => sameChoice(existing, item));
  if (index === -1) return { ...cart, items: [...cart.items, item].slice(0, 10) };
  return setQuantity(cart, index, (cart.items[index]?.quantity ?? 0) + item.quantity);
}

export function setQuantity(cart: Cart, index: number, quantity: number): Cart {
  const items = cart.items.flatMap((item, i) => {
    if (i !== index) return [item];
    if (quantity < 1) return [];
    return [{ ...item, quantity: Math.min(Math.floor(quantity), maxQuantity(item.kind)) }];
  });
  return { ...cart, items };
}

/** Another colorway for a device line (merged with a line that already has it). */
export function setColorway(cart: Cart, index: number, colorway: TColorway): Cart {
  const item = cart.items[index];
  if (item?.kind !== 'device') return cart;
  const rest = { ...cart, items: cart.items.filter((_, i) => i !== index) };
  return addItem(rest, { ...item, colorway });
}

/** Device lines whose colorway this member may not buy (a cart filled before signing in). */
export function refusedLines(
  cart: Cart,
  allowed: Partial<Record<TDeviceVariant, TColorway[]>> | null,
): number[] {
  if (!allowed) return [];
  return cart.items.flatMap((item, index) =>
    item.kind === 'device' && !(allowed[item.variant] ?? []).includes(item.colorway) ? [index] : [],
  );
}

let cachedRaw: string | null | undefined;
let cachedCart: Cart = EMPTY_CART;

/** A stable snapshot per stored string, as useSyncExternalStore needs; a damaged value reads as empty. */
function readCart(): Cart {
  const raw = localStorage.getItem(CART_STORAGE_KEY);
  if (raw === cachedRaw) return cachedCart;
  cachedRaw = raw;
  let parsed: unknown = null;
  try {
    parsed = raw ? JSON.parse(raw) : null;
  } catch {
    parsed = null;
  }
  const result = ZCart.safeParse(parsed);
  cachedCart = result.success ? result.data : EMPTY_CART;
  return cachedCart;
}

const hasChannel = () => typeof BroadcastChannel !== 'undefined';
const SAME_TAB_EVENT = 'puffy-store-cart';
let sender: BroadcastChannel | null = null;

export function writeCart(cart: Cart): void {
  localStorage.setItem(CART_STORAGE_KEY, JSON.stringify(cart));
  if (hasChannel()) {
    // The sender never hears itself, so every reader (this tab's too) listens on its own channel.
    sender ??= new BroadcastChannel(CHANNEL);
    sender.postMessage('changed');
  } else {
    window.dispatchEvent(new Event(SAME_TAB_EVENT));
  }
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === CART_STORAGE_KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', onStorage);
  const channel = hasChannel() ? new BroadcastChannel(CHANNEL) : null;
  channel?.addEventListener('message', onChange);
  if (!channel) window.addEventListener(SAME_TAB_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    channel?.close();
    window.removeEventListener(SAME_TAB_EVENT, onChange);
  };
}

/** The cart and a way to change it; every tab and every reader sees the change. */
export function useCart(): [Cart, (change: (cart: Cart) => Cart) => void] {
  const cart = useSyncExternalStore(subscribe, readCart, () => EMPTY_CART);
  const update = useCallback((change: (cart: Cart) => Cart) => writeCart(change(readCart())), []);
  return [cart, update];
}
