import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../src/i18n';
import { setCsrfToken } from '../src/lib/session-token';
import {
  answerOf,
  campaignOf,
  emptyBoard,
  infoOf,
  inputOf,
  inputsOf,
  signedInSession,
  signedOutSession,
} from './campaign-fixtures';
import { renderApp } from './render';
import { failure, ok, versionOf, type WireAnswer, wireTransport } from './wire';

const PAGE = '/campaigns/puffy-genesis';

function serving(session: unknown, overrides: Record<string, (attempt: number) => WireAnswer> = {}) {
  return wireTransport((path, attempt) => {
    const override = overrides[path];
    if (override) return override(attempt);
    if (path === 'auth.session') return ok(session);
    if (path === 'campaign.get') return ok(campaignOf());
    if (path === 'campaign.info') return ok(infoOf());
    if (path === 'activity.list') return ok({ items: [], nextCursor: null, points: 0 });
    if (path === 'campaign.leaderboard') return ok(emptyBoard);
    if (path === 'campaign.list') return ok({ items: [], nextCursor: null });
    return ok(versionOf());
  });
}

// The first test of a file also transforms the lazily loaded campaign chunks.
vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

async function section(name: string) {
  const heading = await screen.findByRole('heading', { name }, { timeout: 5000 });
  const found = heading.closest('section');
  if (!found) throw new Error(`no section ${name}`);
  return within(found);
}

