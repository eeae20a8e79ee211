import { type SyntheticEvent, useEffect, useRef, useState } from 'react';

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

export interface MediaProps {
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
 * none or it fails.
 */
export function Media({ src, alt, width, height, className, loading = 'lazy' }: MediaProps) {
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
      className={['media', `media-${state}`, className].filter(Boolean).join(' ')}
      style={{ aspectRatio: `${width} / ${height}` }}
      data-media-state={state}
      {...(state === 'failed' && alt ? { role: 'img', 'aria-label': alt } : {})}
    >
      <svg className="media-placeholder" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <circle cx="32" cy="32" r="18" />
        <circle cx="26" cy="29" r="2.5" className="media-placeholder-eye" />
        <circle cx="38" cy="29" r="2.5" className="media-placeholder-eye" />
        <path d="M26 38c4 3 8 3 12 0" className="media-placeholder-mouth" />
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
        />
      )}
    </span>
  );
}
