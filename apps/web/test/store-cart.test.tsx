import { cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { CART_STORAGE_KEY } from '../src/store/cart';
import { signedOutSession } from './campaign-fixtures';
import { renderApp } from './render';
import { storeWire } from './store-fixtures';

// The first test of a file also transforms the lazily loaded store chunk.
vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
  localStorage.clear();
});

/** A store tab: its own router, query cache and tRPC client, sharing only this browser's storage. */
async function openTab() {
  const wire = storeWire({}, signedOutSession);
  const tab = renderApp('/store', wire.fetch);
  const view = within(tab.container as HTMLElement);
  await view.findByRole('heading', { name: 'Products' }, { timeout: 5000 });
  return { view, wire };
}

const cartOf = (view: ReturnType<typeof within>) => view.findByTestId('cart');
const LINE = { selector: '[data-testid="cart"] li span' };

describe('cart shared by the tabs of one browser', () => {
  it('shows a line added in one tab in the other, and a change or removal made there back in the first', async () => {
    const a = await openTab();
    const b = await openTab();
    expect(b.view.getByTestId('cart-empty')).toBeTruthy();

    const vape = a.view.getByTestId('product-device-vape');
    fireEvent.change(within(vape).getByLabelText('Colorway'), { target: { value: 'white' } });
    fireEvent.click(within(vape).getByRole('button', { name: 'Add vape device to cart' }));
    const pods = a.view.getByTestId('product-pods');
    fireEvent.change(within(pods).getByLabelText('Flavor'), { target: { value: 'mint_ice' } });
    fireEvent.change(within(pods).getByLabelText('Nicotine'), { target: { value: '2' } });
    fireEvent.change(within(pods).getByLabelText('Boxes'), { target: { value: '3' } });
    fireEvent.click(within(pods).getByRole('button', { name: 'Add pods to cart' }));

    const inB = await cartOf(b.view);
    await within(inB).findByText('Vape pods, Mint Ice, 2% nicotine', LINE);
    expect(within(inB).getByText('Vape device, White', LINE)).toBeTruthy();
    expect(
      (within(inB).getByLabelText('Quantity of Vape pods, Mint Ice, 2% nicotine') as HTMLInputElement).value,
    ).toBe('3');

    fireEvent.change(within(inB).getByLabelText('Quantity of Vape device, White'), {
      target: { value: '2' },
    });
    const inA = await cartOf(a.view);
    await waitFor(() =>
      expect((within(inA).getByLabelText('Quantity of Vape device, White') as HTMLInputElement).value).toBe(
        '2',
      ),
    );

    fireEvent.click(within(inA).getByRole('button', { name: 'Remove Vape pods, Mint Ice, 2% nicotine' }));
    await waitFor(() => expect(within(inB).queryByText('Vape pods, Mint Ice, 2% nicotine', LINE)).toBeNull());
    // Nothing here asked the server about prices: the cart holds choices, the quote holds prices.
    expect(a.wire.inputsFor('device.quote')).toEqual([]);
  });

  it('adds to the existing line for the same choice, and the fresh pods carry no nicotine', async () => {
    const a = await openTab();
    const fresh = a.view.getByTestId('product-device-fresh');
    fireEvent.click(within(fresh).getByRole('button', { name: 'Add fresh device to cart' }));
    fireEvent.click(within(fresh).getByRole('button', { name: 'Add fresh device to cart' }));
    const pods = a.view.getByTestId('product-pods');
    fireEvent.change(within(pods).getByLabelText('Fits'), { target: { value: 'fresh' } });
    expect(within(pods).queryByLabelText('Nicotine')).toBeNull();
    fireEvent.click(within(pods).getByRole('button', { name: 'Add pods to cart' }));
    const cart = await cartOf(a.view);
    await within(cart).findByText('Fresh pods, Peach Oolong', LINE);
    const stored = JSON.parse(localStorage.getItem(CART_STORAGE_KEY) ?? '{}');
    expect(stored.items).toEqual([
      { kind: 'device', variant: 'fresh', colorway: 'silver', quantity: 2 },
      { kind: 'pods', variant: 'fresh', flavor: 'peach_oolong', quantity: 1 },
    ]);
  });

  it('follows a change another tab wrote, announced by the storage event', async () => {
    const a = await openTab();
    const written = JSON.stringify({
      items: [{ kind: 'device', variant: 'vape', colorway: 'black', quantity: 4 }],
      country: 'US',
      passCode: null,
    });
    localStorage.setItem(CART_STORAGE_KEY, written);
    window.dispatchEvent(new StorageEvent('storage', { key: CART_STORAGE_KEY, newValue: written }));
    const cart = await cartOf(a.view);
    expect((within(cart).getByLabelText('Quantity of Vape device, Black') as HTMLInputElement).value).toBe(
      '4',
    );
  });

  it('reads a damaged stored cart as empty instead of failing the page', async () => {
    localStorage.setItem(CART_STORAGE_KEY, '{"items":[{"kind":"device","variant":"gold"}]}');
    const a = await openTab();
    expect(a.view.getByTestId('cart-empty')).toBeTruthy();
    expect(a.view.getByTestId('store-sign-in')).toBeTruthy();
  });
});
