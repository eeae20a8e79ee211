import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { CART_STORAGE_KEY } from '../src/store/cart';
import { renderApp } from './render';
import { ADDRESS, ONE_VAPE, orderOf, storeCart, storeWire } from './store-fixtures';
import { failure, ok } from './wire';

vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
  localStorage.clear();
});

async function checkoutSection() {
  const heading = await screen.findByRole('heading', { name: 'Checkout' });
  const section = heading.closest('section');
  if (!section) throw new Error('no checkout');
  const view = within(section);
  await view.findByTestId('quote');
  return view;
}

const set = (view: ReturnType<typeof within>, label: string, value: string) =>
  fireEvent.change(view.getByLabelText(label), { target: { value } });

function fillAddress(view: ReturnType<typeof within>) {
  set(view, 'Full name', ADDRESS.name);
  set(view, 'Email', ADDRESS.email);
  set(view, 'Phone', ADDRESS.phone);
  set(view, 'Address line 1', ADDRESS.line1);
  set(view, 'City', ADDRESS.city);
  set(view, 'Postal code', ADDRESS.postalCode);
}

type CheckoutSent = { quoteId: string; idempotencyKey: string; shippingAddress: Record<string, unknown> };

describe('checkout', () => {
  it('shows the shared schema’s messages beside the fields and sends nothing while the address is incomplete', async () => {
    storeCart(ONE_VAPE);
    const wire = storeWire();
    renderApp('/store', wire.fetch);
    const checkout = await checkoutSection();
    set(checkout, 'Email', 'not-an-email');
    fireEvent.click(checkout.getByRole('button', { name: 'Place order' }));
    const email = checkout.getByLabelText('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toMatch(/email/i);
    expect(checkout.getByLabelText('Full name').getAttribute('aria-invalid')).toBe('true');
    expect(checkout.getByLabelText('Postal code').getAttribute('aria-invalid')).toBe('true');
    // Optional fields stay quiet.
    expect(checkout.getByLabelText('Address line 2 (optional)').getAttribute('aria-invalid')).toBeNull();
    expect(wire.inputsFor('order.checkout')).toEqual([]);
  });

  it('shows the server’s field errors beside the field', async () => {
    storeCart(ONE_VAPE);
    const wire = storeWire({
      'order.checkout': () =>
        failure('order.checkout', 'BAD_REQUEST', 400, 'Please check the address.', {
          fieldErrors: { 'shippingAddress.phone': ['A phone number has at most 40 characters'] },
        }),
    });
    renderApp('/store', wire.fetch);
    const checkout = await checkoutSection();
    fillAddress(checkout);
    fireEvent.click(checkout.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(checkout.getByLabelText('Phone').getAttribute('aria-invalid')).toBe('true'));
    expect(checkout.getAllByText('A phone number has at most 40 characters').length).toBeGreaterThan(0);
  });

  it('retries one submit with the same idempotency key, and a changed address gets a new one', async () => {
    storeCart(ONE_VAPE);
    const wire = storeWire({
      'order.checkout': (attempt) =>
        attempt < 2
          ? failure(
              'order.checkout',
              'SERVICE_UNAVAILABLE',
              503,
              'A service we depend on is not answering.',
              {
                retryAfterSeconds: null,
              },
            )
          : ok(orderOf({ addressWarnings: ['The postal code does not look like a US ZIP code.'] })),
      'order.get': () =>
        ok(orderOf({ addressWarnings: ['The postal code does not look like a US ZIP code.'] })),
    });
    renderApp('/store', wire.fetch);
    const checkout = await checkoutSection();
    fillAddress(checkout);
    fireEvent.click(checkout.getByRole('button', { name: 'Place order' }));
    fireEvent.click(await checkout.findByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(wire.inputsFor('order.checkout')).toHaveLength(2));
    const [first, retry] = wire.inputsFor('order.checkout') as CheckoutSent[];
    expect(retry?.idempotencyKey).toBe(first?.idempotencyKey);
    expect(first?.idempotencyKey.length).toBeGreaterThanOrEqual(8);
    expect(first?.shippingAddress).toEqual({ ...ADDRESS, state: null });

    await checkout.findByRole('button', { name: 'Try again' });
    set(checkout, 'Address line 2 (optional)', 'Suite 5');
    fireEvent.click(checkout.getByRole('button', { name: 'Place order' }));
    const order = await screen.findByTestId('order');
    const third = (wire.inputsFor('order.checkout') as CheckoutSent[])[2];
    expect(third?.idempotencyKey).not.toBe(first?.idempotencyKey);
    expect(third?.shippingAddress.line2).toBe('Suite 5');
    // Warnings do not block: the order is placed and shows them.
    expect(within(order).getByTestId('address-warnings').textContent).toContain(
      'does not look like a US ZIP',
    );
    // The placed items left the cart (in every tab, through storage).
    expect(JSON.parse(localStorage.getItem(CART_STORAGE_KEY) ?? '{}')).toMatchObject({
      items: [],
      passCode: null,
    });
  });

  it('checks a device pass without using it and quotes with it; a used one is refused with the reason', async () => {
    storeCart(ONE_VAPE);
    const wire = storeWire({
      'device.pass.validate': (attempt) =>
        ok(
          attempt === 0
            ? { code: 'PASS-AAAA-BBBB-CCCC-DDDD', valid: false, reason: 'used' }
            : { code: 'PASS-EEEE-FFFF-GGGG-HHHH', valid: true, reason: null },
        ),
    });
    renderApp('/store', wire.fetch);
    const checkout = await checkoutSection();
    set(checkout, 'Device pass code', 'pass-1234');
    fireEvent.click(checkout.getByRole('button', { name: 'Check pass' }));
    expect(await checkout.findByText('A pass code looks like PASS-XXXX-XXXX-XXXX-XXXX.')).toBeTruthy();
    expect(wire.inputsFor('device.pass.validate')).toEqual([]);

    set(checkout, 'Device pass code', 'pass-aaaa-bbbb-cccc-dddd');
    fireEvent.click(checkout.getByRole('button', { name: 'Check pass' }));
    expect(await checkout.findByText('This pass was already used.')).toBeTruthy();
    set(checkout, 'Device pass code', 'PASS-EEEE-FFFF-GGGG-HHHH');
    fireEvent.click(checkout.getByRole('button', { name: 'Check pass' }));
    await checkout.findByTestId('pass-applied');
    await waitFor(() =>
      expect(wire.inputsFor('device.quote').at(-1)).toMatchObject({ passCode: 'PASS-EEEE-FFFF-GGGG-HHHH' }),
    );
    expect(wire.inputsFor('device.pass.validate')).toEqual([
      { code: 'PASS-AAAA-BBBB-CCCC-DDDD' },
      { code: 'PASS-EEEE-FFFF-GGGG-HHHH' },
    ]);
  });
});
