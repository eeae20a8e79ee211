import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tonConnectWallets } from '../../src/http/ton-wallets';
import { PNG, startWalletsHost, type WalletsHost } from './support/ton-wallets-host';

const BRIDGE = 'https://bridge.allowed.example';

describe('TON Connect wallets list and icons, served from our origin', () => {
  let host: WalletsHost;
  let clock = 0;
  let routes: ReturnType<typeof tonConnectWallets>;

  beforeEach(async () => {
    host = await startWalletsHost(BRIDGE);
    clock = Date.UTC(2026, 0, 1);
    routes = tonConnectWallets({
      listUrl: `${host.url}/wallets-v2.json`,
      bridges: [BRIDGE],
      now: () => clock,
    });
  });
  afterEach(async () => {
    await host.close();
  });

  const walletsOf = async () => {
    const response = await routes.request('/tonconnect/wallets.json');
    expect(response.status).toBe(200);
    return (await response.json()) as Array<{ app_name: string; image: string; bridge: unknown[] }>;
  };

  it('keeps the wallets whose bridges the CSP allows, drops the others, and points every icon at our origin', async () => {
    const wallets = await walletsOf();
    expect(wallets.map((w) => w.app_name)).toEqual(['tonkeeper', 'extonly', 'vectorwallet']);
    for (const wallet of wallets) expect(wallet.image).toBe(`/tonconnect/icons/${wallet.app_name}`);
    expect(wallets[0]?.bridge).toEqual([
      { type: 'sse', url: `${BRIDGE}/bridge` },
      { type: 'js', key: 'tonkeeper' },
    ]);
  });

  it('serves a listed wallet’s raster icon, refuses an SVG, and fetches nothing the list does not name', async () => {
    const icon = await routes.request('/tonconnect/icons/tonkeeper');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await icon.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await routes.request('/tonconnect/icons/vectorwallet')).status).toBe(503);
    expect((await routes.request('/tonconnect/icons/farawallet')).status).toBe(404);
    expect((await routes.request('/tonconnect/icons/..%2F..%2Fetc')).status).toBe(404);
    expect(host.requests).toEqual(['/wallets-v2.json', '/icons/tonkeeper.png', '/icons/vector.svg']);
  });

  it('caches the list and the icons for an hour and a day, and serves the last good list through an outage', async () => {
    await walletsOf();
    await routes.request('/tonconnect/icons/tonkeeper');
    await walletsOf();
    await routes.request('/tonconnect/icons/tonkeeper');
    expect(host.requests).toEqual(['/wallets-v2.json', '/icons/tonkeeper.png']);

    clock += 61 * 60_000;
    host.setListStatus(502);
    expect((await walletsOf()).map((w) => w.app_name)).toContain('tonkeeper');
    expect(host.requests.filter((p) => p === '/wallets-v2.json')).toHaveLength(2);
  });

  it('answers 503 in words when the list was never fetched', async () => {
    host.setListStatus(500);
    const response = await routes.request('/tonconnect/wallets.json');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/TON wallets/);
  });
});
