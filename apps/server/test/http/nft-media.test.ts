import { absoluteMediaUrl } from '@puffy/api';
import type { TNftPublic } from '@puffy/contracts';
import { describe, expect, it } from 'vitest';
import { nftMetaTags } from '../../src/http/nft-pages';

const nft = (image: string | null): TNftPublic => ({
  id: 7,
  name: 'Genesis Pass #7',
  symbol: 'PUFFY',
  description: null,
  image,
  sequence: 7,
  network: 'sol',
  status: 'minted',
  ownerShort: '7xKX…sAsU',
  campaign: { id: 1, name: 'Puffy Genesis', slug: 'genesis' },
  assetAddress: null,
  mintSignature: null,
  explorerUrl: null,
});

/** Wallets, marketplaces and link previews fetch media from elsewhere: a path of ours must name our origin. */
describe('NFT media outside our own pages', () => {
  it('makes the app’s own artwork absolute and leaves other addresses as they are', () => {
    const origin = 'https://puffy.example';
    expect(absoluteMediaUrl(origin, '/media/demo/pass.svg')).toBe(
      'https://puffy.example/media/demo/pass.svg',
    );
    expect(absoluteMediaUrl(origin, 'https://arweave.net/puffy/pass.png')).toBe(
      'https://arweave.net/puffy/pass.png',
    );
    expect(absoluteMediaUrl(origin, '//evil.example.net/x.png')).toBe('//evil.example.net/x.png');
  });

  it('gives link previews an absolute og:image for shipped artwork', () => {
    const tags = nftMetaTags(nft('/media/demo/pass.svg'), 'https://puffy.example/nft/7');
    expect(tags).toContain('<meta property="og:image" content="https://puffy.example/media/demo/pass.svg">');
    expect(tags).toContain('<meta name="twitter:image" content="https://puffy.example/media/demo/pass.svg">');
  });
});
