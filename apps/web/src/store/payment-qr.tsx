import { encode } from 'uqr';

/**
 * The Solana Pay request as a QR code for a phone wallet: drawn as SVG modules (no canvas, no inline
 * script, so the CSP stays strict), with the quiet zone scanners need and medium error correction.
 */
export function PaymentQr({ url, label }: { url: string; label: string }) {
  const { data, size } = encode(url, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return (
    <svg
      className="h-auto w-40 max-w-full justify-self-center rounded-lg"
      data-testid="payment-qr"
      data-url={url}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width={size * 5}
      height={size * 5}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
