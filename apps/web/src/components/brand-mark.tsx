/**
 * The logo, drawn inline: as an <img> of /favicon.svg it was a second download of the icon the
 * browser already fetches for the tab.
 */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg viewBox="0 0 64 64" width={size} height={size} aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="30" fill="#6d4aff" />
      <circle cx="24" cy="28" r="5" fill="#fff" />
      <circle cx="40" cy="28" r="5" fill="#fff" />
      <path d="M22 42c6 5 14 5 20 0" stroke="#fff" strokeWidth="4" fill="none" strokeLinecap="round" />
    </svg>
  );
}
