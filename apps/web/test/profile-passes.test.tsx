import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { pathsOf, serving, signedInSession, signedOutSession, userInfoOf } from './profile-fixtures';
import { renderApp } from './render';
import { failure, ok } from './wire';

vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

const region = async (name: string) => within(await screen.findByRole('region', { name }, { timeout: 5000 }));

const activePass = {
  code: 'PASS-AB12-CD34-EF56-GH78',
  status: 'active',
  source: 'wl_nft',
  createdAt: '2026-12-01T10:00:00.000Z',
  usedAt: null,
  usedByOther: false,
};

describe('device passes on the profile', () => {
  it('issues the pass a member is entitled to, and lists it with its status', async () => {
    let issued = false;
    const wire = serving(userInfoOf(), {
      'device.pass.summary': () =>
        ok(
          issued
            ? { passes: [activePass], entitled: 1, available: 0 }
            : { passes: [], entitled: 1, available: 1 },
        ),
      'device.pass.create': () => {
        issued = true;
        return ok(activePass);
      },
    });
    renderApp('/profile', wire.fetch);
    const passes = await region('Device passes');
    expect((await passes.findByTestId('passes-entitled')).textContent).toBe(
      'You are entitled to 1 pass. 1 pass is ready to create.',
    );
    fireEvent.click(passes.getByRole('button', { name: 'Create a pass' }));
    expect((await passes.findByTestId('pass-code')).textContent).toBe('PASS-AB12-CD34-EF56-GH78');
    expect(passes.getByText('Ready to use')).toBeTruthy();
    expect(passes.queryByRole('button', { name: 'Create a pass' })).toBeNull();
    expect(pathsOf(wire).filter((p) => p === 'device.pass.create')).toHaveLength(1);
  });

  it('offers no button when nothing is due, and says how a pass is earned', async () => {
    renderApp('/profile', serving().fetch);
    const passes = await region('Device passes');
    expect((await passes.findByTestId('passes-entitled')).textContent).toContain('whitelist NFT gives one');
    expect(passes.queryByRole('button', { name: 'Create a pass' })).toBeNull();
  });

  it('shows a refused issue in words for people, keeping the button', async () => {
    const wire = serving(userInfoOf(), {
      'device.pass.summary': () => ok({ passes: [], entitled: 1, available: 1 }),
      'device.pass.create': () =>
        failure('device.pass.create', 'CONFLICT', 409, 'Your pass was already issued.', {
          reason: 'pass_taken',
        }),
    });
    renderApp('/profile', wire.fetch);
    const passes = await region('Device passes');
    fireEvent.click(await passes.findByRole('button', { name: 'Create a pass' }));
    expect((await passes.findByRole('alert')).textContent).toContain('Your pass was already issued.');
    expect(passes.getByRole('button', { name: 'Create a pass' })).toBeTruthy();
  });
});

describe('sign out everywhere on the profile', () => {
  it('asks first, then ends every session through auth.logoutAll', async () => {
    let ended = false;
    const wire = serving(userInfoOf(), {
      'auth.session': () => ok(ended ? signedOutSession : signedInSession),
      'auth.logoutAll': () => {
        ended = true;
        return ok({ ok: true, sessionsEnded: 2 });
      },
    });
    renderApp('/profile', wire.fetch);
    const sessions = await region('Sessions');
    fireEvent.click(sessions.getByRole('button', { name: 'Sign out everywhere' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out everywhere?' });
    expect(pathsOf(wire)).not.toContain('auth.logoutAll');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByTestId('sign-in-required')).toBeTruthy();
    expect(pathsOf(wire)).toContain('auth.logoutAll');
  });
});
