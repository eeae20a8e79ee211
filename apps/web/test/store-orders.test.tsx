import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { renderApp } from './render';
import { orderOf, storeWire } from './store-fixtures';
import { failure, ok } from './wire';

vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
  localStorage.clear();
});

const SIGNATURE = '5'.repeat(88);

describe('orders', () => {
  it('pages with the server’s cursor, filters by status, and goes back a page', async () => {
    const wire = storeWire({
      'order.list': (attempt) =>
        ok(
          attempt === 0
            ? { items: [orderOf({ id: 'ord-aaaaaaaa' })], nextCursor: 'c-2' }
            : attempt === 1
              ? { items: [orderOf({ id: 'ord-bbbbbbbb', status: 'cancelled' })], nextCursor: null }
              : { items: [], nextCursor: null },
        ),
    });
    const { router } = renderApp('/orders', wire.fetch);
    const table = await screen.findByTestId('orders', {}, { timeout: 5000 });
    expect(within(table).getByRole('link', { name: 'ord-aaaa' }).getAttribute('href')).toBe(
      '/orders/ord-aaaaaaaa',
    );
    expect(within(table).getByText('149.00 USDT')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Cancelled');
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('link', { name: 'ord-aaaa' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Previous' }).hasAttribute('disabled')).toBe(true);

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'confirmed' } });
    expect(await screen.findByTestId('orders-empty')).toBeTruthy();
    expect(router.state.location.search).toBe('?status=confirmed');
    expect(wire.inputsFor('order.list')).toEqual([
      { limit: 20 },
      { limit: 20, cursor: 'c-2' },
      { limit: 20, status: 'confirmed' },
    ]);
  });

  it('shows an order with its payment instructions, refuses a malformed signature, and submits a good one', async () => {
    const wire = storeWire({
      'order.get': () => ok(orderOf()),
      'order.submitPayment': () => ok(orderOf({ status: 'paid', transactionHash: SIGNATURE })),
    });
    renderApp('/orders/ord-7f3a9c21', wire.fetch);
    const payment = await screen.findByTestId('payment', {}, { timeout: 5000 });
    expect(within(payment).getByTestId('payment-memo').textContent).toBe('puffy-order:ord-7f3a9c21');
    expect(
      within(payment).getByRole('link', { name: 'open the Solana Pay link' }).getAttribute('href'),
    ).toMatch(/^solana:/);
    fireEvent.change(within(payment).getByLabelText('Transaction signature'), { target: { value: '0xabc' } });
    fireEvent.click(within(payment).getByRole('button', { name: 'I have paid' }));
    const signature = within(payment).getByLabelText('Transaction signature');
    await waitFor(() => expect(signature.getAttribute('aria-invalid')).toBe('true'));
    expect(within(payment).getByText(/Paste the whole transaction signature/)).toBeTruthy();
    expect(wire.inputsFor('order.submitPayment')).toEqual([]);

    fireEvent.change(within(payment).getByLabelText('Transaction signature'), {
      target: { value: SIGNATURE },
    });
    fireEvent.click(within(payment).getByRole('button', { name: 'I have paid' }));
    await waitFor(() => expect(screen.getByTestId('order').getAttribute('data-status')).toBe('paid'));
    expect(screen.queryByTestId('payment')).toBeNull();
    const timeline = screen.getByTestId('order-timeline');
    expect(
      [...timeline.querySelectorAll('li[data-status]')].map((li) => li.getAttribute('data-status')),
    ).toEqual(['new', 'paid']);
    expect(wire.inputsFor('order.submitPayment')).toEqual([
      { orderId: 'ord-7f3a9c21', transactionHash: SIGNATURE },
    ]);
  });

  it('shows the recorded history after a reload, not only what happened while the page was open', async () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 10, minutes)).toISOString();
    const wire = storeWire({
      'order.get': () => ok(orderOf({ status: 'confirmed', transactionHash: SIGNATURE })),
      'order.history': () =>
        ok({
          events: [
            { orderId: 'ord-7f3a9c21', status: 'new', reason: null, at: at(0) },
            { orderId: 'ord-7f3a9c21', status: 'paid', reason: null, at: at(5) },
            { orderId: 'ord-7f3a9c21', status: 'confirmed', reason: null, at: at(7) },
          ],
        }),
    });
    renderApp('/orders/ord-7f3a9c21', wire.fetch);
    const timeline = await screen.findByTestId('order-timeline', {}, { timeout: 5000 });
    await waitFor(() =>
      expect(
        [...timeline.querySelectorAll('li[data-status]')].map((li) => li.getAttribute('data-status')),
      ).toEqual(['new', 'paid', 'confirmed']),
    );
    // The states still ahead of a confirmed order follow, as steps it has not reached.
    expect([...timeline.querySelectorAll('li[data-step]')].map((li) => li.textContent)).toEqual([
      'Processing',
      'Shipped',
      'Delivered',
    ]);
    expect(timeline.querySelector('[aria-current="step"]')?.getAttribute('data-status')).toBe('confirmed');
    expect(wire.inputsFor('order.history')).toEqual([{ orderId: 'ord-7f3a9c21' }]);
  });

  it('edits the address and cancels while the order is new; a refusal is shown', async () => {
    const wire = storeWire({
      'order.get': () => ok(orderOf()),
      'order.updateAddress': () =>
        ok(
          orderOf({
            shippingAddress: { ...orderOf().shippingAddress, city: 'Oakland' },
            addressWarnings: [],
          }),
        ),
      'order.cancel': (attempt) =>
        attempt === 0
          ? failure('order.cancel', 'CONFLICT', 409, 'Only a new order can be cancelled; this one is paid.')
          : ok(orderOf({ status: 'cancelled', cancelReason: 'cancelled by you' })),
    });
    renderApp('/orders/ord-7f3a9c21', wire.fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit address' }, { timeout: 5000 }));
    fireEvent.change(screen.getByLabelText('City'), { target: { value: 'Oakland' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save address' }));
    await waitFor(() => expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true'));
    expect(wire.inputsFor('order.updateAddress')).toEqual([]);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save address' }));
    await screen.findByText('Oakland', { exact: false, selector: 'address span' });
    expect(wire.inputsFor('order.updateAddress')).toMatchObject([
      { orderId: 'ord-7f3a9c21', shippingAddress: { city: 'Oakland', line2: null } },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel order' }));
    expect(await screen.findByText('Only a new order can be cancelled; this one is paid.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel order' }));
    await waitFor(() => expect(screen.getByTestId('order').getAttribute('data-status')).toBe('cancelled'));
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
  });
});
