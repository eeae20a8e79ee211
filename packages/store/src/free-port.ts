import { createServer } from 'node:net';

/**
 * A TCP port nobody listens on now, for a server a test or script starts (the API, a chain, Redis,
 * Alertmanager). It lives here because every user of it depends on @puffy/store: the store's own
 * tests, the server's tests (through @puffy/server/testing) and the scripts.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
