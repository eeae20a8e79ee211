import { type SyntheticEvent, useEffect, useRef, useState } from 'react';
import { cn } from '../../lib/cn';

/**
 * Where a picture may come from: this app's own files (the demo artwork ships with it) or https. The
 * server's CSP narrows https further to the allow-listed media hosts; a picture it blocks fails to
 * load and shows the fallback like any other broken one.
 */
export function usableMediaUrl(src: string | null | undefined): string | null {
  if (!src) return null;
  if (src.startsWith('/') && !src.startsWith('//')) return src;
  try {
    return new URL(src).protocol === 'https:' ? src : null;
  } catch {
    return null;
  }
}

type State = 'loading' | 'loaded' | 'failed';

export interface ArtworkProps {
  src: string | null | undefined;
  /** Empty for decoration; the fallback then stays silent too. */
  alt: string;
  /** The picture's intrinsic size: the box keeps this ratio before, during and after loading. */
  width: number;
  height: number;
  className?: string;
  loading?: 'lazy' | 'eager';
}

/**
 * Every picture of a campaign or NFT: a box of the picture's ratio with a drawn placeholder under it,
 * the picture fading in once loaded, and the drawn fallback (never a broken-image icon) when there is
 * none or it fails. The box never changes size, so nothing on the page moves when a picture arrives.
 */
export function Artwork({ src, alt, width, height, className, loading = 'lazy' }: ArtworkProps) {
  const url = usableMediaUrl(src);
  const [state, setState] = useState<State>(url ? 'loading' : 'failed');
  const image = useRef<HTMLImageElement>(null);

  useEffect(() => {
    setState(url ? 'loading' : 'failed');
    // A picture the browser already had (or had already failed) may settle before React listens.
    const element = image.current;
    if (url && element?.complete) setState(element.naturalWidth > 0 ? 'loaded' : 'failed');
  }, [url]);

  const settle = (event: SyntheticEvent<HTMLImageElement>) =>
    setState(event.currentTarget.naturalWidth > 0 ? 'loaded' : 'failed');

  return (
    <span
      data-slot="artwork"
      data-media-state={state}
      className={cn(
        'relative block max-w-full overflow-hidden rounded-lg bg-[linear-gradient(135deg,var(--color-muted),color-mix(in_oklch,var(--color-primary)_25%,var(--color-muted)))]',
        className,
      )}
      style={{ aspectRatio: `${width} / ${height}` }}
      {...(state === 'failed' && alt ? { role: 'img', 'aria-label': alt } : {})}
    >
      <svg
        data-slot="artwork-placeholder"
        className={cn(
          'absolute inset-0 m-auto size-[30%] max-w-24 fill-primary/45',
          state === 'loading' && 'animate-pulse motion-reduce:animate-none',
          state === 'loaded' && 'invisible',
        )}
        viewBox="0 0 64 64"
        aria-hidden="true"
        focusable="false"
      >
        <circle cx="32" cy="32" r="18" />
        <circle cx="26" cy="29" r="2.5" className="fill-muted" />
        <circle cx="38" cy="29" r="2.5" className="fill-muted" />
        <path
          d="M26 38c4 3 8 3 12 0"
          className="fill-none stroke-muted"
          strokeWidth={2.5}
          strokeLinecap="round"
        />
      </svg>
      {url && state !== 'failed' && (
        <img
          ref={image}
          src={url}
          alt={alt}
          width={width}
          height={height}
          loading={loading}
          decoding="async"
          onLoad={settle}
          onError={() => setState('failed')}
          className={cn(
            'absolute inset-0 size-full object-cover opacity-0 transition-opacity duration-300 motion-reduce:transition-none',
            state === 'loaded' && 'opacity-100',
          )}
        />
      )}
    </span>
  );
}
