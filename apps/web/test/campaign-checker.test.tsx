import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import {
  answerOf,
  infoOf,
  inputOf,
  SOLANA_WALLET,
  campaignRoomWire as serving,
  signedInSession,
  signedOutSession,
} from './campaign-fixtures';
import { renderApp } from './render';
import { failure, ok, rateLimited } from './wire';

const PAGE = '/campaigns/puffy-genesis';

// The first test of a file also transforms the lazily loaded campaign chunks.
vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

const pathsOf = (wire: ReturnType<typeof serving>) => wire.calls.flatMap((c) => c.paths);

async function guestChecker() {
  // The first render also downloads (here: transforms) the page's lazily loaded chunk.
  const heading = await screen.findByRole('heading', { name: 'Am I eligible?' }, { timeout: 5000 });
  const section = heading.closest('section');
  if (!section) throw new Error('no checker');
  return within(section);
}

describe('eligibility checker, signed out (dry run)', () => {
  it('refuses an address the shared schema rejects, beside the field, without asking the server', async () => {
    const wire = serving(signedOutSession);
    renderApp(PAGE, wire.fetch);
    const checker = await guestChecker();
    fireEvent.change(checker.getByLabelText('Wallet address'), { target: { value: '0xnot-solana' } });
    fireEvent.click(checker.getByRole('button', { name: 'Check eligibility' }));
    expect(await checker.findByText(/A Solana address must be base58/)).toBeTruthy();
    expect(checker.getByLabelText('Wallet address').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(checker.getByLabelText('Wallet type'), { target: { value: 'evm' } });
    fireEvent.click(checker.getByRole('button', { name: 'Check eligibility' }));
    expect(await checker.findByText(/An EVM address is 0x followed by 40 hex digits/)).toBeTruthy();
    expect(pathsOf(wire)).not.toContain('campaign.checkEligibleDryRun');
  });

  it('checks any wallet and says why, per method, saving nothing', async () => {
    const wire = serving(signedOutSession, {
      'campaign.checkEligibleDryRun': () =>
        ok(
          answerOf({
            reason: 'sign_in_required',
            message: 'Not eligible with this wallet alone. Sign in to check the rest.',
            methods: [
              { method: 'referral', passed: null, detail: 'Sign in to check your referral' },
              { method: 'sol', passed: false, detail: 'This wallet does not hold Puffy Genesis.' },
            ],
          }),
        ),
    });
    renderApp(PAGE, wire.fetch);
    const checker = await guestChecker();
    fireEvent.change(checker.getByLabelText('Wallet address'), { target: { value: ` ${SOLANA_WALLET} ` } });
    fireEvent.click(checker.getByRole('button', { name: 'Check eligibility' }));
    const answer = await checker.findByTestId('eligibility-answer');
    expect(answer.getAttribute('data-outcome')).toBe('not_eligible');
    expect(within(answer).getByText(/Sign in to check the rest/)).toBeTruthy();
    expect(within(answer).getByText(/Join with a referral code/)).toBeTruthy();
    expect(within(answer).getByText(/does not hold Puffy Genesis/)).toBeTruthy();
    expect(checker.getByText(/nothing is saved/)).toBeTruthy();
    const call = wire.calls.find((c) => c.paths.includes('campaign.checkEligibleDryRun'));
    expect(call?.method).toBe('GET');
    expect(inputOf(wire.calls, 'campaign.checkEligibleDryRun')).toEqual({
      campaignId: 7,
      wallet: { chain: 'sol', address: SOLANA_WALLET },
    });
    expect(pathsOf(wire)).not.toContain('campaign.checkEligible');
  });

  it('counts down on TOO_MANY_REQUESTS and keeps the button disabled meanwhile', async () => {
    const wire = serving(signedOutSession, {
      'campaign.checkEligibleDryRun': () => rateLimited('campaign.checkEligibleDryRun', 42),
    });
    renderApp(PAGE, wire.fetch);
    const checker = await guestChecker();
    fireEvent.change(checker.getByLabelText('Wallet address'), { target: { value: SOLANA_WALLET } });
    fireEvent.click(checker.getByRole('button', { name: 'Check eligibility' }));
    expect(await checker.findByText('Try again in 42 s')).toBeTruthy();
    expect(checker.getByText('Too many attempts')).toBeTruthy();
    await waitFor(() =>
      expect(checker.getByRole('button', { name: 'Check eligibility' }).hasAttribute('disabled')).toBe(true),
    );
  });

  it('answers a chain outage with "try again", never "not eligible", and retries on request', async () => {
    const wire = serving(signedOutSession, {
      'campaign.checkEligibleDryRun': (attempt) =>
        attempt === 0
          ? failure(
              'campaign.checkEligibleDryRun',
              'SERVICE_UNAVAILABLE',
              503,
              'We could not check your holdings right now. Please try again in a moment.',
            )
          : ok(
              answerOf({
                outcome: 'eligible',
                reason: 'eligible',
                message: 'Eligible through sol.',
                method: 'sol',
              }),
            ),
    });
    renderApp(PAGE, wire.fetch);
    const checker = await guestChecker();
    fireEvent.change(checker.getByLabelText('Wallet address'), { target: { value: SOLANA_WALLET } });
    fireEvent.click(checker.getByRole('button', { name: 'Check eligibility' }));
    const alert = await checker.findByRole('alert');
    expect(within(alert).getByText('Temporarily unavailable')).toBeTruthy();
    expect(within(alert).getByText(/try again in a moment/)).toBeTruthy();
    expect(checker.queryByText('Not eligible yet')).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect((await checker.findByTestId('eligibility-answer')).getAttribute('data-outcome')).toBe('eligible');
  });
});

describe('eligibility checker and standing, signed in', () => {
  it('records the check and turns the reason into a checklist of what is missing', async () => {
    const wire = serving(signedInSession, {
      'campaign.checkEligible': () =>
        ok(
          answerOf({
            reason: 'activities_missing',
            message:
              'Joined with a valid referral code. Complete the required activities: Post about Puffy on X.',
            method: 'referral',
            methods: [{ method: 'referral', passed: true, detail: 'Joined with a valid referral code.' }],
            missingActivities: [{ activityId: 2, name: 'Post about Puffy on X' }],
          }),
        ),
    });
    renderApp(PAGE, wire.fetch);
    const summary = await screen.findByTestId('checklist-summary', {}, { timeout: 5000 });
    // Before any check: every accepted way, in plain words.
    expect(summary.textContent).toBe('2 of 3 still to do.');
    const list = screen.getByRole('list', { name: 'What you still need' });
    expect(
      within(list).getByText(/Hold an NFT of Puffy Genesis on Solana; Join with a referral code/),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Check my eligibility' }));
    expect(
      await screen.findByText(/Join with a referral code: done\. Finish the required activities/),
    ).toBeTruthy();
    const items = within(list).getAllByRole('listitem');
    expect(
      items.map((li) => [li.textContent?.includes('Post about Puffy on X'), li.getAttribute('data-done')]),
    ).toEqual([
      [false, 'false'],
      [false, 'true'],
      [true, 'false'],
    ]);
    await waitFor(() => expect(wire.calls.filter((c) => c.paths.includes('campaign.info')).length).toBe(2));
    expect(pathsOf(wire)).not.toContain('campaign.checkEligibleDryRun');
  });

  it('lists each method’s own reason when none matched, and shows an eligible standing as done', async () => {
    const wire = serving(signedInSession, {
      'campaign.checkEligible': () => ok(answerOf()),
      'campaign.info': (attempt) =>
        ok(
          attempt < 2
            ? infoOf()
            : infoOf({
                eligibility: {
                  eligible: true,
                  method: 'referral',
                  wallet: null,
                  since: '2026-11-23T10:00:00.000Z',
                },
                activities: infoOf().activities.map((a) => ({ ...a, status: 'completed' as const })),
              }),
        ),
    });
    renderApp(PAGE, wire.fetch);
    await screen.findByTestId('checklist-summary', {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Check my eligibility' }));
    expect(
      await screen.findByText(
        /Any one of: Join with a referral code \(Join with a valid referral code\); Hold an NFT/,
      ),
    ).toBeTruthy();
    const status = screen.getByTestId('standing-status');
    expect(status.getAttribute('data-eligible')).toBe('false');
    // The next read of the standing (after the member did what was missing) shows it done.
    fireEvent.click(screen.getByRole('button', { name: 'Check my eligibility' }));
    await waitFor(() =>
      expect(screen.getByTestId('standing-status').getAttribute('data-eligible')).toBe('true'),
    );
    expect(screen.getByTestId('checklist-summary').textContent).toBe('Everything is done.');
  });
});
