import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardedClient } from '../../src/http/client-ip';
import { freePort } from '../../src/testing';
import { repoRoot, runScript } from './support/scripts';

/**
 * ops/nginx/nginx.conf as shipped, run by Debian's nginx (.ci/run installs it) in front of two small
 * HTTP servers standing in for the instances: `nginx -t` accepts it, and requests through it prove the
 * per-route limits, the client address the instances read, upstream keep-alive and that nginx adds no
 * header of its own. scripts/prod-smoke/nginx.ts renders the configuration (addresses and ports only);
 * `pnpm prod-smoke` runs the same file in front of the real instances.
 */

const UPLOAD_PATH = '/admin/snapshots/0b8f7c3e-2d4a-4c1b-9e6f-1a2b3c4d5e6f/upload';
const MB = 1_048_576;
const nginxBin = [
  '/usr/sbin/nginx',
  ...(process.env.PATH ?? '').split(':').map((dir) => `${dir}/nginx`),
].find((path) => spawnSync(path, ['-v']).status === 0);

interface Seen {
  upstream: number;
  method: string;
  url: string;
  httpVersion: string;
  headers: IncomingMessage['headers'];
  socket: string;
  bytes: number;
}

/** A stand-in instance: records every request, counts body bytes as they stream, sets security headers. */
function instance(index: number, seen: Seen[]): Server {
  return createServer((req, res) => {
    const entry: Seen = {
      upstream: index,
      method: req.method ?? '',
      url: req.url ?? '',
      httpVersion: req.httpVersion,
      headers: req.headers,
      socket: `${index}:${req.socket.remotePort}`,
      bytes: 0,
    };
    seen.push(entry);
    req.on('data', (chunk: Buffer) => {
      entry.bytes += chunk.length;
    });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-frame-options', 'DENY');
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('content-security-policy', "default-src 'self'");
      res.end(JSON.stringify({ bytes: entry.bytes }));
    });
  });
}

interface Answer {
  status: number;
  rawHeaders: string[];
  body: string;
}

/** One request through nginx with node:http (raw header lines, an exact Content-Length, a streamed body). */
function send(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string | number>;
    body?: Readable | Buffer;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body }));
      },
    );
    req.on('error', reject);
    if (options.body instanceof Readable) options.body.pipe(req);
    else req.end(options.body);
  });
}

/** `bytes` of CSV-like text, a chunk at a time, never held whole. */
function csvStream(bytes: number, beforeRest?: () => Promise<void>): Readable {
  const line = Buffer.from(`${'7'.repeat(43)},sol,1\n`);
  const chunk = Buffer.concat(Array.from({ length: Math.ceil(65_536 / line.length) }, () => line)).subarray(
    0,
    65_536,
  );
  return Readable.from(
    (async function* () {
      let sent = 0;
      while (sent < bytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += piece.length;
        yield piece;
        if (sent === piece.length && beforeRest) await beforeRest();
      }
    })(),
  );
}

