import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { CampaignCard } from '../src/campaigns/campaign-card';
import { Media, usableMediaUrl } from '../src/components/media';
import { campaignOf } from './campaign-fixtures';

afterEach(cleanup);

const boxOf = (container: HTMLElement) => container.querySelector<HTMLElement>('.media');

describe('Media', () => {
  it('keeps the picture’s size and a drawn placeholder while it loads, then shows it', () => {
    const { container } = render(
      <Media src="/media/demo/pass.svg" alt="Genesis Pass" width={1000} height={1000} />,
    );
    const box = boxOf(container);
    expect(box?.dataset.mediaState).toBe('loading');
    expect(box?.style.aspectRatio).toBe('1000 / 1000');
    expect(box?.querySelector('svg.media-placeholder')).not.toBeNull();
    const img = screen.getByRole('img', { name: 'Genesis Pass' });
    expect(img.getAttribute('width')).toBe('1000');
    expect(img.getAttribute('height')).toBe('1000');
    Object.defineProperty(img, 'naturalWidth', { value: 1000 });
    fireEvent.load(img);
    expect(box?.dataset.mediaState).toBe('loaded');
  });

  it('falls back to the drawing, never a broken image, when the picture fails', () => {
    const { container } = render(
      <Media src="https://arweave.net/gone.png" alt="Genesis Pass" width={1000} height={1000} />,
    );
    fireEvent.error(screen.getByRole('img', { name: 'Genesis Pass' }));
    const box = boxOf(container);
    expect(box?.dataset.mediaState).toBe('failed');
    expect(box?.querySelector('img')).toBeNull();
    // The fallback still names the picture for screen readers.
    expect(screen.getByRole('img', { name: 'Genesis Pass' })).toBe(box);
  });

  it('loads only the app’s own files and https, never another scheme', () => {
    expect(usableMediaUrl('/media/demo/genesis.svg')).toBe('/media/demo/genesis.svg');
    expect(usableMediaUrl('https://arweave.net/x.png')).toBe('https://arweave.net/x.png');
    expect(usableMediaUrl('http://arweave.net/x.png')).toBeNull();
    expect(usableMediaUrl('//evil.example/x.png')).toBeNull();
    expect(usableMediaUrl('javascript:alert(1)')).toBeNull();
    expect(usableMediaUrl(undefined)).toBeNull();
  });

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
    const boxes = [...container.querySelectorAll<HTMLElement>('.campaign-card-media')];
    expect(boxes.map((b) => b.dataset.mediaState)).toEqual(['failed', 'failed']);
    expect(container.querySelectorAll('img')).toHaveLength(0);
  });
});
