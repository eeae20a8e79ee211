import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { browserNavigation } from '../src/profile/leave';
import { pathsOf, serving, signedOutSession, userInfoOf } from './profile-fixtures';
import { renderApp } from './render';
import { failure, ok, rateLimited } from './wire';

vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.restoreAllMocks();
});

const TOKEN = 'tok_0123456789abcdefghijklmnop';

/** The session answers late, as on a cold page load where the page's chunk is already cached. */
function slowSession(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes('auth.session')) await new Promise((resolve) => setTimeout(resolve, 600));
    return inner(input, init);
  };
}

describe('verify-email page', () => {
  it('verifies with the token, takes it out of the address bar, and never shows it', async () => {
    const wire = serving(userInfoOf(), { 'user.email.verifyLink': () => ok({ email: 'ada@example.com' }) });
    const { router, container } = renderApp(`/auth/verify-email?token=${TOKEN}`, slowSession(wire.fetch));
    expect(await screen.findByRole('heading', { name: 'Your email is verified' })).toBeTruthy();
    expect(screen.getByText('ada@example.com')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/auth/verify-email');
    expect(router.state.location.search).toBe('');
    expect(container.innerHTML).not.toContain(TOKEN);
    // A mutation: the token travels in the body, never in a URL that logs and proxies keep.
    expect(wire.calls.some((c) => c.url.href.includes(TOKEN))).toBe(false);
    expect(pathsOf(wire).filter((p) => p === 'user.email.verifyLink')).toHaveLength(1);
    // Sent only once the session's CSRF token is in place, or the server refuses a signed-in browser.
    const call = wire.calls.find((c) => c.paths.includes('user.email.verifyLink'));
    expect(call?.headers.get('x-csrf-token')).toBe('csrf');
  });

  it('says an expired or used link no longer works, and where to get a new one', async () => {
    const wire = serving(userInfoOf(), {
      'user.email.verifyLink': () =>
        failure(
          'user.email.verifyLink',
          'PRECONDITION_FAILED',
          412,
          'This verification link has expired or was already used. Ask for a new email.',
          { reason: 'email_link_invalid' },
        ),
    });
    renderApp(`/auth/verify-email?token=${TOKEN}`, wire.fetch);
    expect(
      await screen.findByRole('heading', { name: 'This link no longer works' }, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to your profile' }).getAttribute('href')).toBe('/profile');
  });

  it('says an expired code and an address another member verified meanwhile', async () => {
    const wire = serving(userInfoOf(), {
      'user.email.verifyLink': () =>
        failure(
          'user.email.verifyLink',
          'PRECONDITION_FAILED',
          412,
          'This code has expired. Ask for a new one.',
          {
            reason: 'email_code_expired',
          },
        ),
    });
    renderApp(`/auth/verify-email?token=${TOKEN}`, wire.fetch);
    expect(
      await screen.findByRole('heading', { name: 'This link has expired' }, { timeout: 5000 }),
    ).toBeTruthy();
    cleanup();
    const taken = serving(userInfoOf(), {
      'user.email.verifyLink': () =>
        failure(
          'user.email.verifyLink',
          'CONFLICT',
          409,
          'This email is already verified by another member. Use a different address.',
          { reason: 'email_taken' },
        ),
    });
    renderApp(`/auth/verify-email?token=${TOKEN}`, taken.fetch);
    expect(await screen.findByRole('heading', { name: 'This email belongs to another member' })).toBeTruthy();
  });

  it('counts down after too many tries, then verifies with the same link', async () => {
    const wire = serving(userInfoOf(), {
      'user.email.verifyLink': (attempt) =>
        attempt === 0 ? rateLimited('user.email.verifyLink', 1) : ok({ email: 'ada@example.com' }),
    });
    renderApp(`/auth/verify-email?token=${TOKEN}`, wire.fetch);
    expect(await screen.findByRole('heading', { name: 'Too many tries' }, { timeout: 5000 })).toBeTruthy();
    const again = screen.getByRole('button', { name: 'Verify again' }) as HTMLButtonElement;
    expect(again.disabled).toBe(true);
    await waitFor(() => expect(again.disabled).toBe(false), { timeout: 3000 });
    fireEvent.click(again);
    expect(await screen.findByRole('heading', { name: 'Your email is verified' })).toBeTruthy();
  });

  it('refuses a link without a whole token before asking the server', async () => {
    const wire = serving();
    renderApp('/auth/verify-email?token=short', wire.fetch);
    expect(
      await screen.findByText(/This verification link is incomplete/, undefined, { timeout: 5000 }),
    ).toBeTruthy();
    cleanup();
    renderApp('/auth/verify-email', wire.fetch);
    expect(await screen.findByText(/This link has no token/)).toBeTruthy();
    expect(pathsOf(wire)).not.toContain('user.email.verifyLink');
  });

  it('offers a retry when the server cannot be reached', async () => {
    let calls = 0;
    const wire = serving();
    const flaky: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('user.email.verifyLink') && calls++ === 0) throw new TypeError('Failed to fetch');
      if (url.includes('user.email.verifyLink')) {
        return new Response(JSON.stringify([{ result: { data: { email: 'ada@example.com' } } }]), {
          headers: { 'content-type': 'application/json' },
        });
      }
      return wire.fetch(input, init);
    };
    renderApp(`/auth/verify-email?token=${TOKEN}`, flaky);
    expect(
      await screen.findByRole('heading', { name: 'Connection problem' }, { timeout: 5000 }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Your email is verified' })).toBeTruthy();
  });
});

const CODE = 'x-code-abcdef';
const STATE = 'state-0123456789abcdef';

describe('OAuth callback page', () => {
  it('hands code and state to the server, clears them from the address bar, and shows the link', async () => {
    const wire = serving(userInfoOf(), {
      'user.twitter.complete': () => ok({ twitter: { id: '99', handle: 'ada', locked: false } }),
    });
    const { router, container } = renderApp(
      `/auth/oauth-callback?code=${CODE}&state=${STATE}`,
      slowSession(wire.fetch),
    );
    expect(
      await screen.findByRole('heading', { name: 'Your X account is linked' }, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.getByText(/@ada is now/)).toBeTruthy();
    expect(router.state.location.search).toBe('');
    expect(container.innerHTML).not.toContain(CODE);
    expect(wire.calls.some((c) => c.url.href.includes(CODE))).toBe(false);
    expect(pathsOf(wire).filter((p) => p === 'user.twitter.complete')).toHaveLength(1);
    const call = wire.calls.find((c) => c.paths.includes('user.twitter.complete'));
    expect(call?.headers.get('x-csrf-token')).toBe('csrf');
  });

  it('says a replayed state was already used, and starts over on X from there', async () => {
    const open = vi.spyOn(browserNavigation, 'open').mockImplementation(() => {});
    const wire = serving(userInfoOf(), {
      'user.twitter.complete': () =>
        failure(
          'user.twitter.complete',
          'CONFLICT',
          409,
          'This X authorization was already used. Start linking X again.',
          {
            reason: 'oauth_state_used',
          },
        ),
      'user.twitter.start': () =>
        ok({ authorizeUrl: 'https://x.com/i/oauth2/authorize?s=2', expiresAt: '2099-01-01T00:00:00.000Z' }),
    });
    renderApp(`/auth/oauth-callback?code=${CODE}&state=${STATE}`, wire.fetch);
    expect(
      await screen.findByRole(
        'heading',
        { name: 'This X authorization was already used' },
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start linking X again' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith('https://x.com/i/oauth2/authorize?s=2'));
  });

  it('says an expired state and an X account another member linked', async () => {
    const expired = serving(userInfoOf(), {
      'user.twitter.complete': () =>
        failure(
          'user.twitter.complete',
          'PRECONDITION_FAILED',
          412,
          'This X authorization expired. Start linking X again.',
          {
            reason: 'oauth_state_expired',
          },
        ),
    });
    renderApp(`/auth/oauth-callback?code=${CODE}&state=${STATE}`, expired.fetch);
    expect(
      await screen.findByRole('heading', { name: 'This X authorization expired' }, { timeout: 5000 }),
    ).toBeTruthy();
    cleanup();
    const taken = serving(userInfoOf(), {
      'user.twitter.complete': () =>
        failure(
          'user.twitter.complete',
          'CONFLICT',
          409,
          'This X account is already linked to another member. One X account links to one member only.',
          { reason: 'x_taken' },
        ),
    });
    renderApp(`/auth/oauth-callback?code=${CODE}&state=${STATE}`, taken.fetch);
    expect(
      await screen.findByRole('heading', { name: 'This X account is linked to another member' }),
    ).toBeTruthy();
    expect(screen.getByText(/One X account links to one member only/)).toBeTruthy();
  });

  it('shows an unexpected failure with its reference', async () => {
    const wire = serving(userInfoOf(), {
      'user.twitter.complete': () =>
        failure(
          'user.twitter.complete',
          'SERVICE_UNAVAILABLE',
          503,
          'X is not answering. Please try again in a moment.',
        ),
    });
    renderApp(`/auth/oauth-callback?code=${CODE}&state=${STATE}`, wire.fetch);
    expect(
      await screen.findByText('X is not answering. Please try again in a moment.', undefined, {
        timeout: 5000,
      }),
    ).toBeTruthy();
    expect(screen.getByRole('alert').querySelector('details')?.textContent).toContain('req-45369763');
  });

  it('explains a refusal on X and a visit without X’s answer, asking the server nothing', async () => {
    const wire = serving();
    const { router } = renderApp(`/auth/oauth-callback?error=access_denied&state=${STATE}`, wire.fetch);
    expect(
      await screen.findByText(/You did not approve the request on X/, undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(router.state.location.search).toBe('');
    cleanup();
    renderApp(`/auth/oauth-callback?code=${CODE}`, wire.fetch);
    expect(
      await screen.findByRole('heading', { name: 'This page was opened without X’s answer' }),
    ).toBeTruthy();
    expect(pathsOf(wire)).not.toContain('user.twitter.complete');
  });

  it('waits for sign-in instead of failing when the session is gone', async () => {
    const wire = serving(userInfoOf(), {}, signedOutSession);
    renderApp(`/auth/oauth-callback?code=${CODE}&state=${STATE}`, wire.fetch);
    expect(
      await screen.findByRole('heading', { name: 'Sign in to finish linking X' }, { timeout: 5000 }),
    ).toBeTruthy();
    expect(pathsOf(wire)).not.toContain('user.twitter.complete');
  });
});
