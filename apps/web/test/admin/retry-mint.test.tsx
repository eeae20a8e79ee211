import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../../src/lib/session-token';
import { renderApp } from '../render';
import { ok, versionOf, wireTransport } from '../wire';
import { operatorSession } from './session';

const nft = (id: number, status: string) => ({
  id,
  promotionId: 1,
  campaignId: 1,
  network: 'sol',
  sequence: id,
  status,
  assetAddress: null,
});

const standing = {
  info: {
    id: 'member-1',
    walletAddress: 'Wallet1',
    chain: 'sol',
    name: 'Ada',
    email: null,
    twitter: null,
    points: 40,
    avatarLocked: false,
    nfts: { items: [nft(11, 'mint_failed'), nft(12, 'minted')], hasMore: false },
  },
  role: 'user',
  activeSessions: 0,
  orders: {},
  devicePasses: { active: 0, used: 0, revoked: 0 },
};

function desk(scopes: string[]) {
  return wireTransport((path) => {
    if (path === 'auth.session') return ok(operatorSession(scopes));
    if (path === 'admin.members.standing') return ok(standing);
    if (path === 'admin.products.ofMember') return ok({ products: [], passes: [] });
    if (path === 'admin.orders.retryMint') return ok({ nftId: 11, status: 'mint_failed', queued: true });
    return ok(versionOf());
  });
}

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('retrying a failed mint from the member page', { timeout: 30_000 }, () => {
  it('offers the retry beside the failed mint only, and queues it', async () => {
    const wire = desk(['users', 'orders']);
    renderApp('/admin/members/member-1', wire.fetch);
    const failed = await screen.findByTestId('nft-11');
    expect(within(await screen.findByTestId('nft-12')).queryByRole('button')).toBeNull();
    fireEvent.click(within(failed).getByRole('button', { name: 'Retry the mint' }));
    expect(await screen.findByText('The mint is queued again.')).toBeTruthy();
    expect(wire.inputsFor('admin.orders.retryMint')).toEqual([{ nftId: 11 }]);
  });

  it('does not offer it to an operator without the orders scope', async () => {
    const wire = desk(['users']);
    renderApp('/admin/members/member-1', wire.fetch);
    expect(within(await screen.findByTestId('nft-11')).queryByRole('button')).toBeNull();
  });
});
