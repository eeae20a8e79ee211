import type { TNftProgress, TPromotion, TPromotionClaim } from '@puffy/contracts';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import bs58 from 'bs58';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { formatCountdown, formatSol, solanaPayUrl } from '../src/nft/words';
import { campaignOf, emptyBoard, infoOf, signedInSession } from './campaign-fixtures';
import { renderApp } from './render';
import { installWallet, uninstallWallets } from './standard-wallet';
import { failure, ok, versionOf, type WireAnswer, wireTransport } from './wire';

vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  uninstallWallets();
  cleanup();
  setCsrfToken(null);
  localStorage.clear();
});

const PAGE = '/campaigns/puffy-genesis';
const SIGNATURE = '5'.repeat(88);

const promotion: TPromotion = {
  id: 3,
  name: 'Genesis Pass',
  symbol: 'PUFFY',
  description: 'The pass of the first drop.',
  metadataUrl: null,
  collectionAddress: null,
  media: {},
  network: 'sol',
};

function claimOf(overrides: Partial<TPromotionClaim> = {}): TPromotionClaim {
  return {
    network: 'sol',
    name: 'Genesis Pass',
    symbol: 'PUFFY',
    nftId: 41,
    sequence: 12,
    gasFee: '10000001',
    status: 'new',
    treasuryAddress: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
    memo: '{"nft_id":41,"user_id":"u1"}',
    reference: '7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq',
    payBefore: new Date(Date.now() + 90_000).toISOString(),
    ...overrides,
  };
}

function progressOf(overrides: Partial<TNftProgress> = {}): TNftProgress {
  return {
    nftId: 41,
    promotionId: 3,
    campaignId: 7,
    network: 'sol',
    sequence: 12,
    status: 'new',
    transactionHash: null,
    paymentPending: false,
    surplus: '0',
    assetAddress: null,
    mintSignature: null,
    explorerUrl: null,
    failureReason: null,
    payBefore: new Date(Date.now() + 90_000).toISOString(),
    updatedAt: '2026-11-23T09:00:00.000Z',
    ...overrides,
  };
}

const eligibleInfo = infoOf({
  eligibility: { eligible: true, method: 'referral', wallet: null, since: '2026-11-20T00:00:00.000Z' },
});

function serving(overrides: Record<string, (attempt: number) => WireAnswer> = {}) {
  return wireTransport((path, attempt) => {
    const override = overrides[path];
    if (override) return override(attempt);
    if (path === 'auth.session') return ok(signedInSession);
    if (path === 'campaign.get') return ok(campaignOf({ nftGasFeeLamports: '10000001' }));
    if (path === 'campaign.info') return ok(eligibleInfo);
    if (path === 'campaign.promotions') return ok({ items: [promotion], nextCursor: null });
    if (path === 'promotion.alreadyPaid') return ok({ paid: false, nft: null });
    if (path === 'promotion.complete') return ok(claimOf());
    if (path === 'activity.list') return ok({ items: [], nextCursor: null, points: 0 });
    if (path === 'campaign.leaderboard') return ok(emptyBoard);
    return ok(versionOf());
  });
}

/** The mutation inputs posted for `path` (batched POST bodies are keyed by index). */
function postedCount(wire: ReturnType<typeof serving>, path: string): number {
  return wire.calls.filter((call) => call.method === 'POST' && call.paths.includes(path)).length;
}

