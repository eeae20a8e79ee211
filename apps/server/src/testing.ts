import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { freePort } from '@puffy/store/testing';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { createDeps } from './runtime';
import { type RunningServer, startServer } from './server';

type StartOptions = NonNullable<Parameters<typeof startServer>[2]>;

export interface TestServer extends RunningServer {
  /** Every JSON log line the server wrote, parsed. */
  logs: Array<Record<string, unknown>>;
}

/** Re-exported so that tests and e2e find every server helper in one place. */
export { freePort };

let secrets: { JWT_SIGNING_KEYS: string; APP_SECRET: string } | undefined;

/**
 * Keys for tests, drawn at random once per test process: every server a test run starts shares them
 * (two instances verify each other's tokens), and no key is ever written in the source.
 */
export function testSecrets(): { JWT_SIGNING_KEYS: string; APP_SECRET: string } {
  secrets ??= {
    JWT_SIGNING_KEYS: `test:${randomBytes(32).toString('base64url')}`,
    APP_SECRET: randomBytes(32).toString('base64url'),
  };
  return { ...secrets };
}

/**
 * A real server on a free port with a fresh SQLite file (or the given DATABASE_URL / REDIS_URL), for
 * integration tests that talk HTTP with the real tRPC client.
 */
export async function startTestServer(
  options: { env?: Record<string, string> } & Pick<
    StartOptions,
    'webDistDir' | 'router' | 'resolveSession'
  > = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'puffy-server-'));
  // The port is chosen first so the public origin (CSRF origin check, sign-in domain) is the real one.
  const port = await freePort();
  const config = loadConfig({
    ...testSecrets(),
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    ...options.env,
  });
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const deps = await createDeps(config, createLogger({ level: config.logLevel }, sink));
  const { env: _env, ...startOptions } = options;
  const server = await startServer(config, deps, startOptions);
  return {
    ...server,
    logs,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
