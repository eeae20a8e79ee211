import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { renderApp } from './render';
import { ok, versionOf, wireTransport } from './wire';

const admin = {
  signedIn: true,
  user: {
    id: 'admin-1',
    walletAddress: '7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq',
    walletAddressHex: null,
    chain: 'sol',
    role: 'admin',
    scopes: ['users', 'campaigns', 'settings', 'orders'],
    name: null,
    avatarUrl: null,
    createdAt: '2026-11-23T00:00:00.000Z',
  },
  csrfToken: 'csrf',
  expiresAt: '2099-01-01T00:00:00.000Z',
  sessionExpiresAt: '2099-01-01T00:00:00.000Z',
};

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('admin menu', { timeout: 30_000 }, () => {
  it('goes to the real section from every sub-page, entry after entry', async () => {
    const wire = wireTransport((path) => (path === 'auth.session' ? ok(admin) : ok(versionOf())));
    const { router } = renderApp('/admin/orders', wire.fetch);
    const nav = await screen.findByRole('navigation', { name: 'Admin' }, { timeout: 15_000 });
    const entries = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent ?? '');
    expect(entries).toHaveLength(11);
    // Each click starts from the section the previous click opened: that is where relative links broke.
    for (const entry of [...entries, ...entries]) {
      const link = within(nav).getByRole('link', { name: entry });
      const href = link.getAttribute('href') ?? '';
      expect(href).toMatch(/^\/admin\/[a-z]+$/);
      fireEvent.click(link);
      expect(router.state.location.pathname).toBe(href);
      expect(screen.queryByText(/This section is not there/)).toBeNull();
    }
  });
});
