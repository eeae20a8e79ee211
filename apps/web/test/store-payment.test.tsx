import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import bs58 from 'bs58';
import jsQR from 'jsqr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { PaymentQr } from '../src/store/payment-qr';
import { SOLANA_WALLET } from './campaign-fixtures';
import { renderApp } from './render';
import { installWallet, uninstallWallets } from './standard-wallet';
import { orderOf, storeWire } from './store-fixtures';
import { failure, ok } from './wire';

vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  uninstallWallets();
  cleanup();
  setCsrfToken(null);
  localStorage.clear();
});

/** Reads the QR code back the way a phone does: the drawn modules as pixels, decoded by jsQR. */
function decodeQr(svg: SVGSVGElement): string | null {
  const size = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  const d = svg.querySelector('path')?.getAttribute('d') ?? '';
  for (const [, x, y] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy += 1) {
      for (let dx = 0; dx < scale; dx += 1) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels.fill(0, at, at + 3);
      }
    }
  }
  return jsQR(pixels, width, width)?.data ?? null;
}

const TRANSACTION = btoa(String.fromCharCode(...Array.from({ length: 200 }, (_, i) => i % 256)));
const SIGNATURE_BYTES = Uint8Array.from({ length: 64 }, (_, i) => (i * 7 + 1) % 256);

describe('paying an order', () => {
  it('draws the Solana Pay request as a QR code that decodes to the exact URL', () => {
    const url =
      'solana:9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin?amount=149&spl-token=Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB&reference=7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq&memo=%7B%22order_id%22%3A%22ord-7f3a9c21%22%7D';
    render(<PaymentQr url={url} label="QR" />);
    const svg = screen.getByRole('img', { name: 'QR' }) as unknown as SVGSVGElement;
    expect(decodeQr(svg)).toBe(url);
  });

  it('pays in one click with a Wallet Standard wallet: the server’s transaction, signed and sent, then reported', async () => {
    const send = installWallet(async () => [{ signature: SIGNATURE_BYTES }]);
    const wire = storeWire({
      'order.get': () => ok(orderOf()),
      'order.paymentTransaction': () => ok({ transaction: TRANSACTION, message: 'Pay 149.00 USDT' }),
      'order.submitPayment': () =>
        ok(orderOf({ status: 'paid', transactionHash: bs58.encode(SIGNATURE_BYTES) })),
    });
    renderApp('/orders/ord-7f3a9c21', wire.fetch);
    const payment = await screen.findByTestId('payment', {}, { timeout: 5000 });
    expect(decodeQr(within(payment).getByTestId('payment-qr') as unknown as SVGSVGElement)).toBe(
      orderOf().payment.solanaPayUrl,
    );
    fireEvent.click(await within(payment).findByRole('button', { name: 'Pay 149.00 USDT with Test Wallet' }));
    await waitFor(() => expect(screen.getByTestId('order').getAttribute('data-status')).toBe('paid'));
    expect(wire.inputsFor('order.paymentTransaction')).toEqual([
      { orderId: 'ord-7f3a9c21', account: SOLANA_WALLET },
    ]);
    expect(send).toHaveBeenCalledTimes(1);
    const [input] = send.mock.calls[0] ?? [];
    expect(input?.chain).toBe('solana:mainnet');
    expect(input?.account.address).toBe(SOLANA_WALLET);
    expect(btoa(String.fromCharCode(...(input?.transaction ?? [])))).toBe(TRANSACTION);
    expect(wire.inputsFor('order.submitPayment')).toEqual([
      { orderId: 'ord-7f3a9c21', transactionHash: bs58.encode(SIGNATURE_BYTES) },
    ]);
  });

  it('shows the server’s refusal (too little USDT) and never asks the wallet to sign', async () => {
    const send = installWallet(async () => [{ signature: SIGNATURE_BYTES }]);
    const wire = storeWire({
      'order.get': () => ok(orderOf()),
      'order.paymentTransaction': () =>
        failure(
          'order.paymentTransaction',
          'PRECONDITION_FAILED',
          412,
          'Your wallet holds 10.50 USDT; this order needs 149.00 USDT (plus a little SOL for the network fee).',
          { reason: 'insufficient_usdt' },
        ),
    });
    renderApp('/orders/ord-7f3a9c21', wire.fetch);
    const payment = await screen.findByTestId('payment', {}, { timeout: 5000 });
    fireEvent.click(await within(payment).findByRole('button', { name: 'Pay 149.00 USDT with Test Wallet' }));
    expect(await within(payment).findByText(/holds 10\.50 USDT/)).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
    expect(wire.inputsFor('order.submitPayment')).toEqual([]);
    expect(screen.getByTestId('order').getAttribute('data-status')).toBe('new');
  });

  it('says so when the member declines in the wallet, and reports nothing', async () => {
    installWallet(async () => {
      throw new Error('User rejected the request.');
    });
    const wire = storeWire({
      'order.get': () => ok(orderOf()),
      'order.paymentTransaction': () => ok({ transaction: TRANSACTION, message: 'Pay 149.00 USDT' }),
    });
    renderApp('/orders/ord-7f3a9c21', wire.fetch);
    const payment = await screen.findByTestId('payment', {}, { timeout: 5000 });
    fireEvent.click(await within(payment).findByRole('button', { name: 'Pay 149.00 USDT with Test Wallet' }));
    expect((await within(payment).findByTestId('wallet-error')).textContent).toBe(
      'User rejected the request.',
    );
    expect(wire.inputsFor('order.submitPayment')).toEqual([]);
    // Ready to try again.
    expect(
      within(payment)
        .getByRole('button', { name: 'Pay 149.00 USDT with Test Wallet' })
        .hasAttribute('disabled'),
    ).toBe(false);
  });
});
