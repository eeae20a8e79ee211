import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { renderApp } from './render';
import { ADDRESS, catalog, ONE_VAPE, orderOf, quoteOf, storeCart, storeWire } from './store-fixtures';
import { failure, ok } from './wire';

vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
  localStorage.clear();
  vi.restoreAllMocks();
});

async function checkoutSection() {
  const heading = await screen.findByRole('heading', { name: 'Checkout' });
  const section = heading.closest('section');
  if (!section) throw new Error('no checkout');
  return within(section);
}

function fillAddress(view: ReturnType<typeof within>) {
  const set = (label: string, value: string) =>
    fireEvent.change(view.getByLabelText(label), { target: { value } });
  set('Full name', ADDRESS.name);
  set('Email', ADDRESS.email);
  set('Phone', ADDRESS.phone);
  set('Address line 1', ADDRESS.line1);
  set('City', ADDRESS.city);
  set('State or region (optional)', ADDRESS.state);
  set('Postal code', ADDRESS.postalCode);
}

describe('quote', () => {
  it('quotes the cart for its country and shows every line, discount, the shipping and the total', async () => {
    storeCart({
      ...ONE_VAPE,
      items: [
        ...ONE_VAPE.items,
        { kind: 'pods', variant: 'vape', flavor: 'mint_ice', nicotine: '2', quantity: 2 },
      ],
    });
    const wire = storeWire({
      'device.quote': () =>
        ok(
          quoteOf({
            lines: [
              {
                sku: 'device-vape',
                kind: 'device',
                variant: 'vape',
                colorway: 'black',
                flavor: null,
                nicotine: null,
                quantity: 1,
                unitPrice: '99.00',
                discount: '99.00',
                total: '0.00',
              },
              {
                sku: 'pods',
                kind: 'pods',
                variant: 'vape',
                colorway: null,
                flavor: 'mint_ice',
                nicotine: '2',
                quantity: 2,
                unitPrice: '9.99',
                discount: '0.00',
                total: '19.98',
              },
            ],
            subtotal: '117.98',
            discounts: [
              { rule: 'device_pass', amount: '99.00', description: 'Device pass: the device fee is waived' },
            ],
            shipping: '50.00',
            total: '69.98',
          }),
        ),
    });
    renderApp('/store', wire.fetch);
    const checkout = await checkoutSection();
    const quote = await checkout.findByTestId('quote');
    expect(within(quote).getByText('Vape device, Black')).toBeTruthy();
    expect(within(quote).getByText('Vape pods, Mint Ice, 2% nicotine')).toBeTruthy();
    expect(within(quote).getByText('Device pass: the device fee is waived: −99.00 USDT')).toBeTruthy();
    expect(within(quote).getByTestId('quote-shipping').textContent).toBe('50.00 USDT');
    expect(within(quote).getByTestId('quote-total').textContent).toBe('69.98 USDT');
    expect(wire.inputsFor('device.quote')).toEqual([
      {
        items: [
          { kind: 'device', variant: 'vape', colorway: 'black', quantity: 1 },
          { kind: 'pods', variant: 'vape', flavor: 'mint_ice', nicotine: '2', quantity: 2 },
        ],
        country: 'US',
      },
    ]);
  });

  it('shows a refusal in the server’s words without its rule name, and asks again when the country changes', async () => {
    // The catalog the page holds may be older than the settings the server quotes with.
    storeCart({ ...ONE_VAPE, country: 'US' });
    const wire = storeWire({
      'device.quote': (attempt) =>
        attempt === 0
          ? failure(
              'device.quote',
              'BAD_REQUEST',
              400,
              'The vape ships only to CA, GB (rule: vape_country)',
              {
                reason: 'vape_country',
              },
            )
          : ok(quoteOf({ shipping: '40.00', total: '139.00' })),
    });
    renderApp('/store', wire.fetch);
    const checkout = await checkoutSection();
    expect(await checkout.findByText('The vape ships only to CA, GB')).toBeTruthy();
    expect(checkout.queryByText(/rule/)).toBeNull();
    fireEvent.change(checkout.getByLabelText('Country'), { target: { value: 'DE' } });
    expect((await checkout.findByTestId('quote-total')).textContent).toBe('139.00 USDT');
    expect(wire.inputsFor('device.quote').map((i) => (i as { country: string }).country)).toEqual([
      'US',
      'DE',
    ]);
  });

  it('offers only the vape countries for a vape, and never quotes a country it cannot ship to', async () => {
    storeCart({ ...ONE_VAPE, country: 'CN' }); // chosen for another cart before the vape was added
    const wire = storeWire();
    renderApp('/store', wire.fetch);
    const checkout = await checkoutSection();
    const country = checkout.getByLabelText('Country') as HTMLSelectElement;
    const offered = [...country.options].filter((o) => !o.disabled).map((o) => o.value);
    expect(offered.filter((code) => code !== 'CN').sort()).toEqual([...catalog.vapeCountries].sort());
    await waitFor(() => expect(country.getAttribute('aria-invalid')).toBe('true'));
    expect(checkout.getByText(/The vape does not ship to China/)).toBeTruthy();
    expect(wire.inputsFor('device.quote')).toEqual([]);
    fireEvent.change(country, { target: { value: 'JP' } });
    await checkout.findByTestId('quote-total');
    expect(wire.inputsFor('device.quote').map((i) => (i as { country: string }).country)).toEqual(['JP']);
  });

  it('asks again by itself when the quote runs out while the page is open, and says whether the total moved', async () => {
    storeCart(ONE_VAPE);
    const wire = storeWire({
      'device.quote': (attempt) =>
        attempt === 0
          ? ok(quoteOf({ quoteId: 'q-old', expiresAt: new Date(Date.now() + 300).toISOString() }))
          : ok(quoteOf({ quoteId: 'q-new', total: '159.00' })),
    });
    renderApp('/store', wire.fetch);
    const checkout = await checkoutSection();
    await checkout.findByTestId('quote');
    const notice = await checkout.findByTestId('quote-notice', {}, { timeout: 3000 });
    expect(notice.textContent).toBe(
      'Your quote expired, so we asked for a new one. The total changed from 149.00 USDT to 159.00 USDT.',
    );
    expect(checkout.getByTestId('quote').getAttribute('data-quote-id')).toBe('q-new');
  });

  it('asks again before placing the order when the quote is older than 30 s, and stops to show a new total', async () => {
    storeCart(ONE_VAPE);
    const wire = storeWire({
      'device.quote': (attempt) =>
        attempt === 0
          ? ok(quoteOf({ quoteId: 'q-old' }))
          : ok(quoteOf({ quoteId: 'q-new', total: '151.00' })),
      'order.checkout': () => ok(orderOf()),
      'order.get': () => ok(orderOf()),
    });
    renderApp('/store', wire.fetch);
    const checkout = await checkoutSection();
    await checkout.findByTestId('quote');
    fillAddress(checkout);
    const realNow = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(realNow + 31_000);
    fireEvent.click(checkout.getByRole('button', { name: 'Place order' }));
    const notice = await checkout.findByTestId('quote-notice');
    expect(notice.textContent).toContain('more than 30 seconds old');
    expect(notice.textContent).toContain('The total changed from 149.00 USDT to 151.00 USDT.');
    expect(checkout.getByText('Check the new total, then place the order again.')).toBeTruthy();
    expect(wire.inputsFor('order.checkout')).toEqual([]);

    // The member has seen the new total: the second click checks out with the new quote.
    fireEvent.click(checkout.getByRole('button', { name: 'Place order' }));
    await screen.findByTestId('order');
    expect(wire.inputsFor('order.checkout')).toMatchObject([{ quoteId: 'q-new' }]);
    expect(wire.inputsFor('device.quote')).toHaveLength(2);
  });

  it('asks again when the server says the quote changed, and explains with its message', async () => {
    storeCart(ONE_VAPE);
    const wire = storeWire({
      'device.quote': (attempt) =>
        attempt === 0
          ? ok(quoteOf({ quoteId: 'q-old' }))
          : ok(quoteOf({ quoteId: 'q-new', total: '139.00' })),
      'order.checkout': (attempt) =>
        attempt === 0
          ? failure(
              'order.checkout',
              'PRECONDITION_FAILED',
              412,
              'Prices or rules changed since this quote; get a fresh quote and check the new total.',
              { reason: 'quote_changed' },
            )
          : ok(orderOf()),
      'order.get': () => ok(orderOf()),
    });
    renderApp('/store', wire.fetch);
    const checkout = await checkoutSection();
    await checkout.findByTestId('quote');
    fillAddress(checkout);
    fireEvent.click(checkout.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(checkout.getByTestId('quote').getAttribute('data-quote-id')).toBe('q-new'));
    expect(checkout.getByTestId('quote-notice').textContent).toBe(
      'Prices or rules changed since this quote; get a fresh quote and check the new total. We asked for a new quote. The total changed from 149.00 USDT to 139.00 USDT.',
    );
    fireEvent.click(checkout.getByRole('button', { name: 'Place order' }));
    await screen.findByTestId('order');
    const keys = wire.inputsFor('order.checkout') as Array<{ quoteId: string; idempotencyKey: string }>;
    expect(keys.map((k) => k.quoteId)).toEqual(['q-old', 'q-new']);
    // Another quote is another request, so it carries another idempotency key.
    expect(keys[0]?.idempotencyKey).not.toBe(keys[1]?.idempotencyKey);
  });
});
