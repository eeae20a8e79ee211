import { Hono } from 'hono';
import { z } from 'zod';

/**
 * TON Connect's wallet picker reads a list of wallets (names, icons, bridges) from a remote host and
 * shows each wallet's icon from that wallet's own host. Under our CSP (img-src and connect-src only
 * 'self' and configured hosts) it gets both from our origin instead: the list is fetched here,
 * cached, cut to the wallets whose bridges the CSP allows, and each icon is rewritten to
 * `/tonconnect/icons/<app_name>`, which serves a cached copy of that wallet's own icon. Only icons
 * named by the list are fetched, so the route is no open proxy. docs/runbooks/observability.md.
 */

const ZBridge = z.union([
  z.object({ type: z.literal('sse'), url: z.url() }).passthrough(),
  z.object({ type: z.literal('js'), key: z.string() }).passthrough(),
]);

const ZWallet = z
  .object({
    app_name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
    name: z.string(),
    image: z.url(),
    about_url: z.string(),
    platforms: z.array(z.string()).min(1),
    bridge: z.array(z.unknown()).min(1),
  })
  .passthrough();

type Wallet = z.infer<typeof ZWallet>;

export const TON_WALLETS_PATH = '/tonconnect/wallets.json';
const ICONS_PATH = '/tonconnect/icons';
const LIST_TTL_MS = 60 * 60_000;
const ICON_TTL_MS = 24 * 60 * 60_000;
const FETCH_TIMEOUT_MS = 5_000;
const MAX_LIST_BYTES = 1_048_576;
const MAX_ICON_BYTES = 262_144;
/** Raster images only: an SVG served from our origin could carry script. */
const ICON_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

export interface TonWalletsOptions {
  /** Where the wallets list lives (TON_CONNECT_WALLETS_URL). */
  listUrl: string;
  /** Bridge origins the CSP allows (TON_CONNECT_BRIDGES); wallets on other bridges are left out. */
  bridges: string[];
  fetch?: typeof fetch;
  now?: () => number;
}

interface CachedList {
  at: number;
  wallets: Wallet[];
  /** app_name → the icon's own address. */
  icons: Map<string, string>;
}

async function readLimited(response: Response, max: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > max) return null;
  const body = new Uint8Array(await response.arrayBuffer());
  return body.byteLength > max ? null : body;
}

/** The wallet with only the bridges the CSP allows, its icon on our origin; null when none is left. */
function servedWallet(wallet: Wallet, bridges: Set<string>): Wallet | null {
  const kept = wallet.bridge.filter((entry) => {
    const bridge = ZBridge.safeParse(entry);
    if (!bridge.success) return false;
    return bridge.data.type === 'js' || bridges.has(new URL(bridge.data.url).origin);
  });
  if (kept.length === 0) return null;
  return { ...wallet, bridge: kept, image: `${ICONS_PATH}/${wallet.app_name}` };
}

export function tonConnectWallets(options: TonWalletsOptions) {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const bridges = new Set(options.bridges.map((bridge) => new URL(bridge).origin));
  let cached: CachedList | null = null;
  let loading: Promise<CachedList> | null = null;
  const icons = new Map<string, { at: number; type: string; body: Uint8Array }>();

  async function download(): Promise<CachedList> {
    const response = await fetchFn(options.listUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`wallets list answered ${response.status}`);
    const body = await readLimited(response, MAX_LIST_BYTES);
    if (!body) throw new Error('wallets list too large');
    const raw: unknown = JSON.parse(new TextDecoder().decode(body));
    if (!Array.isArray(raw)) throw new Error('wallets list is not a list');
    const wallets: Wallet[] = [];
    const iconUrls = new Map<string, string>();
    for (const entry of raw) {
      const wallet = ZWallet.safeParse(entry);
      if (!wallet.success || iconUrls.has(wallet.data.app_name)) continue;
      const served = servedWallet(wallet.data, bridges);
      if (!served) continue;
      wallets.push(served);
      iconUrls.set(wallet.data.app_name, wallet.data.image);
    }
    return { at: now(), wallets, icons: iconUrls };
  }

  /** The cached list, refreshed when stale; a failed refresh keeps serving the last good copy. */
  async function list(): Promise<CachedList> {
    if (cached && now() - cached.at < LIST_TTL_MS) return cached;
    loading ??= download()
      .then((fresh) => {
        cached = fresh;
        return fresh;
      })
      .catch((error: unknown) => {
        if (cached) return cached;
        throw error;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  const unavailable = {
    error: {
      message: 'The list of TON wallets is unavailable right now. Try again in a minute.',
      code: 'SERVICE_UNAVAILABLE',
    },
  };

  const app = new Hono();
  app.get(TON_WALLETS_PATH, async (c) => {
    try {
      const { wallets } = await list();
      c.header('cache-control', 'public, max-age=600');
      return c.json(wallets);
    } catch {
      return c.json(unavailable, 503);
    }
  });
  app.get(`${ICONS_PATH}/:name`, async (c) => {
    const name = c.req.param('name');
    let source: string | undefined;
    try {
      source = (await list()).icons.get(name);
    } catch {
      return c.json(unavailable, 503);
    }
    if (!source) return c.json({ error: { message: 'No such wallet icon.', code: 'NOT_FOUND' } }, 404);
    let icon = icons.get(name);
    if (!icon || now() - icon.at >= ICON_TTL_MS) {
      try {
        const response = await fetchFn(source, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
        const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const body = response.ok && ICON_TYPES.has(type) ? await readLimited(response, MAX_ICON_BYTES) : null;
        if (body) {
          icon = { at: now(), type, body };
          icons.set(name, icon);
        }
      } catch {
        // Served from the stale copy below, if there is one.
      }
    }
    if (!icon) return c.json(unavailable, 503);
    return c.body(icon.body.slice().buffer, 200, {
      'content-type': icon.type,
      'cache-control': 'public, max-age=86400',
    });
  });
  return app;
}
