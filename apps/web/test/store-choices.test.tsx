import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { renderApp } from './render';
import { memberRules, ONE_VAPE, storeCart, storeWire } from './store-fixtures';
import { ok } from './wire';

vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
  localStorage.clear();
});

const optionsOf = (select: HTMLElement) =>
  [...(select as HTMLSelectElement).options].filter((o) => !o.disabled).map((o) => o.value);

async function deviceCard(sku: string) {
  const card = await screen.findByTestId(`product-${sku}`, {}, { timeout: 10_000 });
  return within(card);
}

describe('store choices come from the rules the server applies', () => {
  it('offers a whitelist holder only Community, chosen by default, and quotes it without a refusal', async () => {
    const wire = storeWire({
      'user.eligibleProducts': () => ok({ entitlements: [], store: memberRules(true) }),
    });
    renderApp('/store', wire.fetch);
    const vape = await deviceCard('device-vape');
    const colorway = await vape.findByLabelText('Colorway');
    expect(optionsOf(colorway)).toEqual(['community']);
    expect((colorway as HTMLSelectElement).value).toBe('community');
    fireEvent.click(vape.getByRole('button', { name: 'Add vape device to cart' }));
    fireEvent.change(await screen.findByLabelText('Country'), { target: { value: 'US' } });
    await waitFor(() => expect(wire.inputsFor('device.quote').length).toBeGreaterThan(0));
    expect(wire.inputsFor('device.quote').at(-1)).toMatchObject({
      items: [{ kind: 'device', variant: 'vape', colorway: 'community' }],
    });
  });

  it('never offers a member who is not a holder the Community colorway', async () => {
    renderApp('/store', storeWire().fetch);
    const vape = await deviceCard('device-vape');
    expect(optionsOf(await vape.findByLabelText('Colorway'))).toEqual(['black', 'white']);
    const fresh = await deviceCard('device-fresh');
    expect(optionsOf(fresh.getByLabelText('Colorway'))).toEqual(['silver']);
  });

  it('asks for an allowed colorway in the cart instead of a quote the server would refuse', async () => {
    storeCart(ONE_VAPE); // Black, chosen before signing in as a holder
    const wire = storeWire({
      'user.eligibleProducts': () => ok({ entitlements: [], store: memberRules(true) }),
    });
    renderApp('/store', wire.fetch);
    const problem = await screen.findByTestId('cart-line-problem', {}, { timeout: 10_000 });
    expect(wire.inputsFor('device.quote')).toEqual([]);
    const select = within(problem).getByRole('combobox');
    expect(optionsOf(select)).toEqual(['community']);
    fireEvent.change(select, { target: { value: 'community' } });
    await waitFor(() => expect(wire.inputsFor('device.quote')).toHaveLength(1));
    expect(wire.inputsFor('device.quote')[0]).toMatchObject({
      items: [{ kind: 'device', variant: 'vape', colorway: 'community', quantity: 1 }],
    });
    expect(screen.queryByTestId('cart-line-problem')).toBeNull();
  });
});
