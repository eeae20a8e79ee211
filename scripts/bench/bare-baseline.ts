import type { LoadRequest } from './http';
import { type BenchProcess, spawnBenchProcess } from './server-process';

/** What the baseline row is called wherever it appears. */
export const BARE_NAME = 'bare Hono, one route, same body (own process)';

/** Headers the HTTP layer writes per response; the bare server's own node-server writes them. */
const PER_RESPONSE = new Set(['date', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * Starts bare-hono.ts answering `path` exactly as our server at `origin` answers it now (status,
 * headers, body, fetched once): the baseline does the HTTP work and none of ours.
 */
export async function startBareHono(
  origin: string,
  request: LoadRequest,
  options: { profileDir?: string } = {},
): Promise<BenchProcess> {
  const response = await fetch(`${origin}${request.path}`, { headers: request.headers });
  if (!response.ok)
    throw new Error(`${request.path} answered ${response.status} while capturing the baseline`);
  const body = await response.text();
  const headers = [...response.headers].filter(([name]) => !PER_RESPONSE.has(name));
  const path = request.path.split('?')[0] ?? request.path;
  return spawnBenchProcess('scripts/bench/bare-hono.ts', {
    readyPath: request.path,
    profileDir: options.profileDir,
    env: { BARE_ANSWER: JSON.stringify({ path, status: response.status, headers, body }) },
  });
}
