import type { MiddlewareHandler } from 'hono';
import type { AppConfig } from '../config';

export interface SecurityHeaderOptions {
  production: boolean;
  /**
   * https hosts allowed for images and media: MEDIA_HOSTS, always; the operator's stored list joins
   * them through SecurityHeaderSet.setStoredMediaHosts.
   */
  mediaHosts: string[];
  /**
   * TON Connect's wallet picker (@tonconnect/ui): it injects its styles (so inline styles are
   * allowed), reads the wallet list and icons from our origin (http/ton-wallets.ts), shows a few of
   * its own pictures from its assets folder, and talks to the configured wallet bridges. Scripts stay
   * same-origin either way.
   */
  tonConnect?: boolean;
  /** Origins of the TON Connect bridges the wallet list keeps (TON_CONNECT_BRIDGES). */
  tonBridges?: string[];
  /** Other origins the page may call: the local Solana node in development, the error tracker. */
  connectOrigins?: string[];
}

/**
 * The pictures @tonconnect/ui names by fixed address (the TON and Telegram badges, the QR code's
 * logo): only that folder, not the host.
 */
export const TON_CONNECT_UI_ASSETS = 'https://raw.githubusercontent.com/ton-connect/sdk/main/assets/';

/**
 * @tonconnect/ui sets an empty `ontouchstart` on <body> (so iOS applies :active styles). An empty
 * handler runs nothing; this allows exactly that one (the hash of the empty string) and no other.
 */
const EMPTY_HANDLER = "'unsafe-hashes' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * The CSP allows exactly what the SPA needs: its own scripts and styles; images and media from our
 * origin and the configured media hosts; connections to our origin and the configured endpoints.
 */
export function contentSecurityPolicy({
  mediaHosts,
  tonConnect = false,
  tonBridges = [],
  connectOrigins = [],
}: SecurityHeaderOptions): string {
  const media = mediaHosts.map((h) => `https://${h}`);
  const sources = (first: string, ...rest: string[]) => [first, ...rest].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    ...(tonConnect ? [`script-src-attr ${EMPTY_HANDLER}`] : []),
    tonConnect ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    sources("img-src 'self' data: blob:", ...media, ...(tonConnect ? [TON_CONNECT_UI_ASSETS] : [])),
    sources("media-src 'self'", ...media),
    "font-src 'self'",
    sources("connect-src 'self'", ...(tonConnect ? tonBridges : []), ...connectOrigins),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Every header the app adds to an answer, precomputed: the hot path copies them and never builds a
 * string. The CSP's image and media sources are MEDIA_HOSTS plus the hosts operators store in Settings,
 * and the set is rebuilt only when that stored list changes (the server watches it; see server.ts).
 */
export class SecurityHeaderSet {
  readonly #options: SecurityHeaderOptions;
  #headers: ReadonlyArray<readonly [string, string]>;

  constructor(options: SecurityHeaderOptions) {
    this.#options = options;
    this.#headers = buildHeaders(options);
  }

  get headers(): ReadonlyArray<readonly [string, string]> {
    return this.#headers;
  }

  /** The operator's saved media hosts: from now on they are allowed beside MEDIA_HOSTS. */
  setStoredMediaHosts(hosts: string[]): void {
    const mediaHosts = [...new Set([...this.#options.mediaHosts, ...hosts])];
    this.#headers = buildHeaders({ ...this.#options, mediaHosts });
  }
}

function buildHeaders(options: SecurityHeaderOptions): ReadonlyArray<readonly [string, string]> {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(options)],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
    ...(options.production
      ? [['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'] as const]
      : []),
  ];
}

export function securityHeaders(set: SecurityHeaderSet): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    for (const [name, value] of set.headers) h.set(name, value);
  };
}

/** The one place the configuration becomes header options, so the Hono app and the fast /trpc path agree. */
export const securityHeaderOptions = (
  config: Pick<AppConfig, 'environment' | 'mediaHosts' | 'tonConnectUi' | 'tonConnect' | 'observability'>,
  devChainUrl: string | null,
): SecurityHeaderOptions => {
  const connectOrigins: string[] = [];
  if (devChainUrl && config.environment !== 'production') connectOrigins.push(new URL(devChainUrl).origin);
  // The SPA sends its crash reports to the tracker's ingest address, named by the DSN.
  const dsn = config.observability.sentry?.dsn;
  if (dsn) connectOrigins.push(new URL(dsn).origin);
  return {
    production: config.environment === 'production',
    mediaHosts: config.mediaHosts,
    tonConnect: config.tonConnectUi,
    tonBridges: config.tonConnect.bridges.map((bridge) => new URL(bridge).origin),
    connectOrigins,
  };
};