/** Polls until `check` holds; the test's own timeout bounds the wait. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 50));
}

const headerCount = (answer: Answer, name: string) =>
  answer.rawHeaders.filter((value, i) => i % 2 === 0 && value.toLowerCase() === name).length;

describe.skipIf(!nginxBin)('[nginx] ops/nginx/nginx.conf in front of two instances', () => {
  const seen: Seen[] = [];
  const upstreams = [instance(1, seen), instance(2, seen)];
  let dir = '';
  let port = 0;
  let nginx: ChildProcess | undefined;
  let run: { command: string; args: string[]; user: { uid: number; gid: number } | null };
  let checked = { status: null as number | null, output: '' };
  const asNginxUser = () => (run.user ? { uid: run.user.uid, gid: run.user.gid } : {});

  beforeAll(async () => {
    const addresses = await Promise.all(
      upstreams.map(
        (server) =>
          new Promise<string>((resolve) =>
            server.listen(0, '127.0.0.1', () =>
              resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`),
            ),
          ),
      ),
    );
    dir = mkdtempSync(join(tmpdir(), 'puffy-nginx-'));
    port = await freePort();
    const rendered = runScript('scripts/prod-smoke/nginx.ts', [dir, String(port), ...addresses]);
    expect(rendered.status, rendered.stderr).toBe(0);
    run = JSON.parse(rendered.stdout);

    const log = join(dir, 'nginx.log');
    const fd = openSync(log, 'a');
    if (run.user) chownSync(log, run.user.uid, run.user.gid);
    const test = spawnSync(run.command, [...run.args, '-t'], { stdio: ['ignore', fd, fd], ...asNginxUser() });
    checked = { status: test.status, output: readFileSync(log, 'utf8') };
    if (checked.status !== 0) return;
    nginx = spawn(run.command, run.args, { stdio: ['ignore', fd, fd], ...asNginxUser() });
    closeSync(fd);
    for (;;) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited: ${readFileSync(log, 'utf8')}`);
      const answer = await send(port, { path: '/trpc/system.version' }).catch(() => null);
      if (answer?.status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx?.once('exit', r));
      nginx.kill('SIGQUIT');
      await exited;
    }
    await Promise.all(
      upstreams.filter((server) => server.listening).map((server) => new Promise((r) => server.close(r))),
    );
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is accepted by nginx -t, as rendered from the shipped file with only addresses and paths changed', () => {
    expect(checked.status, checked.output).toBe(0);
    const shipped = readFileSync(join(repoRoot, 'ops/nginx/nginx.conf'), 'utf8');
    const rendered = readFileSync(join(dir, 'nginx.conf'), 'utf8');
    const locations = (text: string) => text.match(/location [^{]+\{/g);
    expect(locations(rendered)).toEqual(locations(shipped));
  });

  it('refuses a 2 MB JSON body with 413 before any instance sees it', async () => {
    const before = seen.length;
    const answer = await send(port, {
      method: 'POST',
      path: '/trpc/auth.challenge',
      headers: { 'content-type': 'application/json', 'content-length': 2 * MB },
      body: Buffer.alloc(2 * MB, ' '),
    });
    expect(answer.status).toBe(413);
    // In the API's error shape, so the SPA shows the words instead of failing on an HTML page.
    expect(JSON.parse(answer.body).error.message).toBe('This request is larger than the server accepts.');
    expect(seen.length).toBe(before);
  });

  it('streams a 50 MB snapshot upload to one instance as it arrives, not after nginx has it all', async () => {
    const before = seen.length;
    const bytes = 50 * MB;
    // The rest of the body is sent only once an instance has the request: a buffering proxy would wait
    // for the whole body first, and this upload would never finish.
    const answer = await send(port, {
      method: 'POST',
      path: UPLOAD_PATH,
      headers: { 'content-type': 'text/csv', 'content-length': bytes },
      body: csvStream(bytes, () => until(() => seen.length > before)),
    });
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ bytes });
    expect(seen.slice(before).map((s) => [s.url, s.bytes])).toEqual([[UPLOAD_PATH, bytes]]);
  });

  it('refuses an upload declared larger than the route’s 256 MB at once', async () => {
    const before = seen.length;
    const answer = await send(port, {
      method: 'POST',
      path: UPLOAD_PATH,
      headers: { 'content-type': 'text/csv', 'content-length': 257 * MB },
      body: Buffer.alloc(0),
    });
    expect(answer.status).toBe(413);
    // The console's upload reads the same words the route itself would give.
    expect(JSON.parse(answer.body).error.message).toBe('The file is larger than 256 MB.');
    expect(seen.length).toBe(before);
  });

  it('appends the address it saw to X-Forwarded-For once, which TRUST_PROXY_HOPS=1 reads as the client', async () => {
    const before = seen.length;
    await send(port, { path: '/trpc/system.version', headers: { 'x-forwarded-for': '203.0.113.9' } });
    const forwarded = seen[before]?.headers['x-forwarded-for'];
    expect(forwarded).toBe('203.0.113.9, 127.0.0.1');
    // A client cannot choose its own address: the entry nginx added is the one the server believes.
    expect(forwardedClient(String(forwarded), 1)).toBe('127.0.0.1');
  });

  it('keeps connections to the instances open between requests (HTTP/1.1 keep-alive)', async () => {
    const before = seen.length;
    for (let i = 0; i < 12; i += 1) await send(port, { path: '/trpc/system.version' });
    const requests = seen.slice(before);
    expect(requests).toHaveLength(12);
    expect(new Set(requests.map((r) => r.upstream))).toEqual(new Set([1, 2]));
    for (const r of requests) {
      expect(r.httpVersion).toBe('1.1');
      expect(r.headers.connection).toBeUndefined();
    }
    // Two instances and at most one connection each per nginx worker process: far fewer than 12.
    expect(new Set(requests.map((r) => r.socket)).size).toBeLessThan(12);
  });

  it('adds no security header of its own: each arrives once, as the instance set it', async () => {
    const answer = await send(port, { path: '/trpc/system.version' });
    for (const name of ['x-frame-options', 'x-content-type-options', 'content-security-policy']) {
      expect(headerCount(answer, name), name).toBe(1);
    }
    expect(headerCount(answer, 'server')).toBe(1);
    expect(answer.rawHeaders[answer.rawHeaders.findIndex((h) => h.toLowerCase() === 'server') + 1]).toBe(
      'nginx',
    );
  });

  it('does not expose /metrics through the public door', async () => {
    const before = seen.length;
    expect((await send(port, { path: '/metrics' })).status).toBe(404);
    expect(seen.length).toBe(before);
  });

  // Last: it takes both stand-in instances away.
  it('answers in JSON, not an HTML page, when no instance answers', async () => {
    await Promise.all(
      upstreams.map((server) => {
        server.closeAllConnections();
        return new Promise((r) => server.close(r));
      }),
    );
    for (const path of ['/trpc/system.version', UPLOAD_PATH]) {
      const answer = await send(port, {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', 'content-length': 2 },
        body: Buffer.from('{}'),
      });
      expect(answer.status, path).toBe(503);
      expect(JSON.parse(answer.body).error.message, path).toBe(
        'The service is busy or restarting; try again in a moment.',
      );
    }
  });
});
