import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@puffy/store/testing';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The production image's node flags (Dockerfile, compose.yaml); BENCH_SERVER_FLAGS replaces them, to
 * compare heap settings (`BENCH_SERVER_FLAGS=' '` runs node's defaults).
 */
const SERVER_NODE_FLAGS = (process.env.BENCH_SERVER_FLAGS ?? '--max-semi-space-size=32')
  .split(' ')
  .filter(Boolean);

/**
 * The server in its own process, as in production: a load generator in the same process would share
 * its one event loop and measure itself.
 */
export async function startServerProcess(
  env: Record<string, string> = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  // BENCH_SERVER_PROFILE=<dir>: a CPU profile of the server, written when it stops.
  const profile = process.env.BENCH_SERVER_PROFILE;
  const profiling = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...profiling, ...SERVER_NODE_FLAGS, '--import', 'tsx', 'apps/server/src/main.ts'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        // Keys of this run only: a test server must never sign with a key written anywhere.
        JWT_SIGNING_KEYS: `bench:${randomBytes(32).toString('base64url')}`,
        APP_SECRET: randomBytes(32).toString('base64url'),
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'silent',
        SEED_DEMO: 'false',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'puffy-bench-')),
        ...env,
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  // Up to a minute: on a loaded shared machine, migrating and seeding can take that long.
  let ready = false;
  for (let i = 0; i < 600 && !ready; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      ready = (await fetch(`${url}/health`)).ok;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!ready) {
    child.kill('SIGTERM');
    throw new Error('the server did not answer /health within a minute');
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
