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
 * compare heap settings (`BENCH_SERVER_FLAGS=' '` runs node's defaults). The bare baseline runs with
 * the same flags, so neither side gets a heap the other lacks.
 */
const NODE_FLAGS = (process.env.BENCH_SERVER_FLAGS ?? '--max-semi-space-size=32').split(' ').filter(Boolean);

export interface BenchProcess {
  url: string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** A path the process answers 2xx on once it is ready. */
  readyPath: string;
  env: Record<string, string>;
  /** A directory to write a CPU profile of the process into when it stops (node --cpu-prof). */
  profileDir?: string;
}

/**
 * A TypeScript entry point in its own node process, listening on a free loopback port: a load
 * generator in the same process would share its one event loop and measure itself.
 */
export async function spawnBenchProcess(entry: string, options: SpawnOptions): Promise<BenchProcess> {
  const port = await freePort();
  const profiling = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...profiling, ...NODE_FLAGS, '--import', 'tsx', entry],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...options.env },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  // Up to a minute: on a loaded shared machine, migrating and seeding can take that long.
  let ready = false;
  for (let i = 0; i < 600 && !ready; i += 1) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    try {
      ready = (await fetch(`${url}${options.readyPath}`)).ok;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!ready) {
    child.kill('SIGTERM');
    throw new Error(`${entry} did not answer ${options.readyPath} within a minute`);
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) {
          done();
          return;
        }
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Our server (apps/server/src/main.ts) as in production. BENCH_SERVER_PROFILE=<dir> (or
 * `profileDir`) writes a CPU profile of it when it stops.
 */
export function startServerProcess(
  env: Record<string, string> = {},
  options: { profileDir?: string } = {},
): Promise<BenchProcess> {
  return spawnBenchProcess('apps/server/src/main.ts', {
    readyPath: '/health',
    profileDir: options.profileDir ?? process.env.BENCH_SERVER_PROFILE,
    env: {
      NODE_ENV: 'test',
      // Keys of this run only: a test server must never sign with a key written anywhere.
      JWT_SIGNING_KEYS: `bench:${randomBytes(32).toString('base64url')}`,
      APP_SECRET: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'puffy-bench-')),
      ...env,
    },
  });
}
