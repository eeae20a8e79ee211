import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import StoreSettingsPage from '../../src/pages/admin/store-settings';
import { renderApp } from '../render';
import { failure, ok, versionOf, wireTransport } from '../wire';

/** What admin.store.settings answers on a freshly migrated database. */
const migrated = () => ({
  products: [
    {
      sku: 'device-vape',
      kind: 'device',
      variant: 'vape',
      name: 'Puffy device (vape)',
      price: '99.00',
      active: true,
      colorways: ['community', 'black', 'white'],
      flavors: [],
      nicotine: {},
    },
    {
      sku: 'device-fresh',
      kind: 'device',
      variant: 'fresh',
      name: 'Puffy device (fresh)',
      price: '99.00',
      active: true,
      colorways: ['community', 'silver'],
      flavors: [],
      nicotine: {},
    },
    {
      sku: 'pods',
      kind: 'pods',
      variant: null,
      name: 'Puffy pods (box)',
      price: '9.99',
      active: true,
      colorways: [],
      flavors: ['peach_oolong', 'mint_ice', 'watermelon_ice'],
      nicotine: { vape: ['0', '2'], fresh: [] },
    },
  ],
  shipping: {
    defaultFee: '40.00',
    byCountry: [
      { country: 'CN', fee: '50.00' },
      { country: 'US', fee: '50.00' },
    ],
  },
  vapeCountries: ['AU', 'CA', 'DE', 'FR', 'GB', 'JP', 'US'],
});

const mount = (fetchImpl: typeof fetch) =>
  renderApp('/admin/store', fetchImpl, [{ path: '/admin/store', element: <StoreSettingsPage /> }]);

const card = async (title: string) => {
  const heading = await screen.findByRole('heading', { name: title });
  return heading.closest('[data-slot="card"]') as HTMLElement;
};

// Radix's checkbox measures itself inside a form with ResizeObserver, which every browser has and
// jsdom does not; the sizes do not matter here.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

afterEach(cleanup);

