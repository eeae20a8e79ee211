import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { campaignOf } from './campaign-fixtures';
import { renderApp } from './render';
import { failure, ok, versionOf, wireTransport } from './wire';

const signedOut = { signedIn: false };
const signedIn = {
  signedIn: true,
  user: {
    id: 'u1',
    walletAddress: '7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq',
    walletAddressHex: null,
    chain: 'sol',
    role: 'user',
    scopes: [],
    name: null,
    avatarUrl: null,
    createdAt: '2026-11-23T00:00:00.000Z',
  },
  csrfToken: 'csrf-from-session',
  expiresAt: '2099-01-01T00:00:00.000Z',
  sessionExpiresAt: '2099-01-01T00:00:00.000Z',
};

/** Answers the version, and the session as `session` (signed out unless a test says otherwise). */
const serving = (session: unknown = signedOut) =>
  wireTransport((path) => (path === 'auth.session' ? ok(session) : ok(versionOf())));

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('layout', () => {
  it('renders the product name and the navigation, marking the current page', async () => {
    renderApp('/store', serving().fetch);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Home', '/'],
      ['Campaigns', '/campaigns'],
      ['Leaderboard', '/leaderboard'],
      ['Store', '/store'],
      ['Profile', '/profile'],
    ]);
    expect(within(nav).getByRole('link', { name: 'Store' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBeNull();
    expect(screen.getByRole('link', { name: 'Puffy Reward Center' }).getAttribute('href')).toBe('/');
    await screen.findByRole('heading', { name: 'Store', level: 1 }, { timeout: 15_000 });
  });

  it('shows the version from system.version in the footer', async () => {
    renderApp('/profile', wireTransport(() => ok(versionOf({ version: '1.2.3' }))).fetch);
    expect((await screen.findByTestId('footer-version')).textContent).toBe('v1.2.3');
  });

  it('navigates between pages from the header', async () => {
    const { router } = renderApp('/', serving().fetch);
    fireEvent.click(screen.getByRole('link', { name: 'Campaigns' }));
    expect(await screen.findByRole('heading', { name: 'Campaigns', level: 1 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/campaigns');
    await waitFor(() => expect(document.title).toBe('Campaigns · Puffy Reward Center'));
  });
});

describe('home page', () => {
  it('opens on campaigns, not on a developer card: the server details sit folded in the footer', async () => {
    const transport = wireTransport((path) =>
      path === 'campaign.list'
        ? ok({ items: [campaignOf({ name: 'Genesis Drop' })], nextCursor: null })
        : path === 'auth.session'
          ? ok(signedOut)
          : ok(versionOf({ database: 'postgres', store: 'redis' })),
    );
    renderApp('/', transport.fetch);
    expect(screen.getByRole('heading', { name: 'Earn rewards with Puffy', level: 1 })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Genesis Drop' })).toBeTruthy();
    expect((await screen.findByTestId('footer-version')).textContent).toBe('v9.8.7');
    const details = screen.getByTestId('footer-version').closest('details');
    expect(details?.open).toBe(false);
    expect(within(details as HTMLElement).getByTestId('database').textContent).toBe('PostgreSQL');
    expect(within(details as HTMLElement).getByTestId('store').textContent).toBe('Redis');
    expect(screen.queryByRole('heading', { name: 'System status' })).toBeNull();
  });

  it('asks for the session, the version and the campaigns in one batched request, with cookies and the session CSRF header', async () => {
    setCsrfToken('csrf-from-sign-in');
    const transport = serving();
    renderApp('/', transport.fetch);
    await screen.findByTestId('footer-version');
    expect(transport.calls).toHaveLength(1);
    const [call] = transport.calls;
    expect(call?.method).toBe('GET');
    expect(call?.paths.sort()).toEqual(['auth.session', 'campaign.list', 'system.version']);
    expect(call?.url.searchParams.get('batch')).toBe('1');
    expect(call?.credentials).toBe('include');
    expect(call?.headers.get('x-csrf-token')).toBe('csrf-from-sign-in');
  });

  it('sends no CSRF header before sign-in', async () => {
    const transport = serving();
    renderApp('/', transport.fetch);
    await screen.findByTestId('footer-version');
    expect(transport.calls[0]?.headers.has('x-csrf-token')).toBe(false);
  });

  it('shows a failed call with its message and request id, and refetches on "Try again"', async () => {
    const transport = wireTransport((path, attempt) =>
      path !== 'campaign.list'
        ? ok(path === 'auth.session' ? signedOut : versionOf())
        : attempt === 0
          ? failure(path, 'NOT_FOUND', 404, 'No procedure found on path "campaign.list"')
          : ok({ items: [campaignOf({ name: 'Genesis Drop' })], nextCursor: null }),
    );
    renderApp('/', transport.fetch);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Not found' })).toBeTruthy();
    // The router's own words name a procedure path: the member reads ours, support gets the request id.
    expect(alert.textContent).not.toContain('campaign.list');
    expect(alert.querySelector('details')?.textContent).toContain('req-45369763');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Genesis Drop' })).toBeTruthy();
  });

  it('shows a signed-in member their points and rank on the global board', async () => {
    const transport = wireTransport((path) =>
      path === 'auth.session'
        ? ok(signedIn)
        : path === 'campaign.leaderboard'
          ? ok({ campaignId: null, items: [], nextCursor: null, me: { rank: 12, points: 1500 } })
          : path === 'campaign.list'
            ? ok({ items: [], nextCursor: null })
            : ok(versionOf()),
    );
    renderApp('/', transport.fetch);
    expect((await screen.findByTestId('my-points')).textContent).toBe('1,500');
    expect(screen.getByTestId('my-rank').textContent).toBe('#12');
    expect(screen.getByRole('link', { name: /Check your eligibility/ }).getAttribute('href')).toBe(
      '/campaigns',
    );
  });
});

describe('routes', () => {
  it('renders the not-found page inside the layout for an unknown path', async () => {
    renderApp('/no/such/page', serving().fetch);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the start' }).getAttribute('href')).toBe('/');
    await waitFor(() => expect(document.title).toBe('Page not found · Puffy Reward Center'));
  });

  it('asks a guest to sign in before the admin console, without loading any admin data', async () => {
    const transport = serving(signedOut);
    renderApp('/admin/orders/42', transport.fetch);
    expect(await screen.findByTestId('sign-in-required')).toBeTruthy();
    expect(transport.calls.flatMap((c) => c.paths).some((p) => p.startsWith('admin.'))).toBe(false);
  });

  it('never shows a private page before the session is known, and asks a guest to sign in', async () => {
    renderApp('/profile', serving(signedOut).fetch);
    expect(screen.queryByRole('heading', { name: 'Profile', level: 1 })).toBeNull();
    expect(await screen.findByTestId('sign-in-required')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Profile', level: 1 })).toBeNull();
  });

  it('shows the private page to a signed-in member, with their address in the header', async () => {
    renderApp('/profile', serving(signedIn).fetch);
    expect(await screen.findByRole('heading', { name: 'Profile', level: 1 })).toBeTruthy();
    expect((await screen.findByTestId('signed-in-as')).textContent).toBe('7Yd3…m9Uq');
  });
});