describe('formatting', () => {
  it('shows lamports as SOL digit for digit, without a float', () => {
    expect(formatSol('10000001')).toBe('0.010000001 SOL');
    expect(formatSol('1000000000')).toBe('1 SOL');
    expect(formatSol('18446744073709551615', 'en-US')).toBe('18,446,744,073.709551615 SOL');
    // In the member's locale, every digit still there.
    expect(formatSol('18446744073709551615', 'de-DE')).toBe('18.446.744.073,709551615 SOL');
    expect(formatSol('1')).toBe('0.000000001 SOL');
  });

  it('counts the window down in minutes and seconds, never below zero', () => {
    expect(formatCountdown(1800)).toBe('30:00');
    expect(formatCountdown(61)).toBe('01:01');
    expect(formatCountdown(3725)).toBe('1:02:05');
    expect(formatCountdown(-4)).toBe('00:00');
  });

  it('builds a Solana Pay request carrying the exact amount, memo and reference', () => {
    const url = new URL(solanaPayUrl(claimOf(), 'Gas fee for Genesis Pass #12'));
    expect(url.protocol).toBe('solana:');
    expect(url.pathname).toBe('9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin');
    expect(url.searchParams.get('amount')).toBe('0.010000001');
    expect(url.searchParams.get('memo')).toBe('{"nft_id":41,"user_id":"u1"}');
    expect(url.searchParams.get('reference')).toBe('7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq');
    // The wallet shows the message beside the amount: spaces as %20, which every wallet reads.
    expect(url.searchParams.get('message')).toBe('Gas fee for Genesis Pass #12');
    expect(url.search).not.toContain('+');
  });
});

