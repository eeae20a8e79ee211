import { Hono } from 'hono';

/**
 * TON Connect's app manifest. Wallets show its name and icon, and take the `ton_proof` domain from
 * its `url`, so it must be this deployment's public origin (the domain the server accepts in proofs).
 */
export function tonConnectManifest(options: { publicOrigin: string }) {
  const app = new Hono();
  app.get('/tonconnect-manifest.json', (c) => {
    c.header('cache-control', 'public, max-age=3600');
    // Wallets fetch it from their own origin.
    c.header('access-control-allow-origin', '*');
    return c.json({
      url: options.publicOrigin,
      name: 'Puffy Reward Center',
      iconUrl: `${options.publicOrigin}/icon-192.png`,
    });
  });
  return app;
}
