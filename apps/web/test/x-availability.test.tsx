import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../src/lib/session-token';
import { activityOf, campaignOf, emptyBoard, infoOf, signedInSession } from './campaign-fixtures';
import { renderApp } from './render';
import { ok, versionOf, wireTransport } from './wire';

vi.setConfig({ testTimeout: 15_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

function serving(xLinking: boolean) {
  return wireTransport((path) => {
    if (path === 'auth.session') return ok(signedInSession);
    if (path === 'campaign.get') return ok(campaignOf());
    if (path === 'campaign.info') return ok(infoOf());
    if (path === 'activity.list')
      return ok({
        items: [
          activityOf(),
          activityOf({ activityId: 3, kind: 'link_x', name: 'Link your X account', initiatedByUser: false }),
          activityOf({
            activityId: 4,
            kind: 'sign_in',
            name: 'Sign in with your wallet',
            initiatedByUser: false,
          }),
        ],
        nextCursor: null,
        points: 0,
      });
    if (path === 'campaign.leaderboard') return ok(emptyBoard);
    return ok(versionOf({ xLinking }));
  });
}

async function activities() {
  const heading = await screen.findByRole('heading', { name: 'Activities' }, { timeout: 10_000 });
  const section = heading.closest('section');
  if (!section) throw new Error('no activities');
  await within(section).findByText('Post about Puffy on X');
  return within(section);
}

describe('X activities where X cannot be linked', () => {
  it('shows them as unavailable with the reason and offers no post form', async () => {
    renderApp('/campaigns/puffy-genesis', serving(false).fetch);
    const view = await activities();
    await view.findAllByTestId('activity-unavailable');
    expect(view.getAllByTestId('activity-unavailable')).toHaveLength(2);
    expect(
      view.getAllByText('Not available at the moment: X accounts cannot be linked here yet.'),
    ).toHaveLength(2);
    expect(view.queryByLabelText('Link to your post on X')).toBeNull();
    expect(view.queryByRole('button', { name: 'Submit post' })).toBeNull();
  });

  it('offers the post form where X can be linked', async () => {
    renderApp('/campaigns/puffy-genesis', serving(true).fetch);
    const view = await activities();
    expect(await view.findByLabelText('Link to your post on X')).toBeTruthy();
    expect(view.queryByTestId('activity-unavailable')).toBeNull();
  });
});