describe('claim and payment screen', () => {
  it('claims, then shows the fee in SOL and the time left in the window', async () => {
    const wire = serving();
    renderApp(PAGE, wire.fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Claim your NFT' }, { timeout: 12_000 }));
    const payment = await screen.findByTestId('nft-payment');
    expect(within(payment).getByTestId('nft-fee').textContent).toBe('0.010000001 SOL');
    expect(within(payment).getByTestId('nft-window').textContent).toMatch(/Pay within 01:(29|30)/);
    expect(within(payment).getByText('{"nft_id":41,"user_id":"u1"}')).toBeTruthy();
    expect(postedCount(wire, 'promotion.complete')).toBe(1);
    // Not the member's development wallet here: no button that would pay from another wallet (checked
    // once the wallet list, which loads after a dynamic import, has had time to arrive).
    await import('@wallet-standard/app');
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(within(payment).queryByRole('button', { name: /with the development wallet$/ })).toBeNull();
  });

  it('says the window closed and offers no way to pay once payBefore passed', async () => {
    const wire = serving({
      'promotion.complete': () => ok(claimOf({ payBefore: new Date(Date.now() - 1000).toISOString() })),
    });
    renderApp(PAGE, wire.fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Claim your NFT' }, { timeout: 5000 }));
    const window = await screen.findByTestId('nft-window');
    expect(window.getAttribute('data-closed')).toBe('true');
    expect(window.textContent).toContain('The payment window has closed');
    expect(screen.queryByText('Pay with a Solana Pay wallet')).toBeNull();
  });

  it('tells a member with activities missing what to do, and lets them try again', async () => {
    const wire = serving({
      'promotion.complete': (attempt) =>
        attempt === 0
          ? failure(
              'promotion.complete',
              'PRECONDITION_FAILED',
              412,
              'Complete the required activities first: Post about Puffy on X.',
              { reason: 'activities_missing' },
            )
          : ok(claimOf()),
    });
    renderApp(PAGE, wire.fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Claim your NFT' }, { timeout: 5000 }));
    const alert = await screen.findByText('Complete the required activities first: Post about Puffy on X.');
    const notice = alert.closest('[role="alert"]');
    expect(notice?.getAttribute('data-reason')).toBe('activities_missing');
    expect(notice?.textContent).toContain('Finish the required activities listed under Activities');
    fireEvent.click(within(notice as HTMLElement).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('nft-payment')).toBeTruthy();
  });

  it('refuses a malformed signature before sending, then shows why the chain check refused a real one', async () => {
    const wire = serving({
      'promotion.mintGas': () =>
        failure('promotion.mintGas', 'BAD_REQUEST', 400, 'Invalid input', {
          reason: 'amount_too_small',
          fieldErrors: { transactionHash: ['The transfer is 5000 lamports; the gas fee is 10000001.'] },
        }),
    });
    renderApp(PAGE, wire.fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Claim your NFT' }, { timeout: 5000 }));
    const payment = await screen.findByTestId('nft-payment');
    const input = within(payment).getByLabelText('Transaction signature');
    fireEvent.change(input, { target: { value: 'not-a-signature' } });
    fireEvent.click(within(payment).getByRole('button', { name: 'Check my payment' }));
    // Beside the field, wired to it, so a screen reader reads it with the field.
    const problem = await within(payment).findByText(/Paste the transaction signature/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-errormessage')).toBe(problem.id);
    expect(postedCount(wire, 'promotion.mintGas')).toBe(0);

    fireEvent.change(input, { target: { value: SIGNATURE } });
    fireEvent.click(within(payment).getByRole('button', { name: 'Check my payment' }));
    const refusal = await within(payment).findByText(
      'The transfer is 5000 lamports; the gas fee is 10000001.',
    );
    expect(refusal.closest('[role="alert"]')?.textContent).toContain('does not pay for this claim');
  });

  it('pays the fee in one click with a Wallet Standard wallet: the server’s transaction, then mintGas', async () => {
    const signature = Uint8Array.from({ length: 64 }, (_, i) => (i * 11 + 3) % 256);
    const send = installWallet(async () => [{ signature }]);
    const transaction = btoa('a transaction the server built, as wire bytes');
    const wire = serving({
      'promotion.paymentTransaction': () => ok({ transaction, message: 'Pay the gas fee' }),
      'promotion.mintGas': () => ok(progressOf({ status: 'paid', transactionHash: bs58.encode(signature) })),
    });
    renderApp(PAGE, wire.fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Claim your NFT' }, { timeout: 5000 }));
    const payment = await screen.findByTestId('nft-payment');
    fireEvent.click(
      await within(payment).findByRole('button', { name: 'Pay 0.010000001 SOL with Test Wallet' }),
    );
    await waitFor(() => expect(postedCount(wire, 'promotion.mintGas')).toBe(1));
    const [input] = send.mock.calls[0] ?? [];
    expect(input?.chain).toBe('solana:mainnet');
    expect(btoa(String.fromCharCode(...(input?.transaction ?? [])))).toBe(transaction);
    expect(wire.inputsFor('promotion.paymentTransaction')).toEqual([
      { nftId: 41, account: signedInSession.user.walletAddress },
    ]);
    expect(wire.inputsFor('promotion.mintGas')).toEqual([
      { nftId: 41, transactionHash: bs58.encode(signature) },
    ]);
  });

  it('offers browser wallets only for claims on Solana (they send on Solana mainnet)', async () => {
    installWallet(async () => []);
    const wire = serving({ 'promotion.complete': () => ok(claimOf({ network: 'soon' })) });
    renderApp(PAGE, wire.fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Claim your NFT' }, { timeout: 5000 }));
    const payment = await screen.findByTestId('nft-payment');
    await within(payment).findByRole('link', { name: 'Pay with a Solana Pay wallet' });
    // The wallet list loads after a dynamic import (cached by now) and a render: let both happen, so
    // the absence below is the filter's doing, not the list arriving late.
    await import('@wallet-standard/app');
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(within(payment).queryByRole('button', { name: /with Test Wallet$/ })).toBeNull();
  });

  it('says a reported payment not visible yet is being checked', async () => {
    const wire = serving({
      'promotion.mintGas': () =>
        ok(
          progressOf({
            transactionHash: SIGNATURE,
            paymentPending: true,
            updatedAt: '2026-11-23T09:01:00.000Z',
          }),
        ),
    });
    renderApp(PAGE, wire.fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Claim your NFT' }, { timeout: 5000 }));
    const payment = await screen.findByTestId('nft-payment');
    fireEvent.change(within(payment).getByLabelText('Transaction signature'), {
      target: { value: SIGNATURE },
    });
    fireEvent.click(within(payment).getByRole('button', { name: 'Check my payment' }));
    expect((await screen.findByTestId('nft-pending')).textContent).toContain('We will keep checking');
  });

  it('shows each refusal of mintGas with its own words', async () => {
    const wire = serving({
      'promotion.mintGas': () =>
        failure(
          'promotion.mintGas',
          'CONFLICT',
          409,
          'This transaction was already used to pay for something else.',
          {
            reason: 'payment_reused',
          },
        ),
    });
    renderApp(PAGE, wire.fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Claim your NFT' }, { timeout: 5000 }));
    const payment = await screen.findByTestId('nft-payment');
    fireEvent.change(within(payment).getByLabelText('Transaction signature'), {
      target: { value: SIGNATURE },
    });
    fireEvent.click(within(payment).getByRole('button', { name: 'Check my payment' }));
    const alert = await within(payment).findByText(
      'This transaction was already used to pay for something else.',
    );
    expect(alert.closest('[role="alert"]')?.textContent).toContain('Each payment counts once');
  });
});

describe('coming back to a claim', () => {
  it('reopens the payment screen of a claim still waiting for its fee, without a click', async () => {
    const wire = serving({ 'promotion.alreadyPaid': () => ok({ paid: false, nft: progressOf() }) });
    renderApp(PAGE, wire.fetch);
    expect(await screen.findByTestId('nft-payment', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Claim your NFT' })).toBeNull();
    expect(postedCount(wire, 'promotion.complete')).toBe(1);
  });

  it('shows a paid claim at its step of the progress', async () => {
    const wire = serving({
      'promotion.alreadyPaid': () =>
        ok({ paid: true, nft: progressOf({ status: 'payment_confirmed', transactionHash: SIGNATURE }) }),
    });
    renderApp(PAGE, wire.fetch);
    const progress = await screen.findByTestId('nft-progress', {}, { timeout: 5000 });
    expect(progress.getAttribute('data-status')).toBe('payment_confirmed');
    const states = within(progress)
      .getAllByRole('listitem')
      .map((item) => item.getAttribute('data-state'));
    expect(states).toEqual(['done', 'done', 'current', 'waiting']);
    expect(postedCount(wire, 'promotion.complete')).toBe(0);
  });

  it('shows a minted NFT with its explorer link and a share button', async () => {
    const explorerUrl = `https://explorer.solana.com/tx/${SIGNATURE}`;
    const wire = serving({
      'promotion.alreadyPaid': () =>
        ok({
          paid: true,
          nft: progressOf({
            status: 'minted',
            transactionHash: SIGNATURE,
            mintSignature: SIGNATURE,
            explorerUrl,
          }),
        }),
    });
    renderApp(PAGE, wire.fetch);
    await screen.findByTestId('nft-minted', {}, { timeout: 5000 });
    expect(screen.getByTestId('nft-explorer').getAttribute('href')).toBe(explorerUrl);
    expect(screen.getByRole('link', { name: 'Its public page' }).getAttribute('href')).toBe('/nft/41');
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('http://localhost:3000/nft/41'));
  });

  it('explains an expired claim, and offers nothing for a member who is not eligible', async () => {
    const wire = serving({
      'promotion.alreadyPaid': () =>
        ok({
          paid: false,
          nft: progressOf({ status: 'payment_expired', failureReason: 'No payment arrived in time.' }),
        }),
    });
    renderApp(PAGE, wire.fetch);
    expect((await screen.findByTestId('nft-expired', {}, { timeout: 5000 })).textContent).toContain(
      'No payment arrived in time.',
    );
    cleanup();
    const notEligible = serving({ 'campaign.info': () => ok(infoOf()) });
    renderApp(PAGE, notEligible.fetch);
    await screen.findByTestId('standing-status', {}, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: 'Claim your NFT' })).toBeNull();
  });
});
