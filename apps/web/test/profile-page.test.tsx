import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { browserNavigation } from '../src/profile/leave';
import { pathsOf, serving, userInfoOf } from './profile-fixtures';
import { renderApp } from './render';
import { failure, ok, rateLimited } from './wire';

// The first test of a file also transforms the lazily loaded profile chunk.
vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.restoreAllMocks();
});

async function card(name: string) {
  const heading = await screen.findByRole('heading', { name, level: 2 });
  const section = heading.closest('section');
  if (!section) throw new Error(`no ${name} card`);
  return within(section);
}

describe('profile page', () => {
  it('shows wallets, verified email, points, NFTs and referrals as user.info bounds them', async () => {
    const info = userInfoOf({
      email: 'ada@example.com',
      points: 1250,
      referralCode: 'ADA-FRIENDS',
      wallets: [
        ...userInfoOf().wallets,
        {
          chain: 'evm',
          address: '0x52908400098527886E0F7030069857D2E4169EE7',
          addressHex: null,
          isPrimary: false,
          linkedAt: '2026-11-21T10:00:00.000Z',
        },
      ],
      nfts: {
        items: [
          {
            id: 3,
            promotionId: 1,
            campaignId: 7,
            network: 'sol',
            sequence: 42,
            status: 'minted',
            assetAddress: 'AssetAddr1111111111111111111111111111111111',
          },
        ],
        hasMore: true,
      },
      referrals: {
        items: [
          { refereeUserId: 'aaaaaaaa-bbbb-cccc', campaignId: 7, createdAt: '2026-11-22T10:00:00.000Z' },
        ],
        hasMore: false,
      },
    });
    renderApp('/profile', serving(info).fetch);
    expect(await screen.findByRole('heading', { name: 'Profile', level: 1 })).toBeTruthy();
    expect((await screen.findByTestId('profile-points')).textContent).toMatch(/1[,.\s ]?250/);
    expect(screen.getByTestId('profile-email').textContent).toContain('ada@example.com');
    expect(screen.getByTestId('profile-email').textContent).toContain('Verified');
    const wallets = await card('Wallets');
    // An address reads short; the whole one is its title (and what the row's button copies).
    expect(wallets.getByTitle(info.walletAddress).textContent).toBe(
      `${info.walletAddress.slice(0, 6)}…${info.walletAddress.slice(-4)}`,
    );
    expect(wallets.getByTitle('0x52908400098527886E0F7030069857D2E4169EE7').textContent).toBe('0x5290…9EE7');
    expect(wallets.getByText('signed up with this wallet')).toBeTruthy();
    const nfts = await card('NFTs');
    expect(nfts.getByText('#42')).toBeTruthy();
    expect(nfts.getByText(/older ones are not listed here/)).toBeTruthy();
    const referrals = await card('Referrals');
    expect(referrals.getByText('ADA-FRIENDS')).toBeTruthy();
    expect(referrals.queryByText(/older ones/)).toBeNull();
  });

  it('shows the failure of user.info with a retry that loads the page', async () => {
    const wire = serving(userInfoOf(), {
      'user.info': (attempt) =>
        attempt < 2
          ? failure('user.info', 'INTERNAL_SERVER_ERROR', 500, 'Something went wrong on our side.')
          : ok(userInfoOf({ points: 7 })),
    });
    renderApp('/profile', wire.fetch);
    // React Query retries a 5xx once before giving up.
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }, { timeout: 8000 }));
    expect((await screen.findByTestId('profile-points')).textContent).toBe('7');
  });
});

