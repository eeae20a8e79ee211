import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { renderApp } from './render';
import { ok, versionOf, wireTransport } from './wire';

const sessionOf = (role: 'user' | 'admin', scopes: string[]) => ({
  signedIn: true,
  user: {
    id: 'admin-1',
    walletAddress: '7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq',
    walletAddressHex: null,
    chain: 'sol',
    role,
    scopes,
    name: null,
    avatarUrl: null,
    createdAt: '2026-11-23T00:00:00.000Z',
  },
  csrfToken: 'csrf',
  expiresAt: '2099-01-01T00:00:00.000Z',
  sessionExpiresAt: '2099-01-01T00:00:00.000Z',
});

const member = (i: number) => ({
  id: `member-${i}`,
  walletAddress: `Wallet${i}`,
  chain: 'sol',
  role: 'user',
  scopes: [],
  name: null,
  email: null,
  createdAt: '2026-11-20T00:00:00.000Z',
});

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('admin console', { timeout: 30_000 }, () => {
  it('refuses a member who is not an admin without showing any console section', async () => {
    const wire = wireTransport((path) =>
      path === 'auth.session' ? ok(sessionOf('user', [])) : ok(versionOf()),
    );
    renderApp('/admin', wire.fetch);
    expect(await screen.findByTestId('admin-refused', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Admin' })).toBeNull();
    expect(wire.calls.flatMap((c) => c.paths).some((p) => p.startsWith('admin.'))).toBe(false);
  });

  it('shows only the sections the admin’s scopes open, and links the console for admins', async () => {
    const wire = wireTransport((path) =>
      path === 'auth.session' ? ok(sessionOf('admin', ['settings'])) : ok(versionOf()),
    );
    renderApp('/admin', wire.fetch);
    const nav = await screen.findByRole('navigation', { name: 'Admin' }, { timeout: 15_000 });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Store', 'Settings']);
    const main = screen.getByRole('navigation', { name: 'Main' });
    expect(within(main).getByRole('link', { name: 'Admin' }).getAttribute('href')).toBe('/admin');
  });

  it('pages through members with the server’s cursor', async () => {
    const wire = wireTransport((path) => {
      if (path === 'auth.session') return ok(sessionOf('admin', ['users']));
      if (path === 'admin.users.search') return ok({ items: [member(1), member(2)], nextCursor: 'next' });
      return ok(versionOf());
    });
    renderApp('/admin/members', wire.fetch);
    expect(await screen.findByText('sol:Wallet1', {}, { timeout: 15_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => {
      const searches = wire.calls.filter((c) => c.paths.includes('admin.users.search'));
      expect(searches).toHaveLength(2);
      expect(searches[1]?.url.searchParams.get('input')).toContain('"cursor":"next"');
    });
  });

  it('checks media hosts with the shared schema before sending, naming the bad line', async () => {
    const wire = wireTransport((path) => {
      if (path === 'auth.session') return ok(sessionOf('admin', ['settings']));
      if (path === 'admin.settings.mediaHosts') return ok({ hosts: ['cdn.example.com'] });
      if (path === 'admin.settings.setMediaHosts')
        return ok({ hosts: ['cdn.example.com', 'img.example.org'] });
      return ok(versionOf());
    });
    renderApp('/admin/settings', wire.fetch);
    const box = (await screen.findByLabelText(
      /Allowed media hosts/,
      {},
      { timeout: 15_000 },
    )) as HTMLTextAreaElement;
    await waitFor(() => expect(box.value).toBe('cdn.example.com'));
    fireEvent.change(box, { target: { value: 'cdn.example.com\nhttps://bad/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('line 2');
    expect(wire.calls.some((c) => c.paths.includes('admin.settings.setMediaHosts'))).toBe(false);

    fireEvent.change(box, { target: { value: 'cdn.example.com\nimg.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    const save = wire.calls.find((c) => c.paths.includes('admin.settings.setMediaHosts'));
    expect(save?.method).toBe('POST');
    expect(save?.headers.get('x-csrf-token')).toBe('csrf');
  });
});

describe('admin funnel', { timeout: 30_000 }, () => {
  it('shows each step with its conversion, asking for whole UTC days', async () => {
    const wire = wireTransport((path) => {
      if (path === 'auth.session') return ok(sessionOf('admin', ['campaigns']));
      if (path === 'admin.funnel')
        return ok({
          steps: [
            { name: 'visit', count: 200, conversion: null },
            { name: 'connect', count: 50, conversion: 0.25 },
            { name: 'sign_in', count: 40, conversion: 0.8 },
            { name: 'eligible', count: 0, conversion: 0 },
            { name: 'claimed', count: 0, conversion: null },
            { name: 'minted', count: 0, conversion: null },
            { name: 'ordered', count: 0, conversion: null },
          ],
        });
      return ok(versionOf());
    });
    renderApp('/admin/funnel', wire.fetch);
    expect(await screen.findByText('Connected a wallet', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText('(25% of the step before)')).toBeTruthy();
    const call = wire.calls.find((c) => c.paths.includes('admin.funnel'));
    const input = JSON.parse(call?.url.searchParams.get('input') ?? '{}')['0'];
    expect(input.from).toMatch(/T00:00:00.000Z$/);
    expect(new Date(input.to).getTime() - new Date(input.from).getTime()).toBe(7 * 24 * 60 * 60 * 1000);
  });
});
