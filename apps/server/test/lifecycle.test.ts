import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createMetrics } from '../src/metrics';
import { stopServer } from '../src/shutdown-deadline';
import { startTestServer, testSecrets } from '../src/testing';
import { clientFor } from './support/helpers';
import { type TestRouter, testRouter } from './support/test-router';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** A log destination that parses each line into `into`. */
function logSink(into: Array<Record<string, unknown>>): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) into.push(JSON.parse(line));
      done();
    },
  });
}

describe('process lifecycle', () => {
  it('refuses to start in production without Postgres, Redis and strong secrets, saying which', async () => {
    const { code, stderr } = await runMain({ NODE_ENV: 'production' });
    expect(code).toBe(78);
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).toContain('REDIS_URL');
    expect(stderr).toContain('JWT_SIGNING_KEYS');
    expect(stderr).toContain('The server did not start.');
  });

  it('refuses to start outside development without keys, naming each variable', async () => {
    const { code, stderr } = await runMain({ NODE_ENV: 'test' });
    expect(code).toBe(78);
    expect(stderr).toContain('JWT_SIGNING_KEYS');
    expect(stderr).toContain('APP_SECRET');
    expect(stderr).toContain('The server did not start.');
  });

  it('exits with status 1 after the shutdown deadline when closing hangs, naming what was still open', async () => {
    const server = await startTestServer();
    const logs = server.logs;
    // A store whose close never settles, as with a Redis that stopped answering mid-shutdown.
    const closeStore = server.deps.store.close;
    server.deps.store.close = () => new Promise<void>(() => {});
    try {
      const code = await new Promise<number>((exit) =>
        stopServer(server, {
          signal: 'SIGTERM',
          graceMs: 50,
          closeTimeoutMs: 300,
          logger: createLogger({ level: 'info' }, logSink(logs)),
          exit,
        }),
      );
      expect(code).toBe(1);
      const last = logs.find((l) => l.msg === 'shutdown did not finish in time; exiting');
      expect(last).toMatchObject({ level: 'fatal', stillOpen: ['store'] });
    } finally {
      await closeStore();
    }
  });

  it('exits with status 0 when everything closes in time', async () => {
    const server = await startTestServer();
    const code = await new Promise<number>((exit) =>
      stopServer(server, {
        signal: 'SIGTERM',
        graceMs: 50,
        closeTimeoutMs: 5_000,
        logger: createLogger({ level: 'silent' }),
        exit,
      }),
    );
    expect(code).toBe(0);
    expect(server.stillOpen()).toEqual([]);
  });

  it('finishes in-flight requests on shutdown, then refuses new connections', async () => {
    const server = await startTestServer({ router: testRouter });
    const client = clientFor<TestRouter>(server.url, { batch: false });
    const inFlight = client.slow.query({ ms: 400 });
    await new Promise((r) => setTimeout(r, 100));
    const closing = server.close();
    expect(await inFlight).toBe('finished');
    await closing;
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });

  it('reports not ready while draining', async () => {
    const server = await startTestServer();
    try {
      const app = createApp({
        config: loadConfig({ ...testSecrets(), NODE_ENV: 'test' }),
        deps: server.deps,
        metrics: createMetrics(),
        isDraining: () => true,
      });
      const response = await app.request('/ready');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'draining' });
    } finally {
      await server.close();
    }
  });

  it('answers 503 from /ready naming the store when Redis is unreachable', async () => {
    const server = await startTestServer({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const response = await fetch(`${server.url}/ready`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { checks: Record<string, string> };
      expect(body.checks.database).toBe('ok');
      expect(body.checks.store).not.toBe('ok');
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