describe('referral panel', () => {
  it('validates the code before sending, then shows why the server refused it', async () => {
    const wire = serving(signedInSession, {
      'referral.set': (attempt) =>
        attempt === 0
          ? failure(
              'referral.set',
              'NOT_FOUND',
              404,
              'There is no referral code "NOSUCHCODE". Check the spelling and try again.',
              { reason: 'unknown_code' },
            )
          : failure(
              'referral.set',
              'CONFLICT',
              409,
              'You already joined this campaign with another referral code.',
              { reason: 'already_referred' },
            ),
    });
    renderApp(PAGE, wire.fetch);
    const panel = await section('Referrals');
    const field = panel.getByLabelText('A friend’s referral code');
    fireEvent.change(field, { target: { value: 'ab' } });
    fireEvent.click(panel.getByRole('button', { name: 'Use code' }));
    expect(await panel.findByText('A referral code has at least 4 characters.')).toBeTruthy();
    fireEvent.change(field, { target: { value: 'no such!' } });
    fireEvent.click(panel.getByRole('button', { name: 'Use code' }));
    expect(await panel.findByText(/uses only letters, digits/)).toBeTruthy();
    expect(wire.calls.flatMap((c) => c.paths)).not.toContain('referral.set');

    fireEvent.change(field, { target: { value: 'nosuchcode' } });
    fireEvent.click(panel.getByRole('button', { name: 'Use code' }));
    const notFound = await panel.findByRole('alert');
    expect(within(notFound).getByText('Not found')).toBeTruthy();
    expect(within(notFound).getByText(/no referral code "NOSUCHCODE"/)).toBeTruthy();

    fireEvent.click(panel.getByRole('button', { name: 'Use code' }));
    expect(await panel.findByText(/already joined this campaign/)).toBeTruthy();
    expect(panel.getByText('Already done')).toBeTruthy();
    expect(wire.calls.flatMap((c) => c.paths)).not.toContain('campaign.checkEligible');
  });

  it('previews a code for a guest without a way to use it', async () => {
    const wire = serving(signedOutSession, {
      'referral.dryRun': () =>
        ok({
          valid: true,
          reason: null,
          message: 'This code works: you would join campaign 7 through 7Yd3…m9Uq.',
          params: null,
          type: 'limited',
          level: 0,
          campaignId: 7,
          remainingUses: 3,
        }),
    });
    renderApp(`${PAGE}?ref=friend-42`, wire.fetch);
    const panel = await section('Referrals');
    expect((panel.getByLabelText('A friend’s referral code') as HTMLInputElement).value).toBe('friend-42');
    expect(panel.queryByRole('button', { name: 'Use code' })).toBeNull();
    fireEvent.click(panel.getByRole('button', { name: 'Preview' }));
    // In the member's terms: the campaign by name, no campaign number and no wallet.
    expect((await panel.findByTestId('referral-preview')).textContent).toBe(
      'This code works: use it to join Puffy Genesis through your friend’s invitation. 3 uses left.',
    );
    expect(inputOf(wire.calls, 'referral.dryRun')).toEqual({ campaignId: 7, code: 'FRIEND-42' });
  });

  it('says why a code would be refused in the member’s language, with the code and its uses', async () => {
    const wire = serving(signedOutSession, {
      'referral.dryRun': () =>
        ok({
          valid: false,
          reason: 'code_used_up',
          message: 'The referral code "FRIEND-42" has been used all 3 times.',
          params: { code: 'FRIEND-42', maxUses: 3 },
          type: 'limited',
          level: 0,
          campaignId: 7,
          remainingUses: 0,
        }),
    });
    await i18n.changeLanguage('de');
    try {
      renderApp(`${PAGE}?ref=friend-42`, wire.fetch);
      const panel = await section('Empfehlungen');
      fireEvent.click(panel.getByRole('button', { name: 'Vorschau' }));
      expect((await panel.findByTestId('referral-preview')).textContent).toBe(
        'Der Empfehlungscode „FRIEND-42“ wurde bereits alle 3 Male verwendet. Noch 0 Nutzungen übrig.',
      );
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('uses a code, then re-checks eligibility so the standing turns eligible', async () => {
    const wire = serving(signedInSession, {
      'referral.set': () => ok({ campaignId: 7, referrerWalletShort: '7Yd3…m9Uq', alreadyApplied: false }),
      'campaign.checkEligible': () =>
        ok(
          answerOf({
            outcome: 'eligible',
            reason: 'eligible',
            message: 'Eligible through referral.',
            method: 'referral',
            recorded: true,
          }),
        ),
      'campaign.info': (attempt) =>
        ok(
          attempt === 0
            ? infoOf()
            : infoOf({
                eligibility: {
                  eligible: true,
                  method: 'referral',
                  wallet: null,
                  since: '2026-11-23T10:00:00.000Z',
                },
              }),
        ),
    });
    renderApp(PAGE, wire.fetch);
    const panel = await section('Referrals');
    fireEvent.change(panel.getByLabelText('A friend’s referral code'), { target: { value: 'FRIEND42' } });
    fireEvent.click(panel.getByRole('button', { name: 'Use code' }));
    expect((await panel.findByTestId('referral-applied')).textContent).toBe('You joined through 7Yd3…m9Uq.');
    await waitFor(() =>
      expect(screen.getByTestId('standing-status').getAttribute('data-eligible')).toBe('true'),
    );
    expect(wire.calls.flatMap((c) => c.paths)).toContain('campaign.checkEligible');
  });

  it('creates the member’s own code on request and builds the share link', async () => {
    const wire = serving(signedInSession, {
      'referral.myCode': () =>
        ok({
          code: 'PUFFY-AB12',
          type: 'limited',
          level: 0,
          campaignId: null,
          maxUses: 20,
          uses: 2,
          remainingUses: 18,
        }),
    });
    renderApp(PAGE, wire.fetch);
    const panel = await section('Referrals');
    fireEvent.click(await panel.findByRole('button', { name: 'Get my referral code' }));
    expect((await panel.findByTestId('own-referral-code')).textContent).toBe('PUFFY-AB12');
    expect(panel.getByText(/used 2 of 20 times/)).toBeTruthy();
    expect(panel.getByText('http://localhost:3000/campaigns/puffy-genesis?ref=PUFFY-AB12')).toBeTruthy();
  });
});

describe('leaderboard', () => {
  it('shows the top members and the member’s own rank, marking their row', async () => {
    const wire = serving(signedInSession, {
      'campaign.leaderboard': () =>
        ok({
          campaignId: 7,
          nextCursor: null,
          items: [
            { rank: 1, points: 300, walletShort: 'AbCd…WxYz', name: 'alice', isMe: false },
            { rank: 2, points: 120, walletShort: '7Yd3…m9Uq', name: null, isMe: true },
            { rank: 2, points: 120, walletShort: 'QqQq…RrRr', name: null, isMe: false },
          ],
          me: { rank: 2, points: 120 },
        }),
    });
    renderApp(PAGE, wire.fetch);
    const board = await section('Leaderboard');
    expect((await board.findByTestId('my-rank')).textContent).toBe('Your rank: #2 with 120 points.');
    const rows = board.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['#1alice300', '#27Yd3…m9UqYou120', '#2QqQq…RrRr120']);
    expect(rows[1]?.getAttribute('aria-current')).toBe('true');
    expect(inputOf(wire.calls, 'campaign.leaderboard')).toEqual({ campaignId: 7, limit: 10 });
  });

  it('has an empty state and asks a guest to sign in for a rank', async () => {
    renderApp(PAGE, serving(signedOutSession).fetch);
    const board = await section('Leaderboard');
    expect(await board.findByTestId('leaderboard-empty')).toBeTruthy();
    expect(board.getByTestId('my-rank').textContent).toBe('Sign in to see your rank.');
  });
});

describe('campaign list', () => {
  it('filters by tab and network through the address and pages with the cursor', async () => {
    const wire = serving(signedOutSession, {
      'campaign.list': (attempt) => {
        if (attempt === 0) return ok({ items: [campaignOf()], nextCursor: '7' });
        if (attempt === 1)
          return ok({ items: [campaignOf({ id: 3, slug: 'older', name: 'Older drop' })], nextCursor: null });
        return ok({ items: [], nextCursor: null });
      },
    });
    const { router } = renderApp('/campaigns', wire.fetch);
    const link = await screen.findByRole('link', { name: 'Puffy Genesis' }, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe('/campaigns/puffy-genesis');
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('link', { name: 'Older drop' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'Ended' }));
    fireEvent.change(screen.getByLabelText(/Network/), { target: { value: 'ton' } });
    expect(await screen.findByTestId('campaigns-empty')).toBeTruthy();
    expect(screen.getByText('No ended campaign on TON.')).toBeTruthy();
    expect(router.state.location.search).toBe('?phase=ended&network=ton');
    const inputs = () => inputsOf(wire.calls, 'campaign.list');
    expect(inputs()[1]).toMatchObject({ phase: 'active', cursor: '7' });
    await waitFor(() =>
      expect(inputs()).toContainEqual(expect.objectContaining({ phase: 'ended', network: 'ton' })),
    );
  });
});

describe('activities panel', () => {
  const activity = (activityId: number, name: string) => ({
    activityId,
    name,
    description: null,
    kind: 'manual',
    scope: 'campaign',
    initiatedByUser: false,
    points: 10,
    quantity: 1,
    required: false,
    status: 'not_started',
    completedAt: null,
  });

  it('shows the next page of activities on request, through the cursor of the last', async () => {
    const wire = serving(signedOutSession, {
      'activity.list': (attempt) =>
        attempt === 0
          ? ok({ items: [activity(1, 'Join the Discord')], nextCursor: 'after-1', points: 0 })
          : ok({ items: [activity(2, 'Tell a friend')], nextCursor: null, points: 0 }),
    });
    renderApp(PAGE, wire.fetch);
    const panel = await section('Activities');
    expect(await panel.findByText('Join the Discord')).toBeTruthy();
    fireEvent.click(panel.getByRole('button', { name: 'Show more activities' }));
    expect(await panel.findByText('Tell a friend')).toBeTruthy();
    expect(panel.getByText('Join the Discord')).toBeTruthy();
    expect(inputsOf(wire.calls, 'activity.list').at(-1)).toMatchObject({ cursor: 'after-1' });
    await waitFor(() => expect(panel.queryByRole('button', { name: 'Show more activities' })).toBeNull());
  });
});
