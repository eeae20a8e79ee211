import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { pathsOf, serving, signedInSession, signedOutSession, userInfoOf } from './profile-fixtures';
import { renderApp } from './render';
import { failure, ok } from './wire';

vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
  localStorage.clear();
});

const deadToken = (path: string) =>
  failure(path, 'UNAUTHORIZED', 401, 'Sign in to continue.', { reason: 'sign_in_required' });
const sessionEnded = failure('auth.refresh', 'UNAUTHORIZED', 401, 'Your session has ended. Sign in again.', {
  reason: 'session_ended',
});
const renewed = ok({
  user: signedInSession.user,
  csrfToken: 'csrf-renewed',
  expiresAt: '2099-01-01T00:00:00.000Z',
  sessionExpiresAt: '2099-01-01T00:00:00.000Z',
});
const countOf = (wire: Parameters<typeof pathsOf>[0], path: string) =>
  pathsOf(wire).filter((p) => p === path).length;

describe('a dead access token', () => {
  it('is refreshed once and the refused call retried, so the member never sees it', async () => {
    const wire = serving(userInfoOf(), {
      'user.info': (attempt) => (attempt === 0 ? deadToken('user.info') : ok(userInfoOf())),
      'auth.refresh': () => renewed,
    });
    renderApp('/profile', wire.fetch);
    await waitFor(() => expect(countOf(wire, 'user.info')).toBe(2));
    expect(await screen.findByRole('heading', { name: 'Profile', level: 1 })).toBeTruthy();
    expect(countOf(wire, 'auth.refresh')).toBe(1);
    const retried = wire.calls.filter((c) => c.paths.includes('user.info')).at(-1);
    expect(retried?.headers.get('x-csrf-token')).toBe('csrf-renewed');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is retried only once: a second refusal is shown', async () => {
    const wire = serving(userInfoOf(), {
      'user.info': () => deadToken('user.info'),
      'auth.refresh': () => renewed,
    });
    renderApp('/profile', wire.fetch);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(countOf(wire, 'user.info')).toBe(2);
    expect(countOf(wire, 'auth.refresh')).toBe(1);
  });

  it('is not retried when the session itself ended, and the member is told', async () => {
    const wire = serving(userInfoOf(), {
      'auth.session': (attempt) => ok(attempt === 0 ? signedInSession : signedOutSession),
      'user.info': () => deadToken('user.info'),
      'auth.refresh': () => sessionEnded,
    });
    renderApp('/profile', wire.fetch);
    expect(await screen.findByTestId('sign-in-required')).toBeTruthy();
    expect(screen.getByText('Your session has ended. Please sign in again.')).toBeTruthy();
    expect(countOf(wire, 'user.info')).toBe(1);
  });
});

describe('a page opened after the access token expired', () => {
  it('refreshes the session before it shows the member as signed out', async () => {
    localStorage.setItem('puffy.auth.session', '1');
    const wire = serving(userInfoOf(), {
      'auth.session': (attempt) => ok(attempt === 0 ? signedOutSession : signedInSession),
      'auth.refresh': () => renewed,
    });
    renderApp('/profile', wire.fetch);
    expect(await screen.findByRole('heading', { name: 'Profile', level: 1 })).toBeTruthy();
    expect(await screen.findByTestId('signed-in-as')).toBeTruthy();
    expect(countOf(wire, 'auth.refresh')).toBe(1);
  });

  it('sends no refresh for a visitor who never signed in here', async () => {
    const wire = serving(userInfoOf(), { 'auth.session': () => ok(signedOutSession) });
    renderApp('/profile', wire.fetch);
    expect(await screen.findByTestId('sign-in-required')).toBeTruthy();
    expect(countOf(wire, 'auth.refresh')).toBe(0);
  });
});

/** Opens the header's account menu (its code loads on that first click) and picks an item. */
async function chooseFromAccountMenu(item: string) {
  fireEvent.click(await screen.findByRole('button', { name: /^Account / }));
  fireEvent.click(await screen.findByRole('menuitem', { name: item }));
}

describe('signing out', () => {
  it('keeps the member signed in, and says so, when the server did not end the session', async () => {
    const wire = serving(userInfoOf(), {
      'auth.logout': () =>
        failure('auth.logout', 'INTERNAL_SERVER_ERROR', 500, 'Something went wrong on our side.'),
    });
    renderApp('/profile', wire.fetch);
    await chooseFromAccountMenu('Sign out');
    expect((await screen.findByRole('alert')).textContent).toContain('You are still signed in.');
    expect(screen.getByTestId('signed-in-as')).toBeTruthy();
    expect(localStorage.getItem('puffy.auth.session')).toBe('1');
  });

  it('signs out when the server ended the session, or says none was left', async () => {
    let signedOut = false;
    const wire = serving(userInfoOf(), {
      'auth.session': () => ok(signedOut ? signedOutSession : signedInSession),
      'auth.logout': () => {
        signedOut = true;
        return failure('auth.logout', 'UNAUTHORIZED', 401, 'Your session has already ended.', {
          reason: 'session_ended',
        });
      },
    });
    renderApp('/profile', wire.fetch);
    await chooseFromAccountMenu('Sign out');
    expect(await screen.findByTestId('sign-in-required')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(localStorage.getItem('puffy.auth.session')).toBeNull();
    expect(countOf(wire, 'auth.refresh')).toBe(0);
  });

  it('signs out everywhere through auth.logoutAll, ending this session too', async () => {
    let signedOut = false;
    const wire = serving(userInfoOf(), {
      'auth.session': () => ok(signedOut ? signedOutSession : signedInSession),
      'auth.logoutAll': () => {
        signedOut = true;
        return ok({ ok: true, sessionsEnded: 3 });
      },
    });
    renderApp('/profile', wire.fetch);
    await chooseFromAccountMenu('Sign out everywhere');
    expect(await screen.findByTestId('sign-in-required')).toBeTruthy();
    expect(pathsOf(wire)).toContain('auth.logoutAll');
    expect(pathsOf(wire)).not.toContain('auth.logout');
    expect(localStorage.getItem('puffy.auth.session')).toBeNull();
  });
});
