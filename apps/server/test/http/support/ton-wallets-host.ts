import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A 1×1 PNG: enough for a browser to draw and for a test to compare bytes. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export interface WalletsHost {
  url: string;
  /** Every path asked for, in order. */
  requests: string[];
  /** What the list route answers; tests change it to simulate an outage. */
  setListStatus(status: number): void;
  close(): Promise<void>;
}

/**
 * A stand-in for the remote host of TON Connect's wallets list (config.ton.org's wallets-v2.json
 * format) and of the wallets' icons. `bridge` is the SSE bridge origin the allowed wallets name.
 */
export async function startWalletsHost(bridge: string): Promise<WalletsHost> {
  const requests: string[] = [];
  let listStatus = 200;
  let self = '';
  const wallet = (name: string, bridges: unknown[], image = `${self}/icons/${name}.png`) => ({
    app_name: name,
    name: `${name[0]?.toUpperCase()}${name.slice(1)}`,
    image,
    about_url: `https://${name}.example/about`,
    universal_url: `https://${name}.example/ton-connect`,
    bridge: bridges,
    platforms: ['ios', 'android', 'chrome'],
  });
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    if (path === '/wallets-v2.json') {
      if (listStatus !== 200) return res.writeHead(listStatus).end();
      const list = [
        wallet('tonkeeper', [
          { type: 'sse', url: `${bridge}/bridge` },
          { type: 'js', key: 'tonkeeper' },
        ]),
        wallet('farawallet', [{ type: 'sse', url: 'https://bridge.far-away.example/bridge' }]),
        wallet('extonly', [{ type: 'js', key: 'extonly' }]),
        wallet('vectorwallet', [{ type: 'sse', url: `${bridge}/bridge` }], `${self}/icons/vector.svg`),
        { app_name: 'broken', name: 'Broken' },
      ];
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(list));
    }
    if (path.startsWith('/icons/') && path.endsWith('.png')) {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(PNG);
    }
    if (path.endsWith('.svg')) {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      return res.end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: self,
    requests,
    setListStatus: (status) => {
      listStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