describe('admin Store section', { timeout: 30_000 }, () => {
  it('changes a price and shows what the server saved', async () => {
    const wire = wireTransport((path) => {
      if (path === 'admin.store.settings') return ok(migrated());
      if (path === 'admin.store.updateProduct') {
        const saved = migrated();
        if (saved.products[0]) saved.products[0].price = '89.50';
        return ok(saved);
      }
      return ok(versionOf());
    });
    mount(wire.fetch);
    const vape = await card('Puffy device (vape)');
    expect(within(vape).getByText(/99\.00 USDT/)).toBeTruthy();
    const save = within(vape).getByRole('button', { name: 'Save product' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(within(vape).getByLabelText('Price (USDT)'), { target: { value: '89.5' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    expect(await within(vape).findByText(/Saved\. New quotes use it now\./)).toBeTruthy();
    expect(within(vape).getByText(/89\.50 USDT/)).toBeTruthy();
    expect((within(vape).getByLabelText('Price (USDT)') as HTMLInputElement).value).toBe('89.50');
    expect(wire.inputsFor('admin.store.updateProduct')).toEqual([
      { sku: 'device-vape', name: 'Puffy device (vape)', price: '89.5', active: true },
    ]);
  });

  it('refuses a price finer than a cent and colorways without community in the browser, sending nothing', async () => {
    const wire = wireTransport((path) =>
      path === 'admin.store.settings' ? ok(migrated()) : ok(versionOf()),
    );
    mount(wire.fetch);
    const pods = await card('Puffy pods (box)');
    const price = within(pods).getByLabelText('Price (USDT)');
    fireEvent.change(price, { target: { value: '9.999' } });
    fireEvent.click(within(pods).getByRole('button', { name: 'Save product' }));
    expect(await within(pods).findByText(/with at most two decimals/)).toBeTruthy();
    expect(price.getAttribute('aria-invalid')).toBe('true');

    const vape = await card('Puffy device (vape)');
    fireEvent.click(within(vape).getByRole('checkbox', { name: /Community/ }));
    fireEvent.click(within(vape).getByRole('button', { name: 'Save colorways' }));
    expect(await within(vape).findByText(/Keep the community colorway/)).toBeTruthy();

    const vapeLevels = within(pods).getByRole('group', { name: 'Nicotine levels for vape pods' });
    fireEvent.click(within(vapeLevels).getByRole('checkbox', { name: '0% nicotine' }));
    fireEvent.click(within(vapeLevels).getByRole('checkbox', { name: '2% nicotine' }));
    fireEvent.click(within(pods).getByRole('button', { name: 'Save pod options' }));
    expect(await within(pods).findByText('Vape pods need at least one nicotine level')).toBeTruthy();
    expect(wire.inputsFor('admin.store.updateProduct')).toEqual([]);
    expect(wire.inputsFor('admin.store.setColorways')).toEqual([]);
    expect(wire.inputsFor('admin.store.setPodOptions')).toEqual([]);
  });

  it('edits shipping fees by country, upper-casing codes, and shows a server refusal in words', async () => {
    const wire = wireTransport((path, attempt) => {
      if (path === 'admin.store.settings') return ok(migrated());
      if (path === 'admin.store.setShipping')
        return attempt === 0
          ? failure(path, 'TOO_MANY_REQUESTS', 429, 'Too many requests. Try again in 1 seconds.', {
              retryAfterSeconds: 1,
              reason: 'rate_limited',
            })
          : ok({
              ...migrated(),
              shipping: {
                defaultFee: '35.00',
                byCountry: [
                  { country: 'GB', fee: '12.50' },
                  { country: 'US', fee: '50.00' },
                ],
              },
            });
      return ok(versionOf());
    });
    mount(wire.fetch);
    const shipping = await card('Shipping fees');
    fireEvent.change(within(shipping).getByLabelText('Default fee (USDT)'), { target: { value: '35' } });
    fireEvent.click(within(shipping).getByRole('button', { name: 'Remove CN' }));
    fireEvent.click(within(shipping).getByRole('button', { name: 'Add a country' }));
    const codes = within(shipping).getAllByLabelText('Country code');
    const fees = within(shipping).getAllByLabelText('Fee (USDT)');
    fireEvent.change(codes.at(-1) as HTMLElement, { target: { value: 'gb' } });
    expect(within(shipping).getByText('United Kingdom')).toBeTruthy();
    fireEvent.change(fees.at(-1) as HTMLElement, { target: { value: '12.5' } });
    fireEvent.click(within(shipping).getByRole('button', { name: 'Save shipping fees' }));
    expect(await within(shipping).findByText('Too many attempts')).toBeTruthy();
    await waitFor(() =>
      expect(
        (within(shipping).getByRole('button', { name: 'Save shipping fees' }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
    fireEvent.click(within(shipping).getByRole('button', { name: 'Save shipping fees' }));
    expect(await within(shipping).findByText(/Saved\./)).toBeTruthy();
    expect(wire.inputsFor('admin.store.setShipping').at(-1)).toEqual({
      defaultFee: '35',
      byCountry: [
        { country: 'US', fee: '50.00' },
        { country: 'GB', fee: '12.5' },
      ],
    });
  });

  it('refuses a code that is not a country, adds and removes vape countries by name, and saves the list', async () => {
    const wire = wireTransport((path) => {
      if (path === 'admin.store.settings') return ok(migrated());
      if (path === 'admin.store.setVapeCountries')
        return ok({ ...migrated(), vapeCountries: ['AU', 'CA', 'DE', 'FR', 'GB', 'NZ', 'US'] });
      return ok(versionOf());
    });
    mount(wire.fetch);
    const vape = await card('Vape countries');
    expect(within(vape).getByText('Japan')).toBeTruthy();
    const add = within(vape).getByLabelText('Add a country');
    fireEvent.change(add, { target: { value: 'eu' } });
    fireEvent.click(within(vape).getByRole('button', { name: 'Add' }));
    expect(await within(vape).findByText(/Not a country code we know/)).toBeTruthy();
    fireEvent.change(add, { target: { value: 'nz' } });
    fireEvent.click(within(vape).getByRole('button', { name: 'Add' }));
    expect(await within(vape).findByText('New Zealand')).toBeTruthy();
    fireEvent.click(within(vape).getByRole('button', { name: 'Remove Japan' }));
    fireEvent.click(within(vape).getByRole('button', { name: 'Save vape countries' }));
    expect(await within(vape).findByText(/Saved\./)).toBeTruthy();
    expect(within(vape).queryByText('Japan')).toBeNull();
    expect(wire.inputsFor('admin.store.setVapeCountries')).toEqual([
      { countries: ['AU', 'CA', 'DE', 'FR', 'GB', 'NZ', 'US'] },
    ]);
  });

  it('says plainly when a setting is missing, so the store cannot quote', async () => {
    const wire = wireTransport((path) =>
      path === 'admin.store.settings'
        ? ok({ ...migrated(), shipping: null, vapeCountries: null })
        : ok(versionOf()),
    );
    mount(wire.fetch);
    expect(await screen.findByText(/No shipping fees are set, so the store cannot quote/)).toBeTruthy();
    expect(screen.getByText(/No vape countries are set, so the store cannot quote/)).toBeTruthy();
  });
});
