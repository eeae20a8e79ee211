import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { answerOf, campaignOf, inputOf, signedOutSession } from './campaign-fixtures';
import { renderApp } from './render';
import { failure, ok, versionOf, type WireAnswer, wireTransport } from './wire';

afterEach(cleanup);

const campaigns = [
  campaignOf({ id: 1, name: 'Alpha drop' }),
  campaignOf({ id: 2, name: 'Beta drop', slug: 'beta' }),
];

function serve(first: () => WireAnswer) {
  return wireTransport((path) =>
    path === 'campaign.list'
      ? ok({ items: campaigns, nextCursor: null })
      : path === 'eligibility.first'
        ? first()
        : path === 'auth.session'
          ? ok(signedOutSession)
          : ok(versionOf()),
  );
}

async function checkWallet(address: string) {
  const card = within(
    (await screen.findByRole('heading', { name: /every campaign/ })).closest('section') as HTMLElement,
  );
  fireEvent.change(card.getByLabelText('Wallet address'), { target: { value: address } });
  fireEvent.click(card.getByRole('button', { name: 'Check all' }));
  return card;
}

describe('checking one wallet against every campaign (eligibility.first)', () => {
  it('asks once for all the campaigns shown and marks the first one the wallet qualifies for', async () => {
    const wire = serve(() =>
      ok({
        firstEligibleCampaignId: 2,
        answers: [
          answerOf({
            campaignId: 1,
            outcome: 'not_eligible',
            message: 'This wallet holds none of the collection.',
          }),
          answerOf({ campaignId: 2, outcome: 'eligible', message: 'You are eligible.' }),
        ],
      }),
    );
    renderApp('/campaigns', wire.fetch);
    const card = await checkWallet('  7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq ');
    const answers = await card.findByTestId('multi-check-answers');
    const rows = within(answers).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-outcome'))).toEqual(['not_eligible', 'eligible']);
    expect(within(rows[1] as HTMLElement).getByText('First match')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).queryByText('First match')).toBeNull();
    expect(inputOf(wire.calls, 'eligibility.first')).toEqual({
      wallet: { chain: 'sol', address: '7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq' },
      campaignIds: [1, 2],
    });
  });

  it('puts the server’s field error on the address field, in words for people', async () => {
    const wire = serve(() =>
      failure('eligibility.first', 'BAD_REQUEST', 400, 'Check the wallet address.', {
        fieldErrors: { 'wallet.address': ['This is not a Solana address.'] },
      }),
    );
    renderApp('/campaigns', wire.fetch);
    const card = await checkWallet('not-an-address');
    expect(await card.findByText('This is not a Solana address.')).toBeTruthy();
    const field = card.getByLabelText('Wallet address');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain('error');
    expect(card.queryByTestId('multi-check-answers')).toBeNull();
  });
});