describe('profile email', () => {
  it('refuses a malformed address with the shared schema message, without asking the server', async () => {
    const wire = serving();
    renderApp('/profile', wire.fetch);
    const email = await card('Email');
    fireEvent.change(email.getByLabelText('Email address'), { target: { value: 'not-an-email' } });
    fireEvent.click(email.getByRole('button', { name: 'Send code' }));
    expect(await email.findByText('Enter a valid email address')).toBeTruthy();
    expect(email.getByLabelText('Email address').getAttribute('aria-invalid')).toBe('true');
    expect(pathsOf(wire)).not.toContain('user.email.sendCode');
  });

  it('sends a code, says how many tries are left, waits out a resend limit, then verifies', async () => {
    let verified = false;
    const wire = serving(() => userInfoOf({ email: verified ? 'ada@example.com' : null }), {
      'user.email.sendCode': (attempt) =>
        attempt === 0
          ? ok({ sentTo: 'ada@example.com', expiresAt: '2099-01-01T10:10:00.000Z' })
          : rateLimited('user.email.sendCode', 2),
      'user.email.verifyCode': (attempt) => {
        if (attempt === 0) {
          return failure(
            'user.email.verifyCode',
            'BAD_REQUEST',
            400,
            'That code is not right. 4 tries left.',
            {
              fieldErrors: { code: ['Wrong code'] },
              reason: 'email_code_wrong',
            },
          );
        }
        verified = true;
        return ok({ email: 'ada@example.com' });
      },
    });
    renderApp('/profile', wire.fetch);
    const email = await card('Email');
    fireEvent.change(email.getByLabelText('Email address'), { target: { value: ' Ada@Example.com ' } });
    fireEvent.click(email.getByRole('button', { name: 'Send code' }));
    expect(await email.findByText(/We sent a 6-digit code to/)).toBeTruthy();

    fireEvent.change(email.getByLabelText('6-digit code'), { target: { value: '12ab' } });
    fireEvent.click(email.getByRole('button', { name: 'Verify' }));
    expect(await email.findByText('The code is the 6 digits from the email')).toBeTruthy();
    expect(pathsOf(wire)).not.toContain('user.email.verifyCode');

    fireEvent.change(email.getByLabelText('6-digit code'), { target: { value: '111111' } });
    fireEvent.click(email.getByRole('button', { name: 'Verify' }));
    expect(await email.findByText('That code is not right. 4 tries left.')).toBeTruthy();

    const resend = email.getByRole('button', { name: 'Resend code' }) as HTMLButtonElement;
    fireEvent.click(resend);
    expect(await email.findByText(/Try again in [12] s/)).toBeTruthy();
    expect(resend.disabled).toBe(true);
    await waitFor(() => expect(resend.disabled).toBe(false), { timeout: 4000 });

    fireEvent.change(email.getByLabelText('6-digit code'), { target: { value: '123456' } });
    fireEvent.click(email.getByRole('button', { name: 'Verify' }));
    expect(await email.findByText('ada@example.com is verified.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('profile-email').textContent).toContain('Verified'));
  });

  it('says when a code died after too many wrong tries', async () => {
    const wire = serving(userInfoOf(), {
      'user.email.sendCode': () => ok({ sentTo: 'ada@example.com', expiresAt: '2099-01-01T10:10:00.000Z' }),
      'user.email.verifyCode': () =>
        failure(
          'user.email.verifyCode',
          'PRECONDITION_FAILED',
          412,
          'Too many wrong codes. This code no longer works: ask for a new one.',
          { reason: 'email_code_dead' },
        ),
    });
    renderApp('/profile', wire.fetch);
    const email = await card('Email');
    fireEvent.change(email.getByLabelText('Email address'), { target: { value: 'ada@example.com' } });
    fireEvent.click(email.getByRole('button', { name: 'Send code' }));
    fireEvent.change(await email.findByLabelText('6-digit code'), { target: { value: '999999' } });
    fireEvent.click(email.getByRole('button', { name: 'Verify' }));
    expect(await email.findByText(/Too many wrong codes/)).toBeTruthy();
  });

  it('shows an address taken by another member', async () => {
    const wire = serving(userInfoOf(), {
      'user.email.sendCode': () =>
        failure(
          'user.email.sendCode',
          'CONFLICT',
          409,
          'This email is already verified by another member. Use a different address.',
          { reason: 'email_taken' },
        ),
    });
    renderApp('/profile', wire.fetch);
    const email = await card('Email');
    fireEvent.change(email.getByLabelText('Email address'), { target: { value: 'ada@example.com' } });
    fireEvent.click(email.getByRole('button', { name: 'Send code' }));
    expect(await email.findByText(/already verified by another member/)).toBeTruthy();
  });
});

describe('profile X link', () => {
  it('starts linking by leaving for the authorize URL the server made', async () => {
    const open = vi.spyOn(browserNavigation, 'open').mockImplementation(() => {});
    const url = 'https://x.com/i/oauth2/authorize?state=s';
    const wire = serving(userInfoOf(), {
      'user.twitter.start': () => ok({ authorizeUrl: url, expiresAt: '2099-01-01T00:00:00.000Z' }),
    });
    renderApp('/profile', wire.fetch);
    const x = await card('X (Twitter)');
    fireEvent.click(x.getByRole('button', { name: 'Link X' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith(url));
  });

  it('shows a locked link with its reason and offers no unlink', async () => {
    const wire = serving(userInfoOf({ twitter: { id: '99', handle: 'ada', locked: true } }), {
      'user.twitterLock': () =>
        ok({ linked: true, locked: true, reason: 'Your X account is locked because it has earned rewards.' }),
    });
    renderApp('/profile', wire.fetch);
    const x = await card('X (Twitter)');
    expect(await x.findByText(/locked because it has earned rewards/)).toBeTruthy();
    expect(x.getByText('@ada')).toBeTruthy();
    expect(x.queryByRole('button', { name: 'Unlink X' })).toBeNull();
  });

  it('unlinks an unlocked link and shows the refusal when the server says it locked meanwhile', async () => {
    const wire = serving(userInfoOf({ twitter: { id: '99', handle: 'ada', locked: false } }), {
      'user.twitterLock': () => ok({ linked: true, locked: false, reason: null }),
      'user.twitter.unlink': () =>
        failure(
          'user.twitter.unlink',
          'PRECONDITION_FAILED',
          412,
          'Your X account is locked because it completed an activity. It cannot be unlinked or changed.',
          { reason: 'x_locked' },
        ),
    });
    renderApp('/profile', wire.fetch);
    const x = await card('X (Twitter)');
    fireEvent.click(await x.findByRole('button', { name: 'Unlink X' }));
    expect(await x.findByText(/It cannot be unlinked or changed/)).toBeTruthy();
  });
});

describe('profile Discord link', () => {
  it('checks the code format with the shared schema, dry-runs a code, then links it', async () => {
    const wire = serving(userInfoOf(), {
      'campaign.discord.authDryRun': () =>
        ok({ valid: true, reason: null, discordUsername: 'ada#1', expiresAt: '2099-01-01T00:00:00.000Z' }),
      'campaign.discord.auth': () => ok({ discordId: '123456', discordUsername: 'ada#1', campaignId: 7 }),
    });
    renderApp('/profile', wire.fetch);
    const discord = await card('Discord');
    const code = await discord.findByLabelText('Code from the Discord bot');
    fireEvent.change(code, { target: { value: 'abc' } });
    fireEvent.click(discord.getByRole('button', { name: 'Link Discord' }));
    expect(await discord.findByText('A Discord code has 8 characters')).toBeTruthy();
    expect(pathsOf(wire)).not.toContain('campaign.discord.auth');

    fireEvent.change(code, { target: { value: 'abcd2345' } });
    fireEvent.click(discord.getByRole('button', { name: 'Check code' }));
    expect(await discord.findByText('This code works for ada#1.')).toBeTruthy();
    fireEvent.click(discord.getByRole('button', { name: 'Link Discord' }));
    expect(await discord.findByText('Discord linked as ada#1.')).toBeTruthy();
  });

  it('shows a used code and a Discord account taken by another member', async () => {
    const wire = serving(userInfoOf(), {
      'campaign.discord.authDryRun': () =>
        ok({ valid: false, reason: 'This code was already used.', discordUsername: null, expiresAt: null }),
      'campaign.discord.auth': () =>
        failure(
          'campaign.discord.auth',
          'CONFLICT',
          409,
          'This Discord account is already linked to another member.',
          { reason: 'discord_taken' },
        ),
    });
    renderApp('/profile', wire.fetch);
    const discord = await card('Discord');
    fireEvent.change(await discord.findByLabelText('Code from the Discord bot'), {
      target: { value: 'ABCD2345' },
    });
    fireEvent.click(discord.getByRole('button', { name: 'Check code' }));
    expect(await discord.findByText('This code was already used.')).toBeTruthy();
    fireEvent.click(discord.getByRole('button', { name: 'Link Discord' }));
    expect(await discord.findByText(/already linked to another member/)).toBeTruthy();
  });
});
