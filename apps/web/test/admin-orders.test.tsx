import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { renderApp } from './render';
import { ok, versionOf, wireTransport } from './wire';

const sessionOf = (scopes: string[]) => ({
  signedIn: true,
  user: {
    id: 'admin-1',
    walletAddress: '7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq',
    walletAddressHex: null,
    chain: 'sol',
    role: 'admin',
    scopes,
    name: null,
    avatarUrl: null,
    createdAt: '2026-11-23T00:00:00.000Z',
  },
  csrfToken: 'csrf',
  expiresAt: '2099-01-01T00:00:00.000Z',
  sessionExpiresAt: '2099-01-01T00:00:00.000Z',
});

const order = (id: string, status: string, warnings: string[] = []) => ({
  id,
  userId: 'member-1',
  walletAddress: 'Wallet1',
  status,
  total: '99.00',
  skus: ['device-vape'],
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  country: 'US',
  addressWarnings: warnings,
  transactionHash: null,
  cancelReason: null,
  createdAt: '2026-11-20T00:00:00.000Z',
  updatedAt: '2026-11-20T00:00:00.000Z',
});

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('admin orders desk', () => {
  it('opens Orders and Treasury with the orders scope only', async () => {
    const wire = wireTransport((path) =>
      path === 'auth.session' ? ok(sessionOf(['orders'])) : ok(versionOf()),
    );
    renderApp('/admin', wire.fetch);
    const nav = await screen.findByRole('navigation', { name: 'Admin' }, { timeout: 15_000 });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Orders', 'Treasury']);
  });

  it('moves the selected orders and lists the refused ones with the reason', async () => {
    const wire = wireTransport((path) => {
      if (path === 'auth.session') return ok(sessionOf(['orders']));
      if (path === 'admin.orders.search')
        return ok({
          items: [
            order('order-aaaa1111', 'processing', ['postal code unknown']),
            order('order-bbbb2222', 'new'),
          ],
          nextCursor: null,
        });
      if (path === 'admin.orders.bulkSetStatus')
        return ok({
          changed: [{ orderId: 'order-aaaa1111', from: 'processing', to: 'shipped' }],
          refused: [
            {
              orderId: 'order-bbbb2222',
              code: 'illegal_transition',
              message: 'An order that is new cannot become shipped.',
            },
          ],
        });
      return ok(versionOf());
    });
    renderApp('/admin/orders', wire.fetch);
    expect(await screen.findByText('⚠ postal code unknown')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Select order order-aaaa1111'));
    fireEvent.click(screen.getByLabelText('Select order order-bbbb2222'));
    fireEvent.change(screen.getByLabelText(/selected to/), { target: { value: 'shipped' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply to selected' }));
    const status = await screen.findByText('1 changed, 1 refused.');
    expect(status.parentElement?.textContent).toContain('An order that is new cannot become shipped.');
    const call = wire.calls.find((c) => c.paths.includes('admin.orders.bulkSetStatus'));
    expect(call?.method).toBe('POST');
    expect(call?.headers.get('x-csrf-token')).toBe('csrf');
  });

  it('filters by address warnings through the search input', async () => {
    const wire = wireTransport((path) => {
      if (path === 'auth.session') return ok(sessionOf(['orders']));
      if (path === 'admin.orders.search') return ok({ items: [], nextCursor: null });
      return ok(versionOf());
    });
    renderApp('/admin/orders', wire.fetch);
    expect(await screen.findByText('No order matches these filters.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Address/));
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'confirmed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      const searches = wire.calls.filter((c) => c.paths.includes('admin.orders.search'));
      const input = searches.at(-1)?.url.searchParams.get('input') ?? '';
      expect(input).toContain('"addressWarnings":true');
      expect(input).toContain('"status":"confirmed"');
    });
  });
});

describe('admin treasury', () => {
  it('shows what settles each payment in whole tokens and records a refund', async () => {
    const wire = wireTransport((path) => {
      if (path === 'auth.session') return ok(sessionOf(['orders']));
      if (path === 'admin.treasury.problems')
        return ok({
          items: [
            {
              id: 'pay-1',
              purpose: 'order',
              network: 'sol',
              transactionHash: 'TxHash111111',
              payer: 'Payer1111111',
              recipient: 'Treasury',
              tokenMint: 'usdt',
              unit: 'USDT',
              amount: '90000000',
              expectedAmount: '99000000',
              surplus: '0',
              status: 'rejected',
              orderId: 'order-1',
              nftId: null,
              problems: ['orphaned', 'underpaid'],
              reason: 'This payment sends 90 USDT; the order total is 99 USDT.',
              refundAmount: '90000000',
              shortfall: '9000000',
              refundTransactionHash: null,
              createdAt: '2026-11-20T00:00:00.000Z',
            },
          ],
          nextCursor: null,
        });
      if (path === 'admin.treasury.markRefunded') return ok({});
      return ok(versionOf());
    });
    renderApp('/admin/treasury', wire.fetch);
    expect(await screen.findByText('Refund 90 USDT')).toBeTruthy();
    expect(screen.getByText('or collect 9 USDT more')).toBeTruthy();
    expect(screen.getByText('its order or claim ended; paid too little')).toBeTruthy();
    expect(screen.getByText('This payment sends 90 USDT; the order total is 99 USDT.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Refund transaction'), { target: { value: 'RefundTx' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark refunded' }));
    await waitFor(() =>
      expect(wire.calls.some((c) => c.paths.includes('admin.treasury.markRefunded'))).toBe(true),
    );
  });
});

describe('admin member standing', () => {
  it('shows the standing and signs the member out everywhere', async () => {
    const wire = wireTransport((path) => {
      if (path === 'auth.session') return ok(sessionOf(['users']));
      if (path === 'admin.members.standing')
        return ok({
          info: {
            id: 'member-1',
            walletAddress: 'Wallet1',
            chain: 'sol',
            name: 'Ada',
            email: 'ada@example.com',
            twitter: null,
            points: 40,
            avatarLocked: false,
            nfts: { items: [], hasMore: false },
          },
          role: 'user',
          activeSessions: 2,
          orders: { confirmed: 1 },
          devicePasses: { active: 1, used: 0, revoked: 0 },
        });
      if (path === 'admin.products.ofMember') return ok({ products: [], passes: [] });
      if (path === 'admin.members.revokeSessions') return ok({ userId: 'member-1', sessionsEnded: 2 });
      return ok(versionOf());
    });
    renderApp('/admin/members/member-1', wire.fetch);
    expect((await screen.findByTestId('active-sessions')).textContent).toBe('2 active');
    expect(screen.getByText('1 confirmed')).toBeTruthy();
    expect(await screen.findByText('No products or passes.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText('2 sessions ended.')).toBeTruthy();
  });
});
