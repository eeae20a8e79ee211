import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { campaignOf, inputOf, signedOutSession } from './campaign-fixtures';
import { renderApp } from './render';
import { failure, ok, versionOf, wireTransport } from './wire';

afterEach(cleanup);

const groupAnswer = {
  group: { id: 3, slug: 'winter', name: 'Winter drops', description: 'Three chains, one season.' },
  campaigns: { items: [campaignOf({ id: 1, name: 'Snow on Solana' })], nextCursor: null },
};

describe('campaign group page', () => {
  it('shows the group named in the address, with its campaigns', async () => {
    const wire = wireTransport((path) =>
      path === 'campaign.group'
        ? ok(groupAnswer)
        : path === 'auth.session'
          ? ok(signedOutSession)
          : ok(versionOf()),
    );
    renderApp('/groups/winter', wire.fetch);
    expect(await screen.findByRole('heading', { name: 'Winter drops', level: 1 })).toBeTruthy();
    expect(screen.getByText('Three chains, one season.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Snow on Solana' })).toBeTruthy();
    expect(inputOf(wire.calls, 'campaign.group')).toMatchObject({ slug: 'winter' });
  });

  it('says so in words when the group does not exist', async () => {
    const wire = wireTransport((path) =>
      path === 'campaign.group'
        ? failure(path, 'NOT_FOUND', 404, 'There is no campaign group with that name.')
        : path === 'auth.session'
          ? ok(signedOutSession)
          : ok(versionOf()),
    );
    renderApp('/groups/nope', wire.fetch);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'There is no campaign group with that name.',
    );
  });
});
