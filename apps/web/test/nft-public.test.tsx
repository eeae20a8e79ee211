import type { TNftPublic } from '@puffy/contracts';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signedOutSession } from './campaign-fixtures';
import { renderApp } from './render';
import { failure, ok, versionOf, type WireAnswer, wireTransport } from './wire';

vi.setConfig({ testTimeout: 15_000 });

afterEach(() => cleanup());

const MINT = '4'.repeat(87);

const nft: TNftPublic = {
  id: 41,
  name: 'Genesis Pass #12',
  symbol: 'PUFFY',
  description: 'The pass of the first drop.',
  image: 'https://arweave.net/puffy/pass.png',
  sequence: 12,
  network: 'sol',
  status: 'minted',
  ownerShort: '7Yd3…m9Uq',
  campaign: { id: 7, name: 'Puffy Genesis', slug: 'puffy-genesis' },
  assetAddress: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
  mintSignature: MINT,
  explorerUrl: `https://explorer.solana.com/tx/${MINT}`,
};

function serving(answer: () => WireAnswer) {
  return wireTransport((path) => {
    if (path === 'nft.public') return answer();
    if (path === 'auth.session') return ok(signedOutSession);
    return ok(versionOf());
  });
}

describe('public NFT page', () => {
  it('shows the NFT to anyone: picture, name with number, short owner, campaign and mint', async () => {
    const wire = serving(() => ok(nft));
    renderApp('/nft/41', wire.fetch);
    const page = await screen.findByTestId('nft-public', {}, { timeout: 12_000 });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Genesis Pass #12');
    expect(screen.getByRole('img', { name: 'Genesis Pass #12' }).getAttribute('src')).toBe(nft.image);
    expect(screen.getByTestId('nft-owner').textContent).toBe('7Yd3…m9Uq');
    expect(screen.getByRole('link', { name: 'Puffy Genesis' }).getAttribute('href')).toBe(
      '/campaigns/puffy-genesis',
    );
    expect(screen.getByRole('link', { name: MINT }).getAttribute('href')).toBe(nft.explorerUrl);
    expect(page.textContent).toContain('Solana');
    const asked = wire.calls.find((call) => call.paths.includes('nft.public'));
    expect(JSON.parse(asked?.url.searchParams.get('input') ?? '{}')).toEqual({ 0: { id: 41 } });
    await vi.waitFor(() => expect(document.title).toContain('Genesis Pass #12'));
  });

  it('says so when there is no NFT at the link', async () => {
    const wire = serving(() => failure('nft.public', 'NOT_FOUND', 404, 'No NFT with this id.'));
    renderApp('/nft/999', wire.fetch);
    expect((await screen.findByTestId('nft-not-found', {}, { timeout: 12_000 })).textContent).toContain(
      'There is no minted NFT at this link',
    );
  });

  it('does not ask the server for a link that names no NFT', async () => {
    const wire = serving(() => ok(nft));
    renderApp('/nft/abc', wire.fetch);
    expect((await screen.findByTestId('nft-not-found', {}, { timeout: 12_000 })).textContent).toContain(
      'does not name an NFT',
    );
    expect(wire.calls.some((call) => call.paths.includes('nft.public'))).toBe(false);
  });

  it('shows a placeholder, not a broken image, for an NFT without media', async () => {
    const wire = serving(() => ok({ ...nft, image: null, mintSignature: null, explorerUrl: null }));
    renderApp('/nft/41', wire.fetch);
    await screen.findByTestId('nft-public', {}, { timeout: 12_000 });
    const picture = screen.getByRole('img', { name: 'Genesis Pass #12' });
    expect(picture.tagName).not.toBe('IMG');
    expect(picture.getAttribute('data-media-state')).toBe('failed');
    expect(screen.queryByTestId('nft-mint-signature')).toBeNull();
  });
});
