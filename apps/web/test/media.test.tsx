import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { CampaignCard } from '../src/campaigns/campaign-card';
import { Artwork, usableMediaUrl as artworkUrl } from '../src/components/media/artwork';
import { campaignOf } from './campaign-fixtures';

afterEach(cleanup);

describe.each([{ name: 'Artwork', Picture: Artwork, usable: artworkUrl, box: '[data-slot="artwork"]' }])(
  '$name',
  ({ Picture, usable, box }) => {
    const boxOf = (container: HTMLElement) => container.querySelector<HTMLElement>(box);

    it('keeps the picture’s size and a drawn placeholder while it loads, then shows it', () => {
      const { container } = render(
        <Picture src="/media/demo/pass.svg" alt="Genesis Pass" width={1000} height={1000} />,
      );
      const shown = boxOf(container);
      expect(shown?.dataset.mediaState).toBe('loading');
      expect(shown?.style.aspectRatio).toBe('1000 / 1000');
      expect(shown?.querySelector('svg')).not.toBeNull();
      const img = screen.getByRole('img', { name: 'Genesis Pass' });
      expect(img.getAttribute('width')).toBe('1000');
      expect(img.getAttribute('height')).toBe('1000');
      Object.defineProperty(img, 'naturalWidth', { value: 1000 });
      fireEvent.load(img);
      expect(shown?.dataset.mediaState).toBe('loaded');
    });

    it('falls back to the drawing, never a broken image, when the picture fails', () => {
      const { container } = render(
        <Picture src="https://arweave.net/gone.png" alt="Genesis Pass" width={1000} height={1000} />,
      );
      fireEvent.error(screen.getByRole('img', { name: 'Genesis Pass' }));
      const shown = boxOf(container);
      expect(shown?.dataset.mediaState).toBe('failed');
      expect(shown?.querySelector('img')).toBeNull();
      // The fallback still names the picture for screen readers.
      expect(screen.getByRole('img', { name: 'Genesis Pass' })).toBe(shown);
    });

    it('loads only the app’s own files and https, never another scheme', () => {
      expect(usable('/media/demo/genesis.svg')).toBe('/media/demo/genesis.svg');
      expect(usable('https://arweave.net/x.png')).toBe('https://arweave.net/x.png');
      expect(usable('http://arweave.net/x.png')).toBeNull();
      expect(usable('//evil.example/x.png')).toBeNull();
      expect(usable('javascript:alert(1)')).toBeNull();
      expect(usable(undefined)).toBeNull();
    });
  },
);

describe('CampaignCard', () => {
  it('gives a campaign card a picture box even when its picture fails or is missing', () => {
    const { container } = render(
      <MemoryRouter>
        <ul>
          <CampaignCard campaign={campaignOf({ media: { image: 'https://arweave.net/gone.png' } })} />
          <CampaignCard campaign={campaignOf({ id: 8, slug: 'other', media: {} })} />
        </ul>
      </MemoryRouter>,
    );
    for (const img of container.querySelectorAll('img')) fireEvent.error(img);
    const boxes = [...container.querySelectorAll<HTMLElement>('[data-slot="artwork"]')];
    expect(boxes.map((b) => b.dataset.mediaState)).toEqual(['failed', 'failed']);
    expect(container.querySelectorAll('img')).toHaveLength(0);
  });
});
