import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { freePort } from '../../src/testing';

/** A redis-server of the test's own, on a free port, that the test may stop and start again. */
export interface OwnRedis {
  url: string;
  start(): Promise<void>;
  /** Kills the server as a crash would (no clean shutdown). */
  stop(): Promise<void>;
}

export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
      const started = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] });
      child = started;
      let output = '';
      await new Promise<void>((resolve, reject) => {
        started.once('error', reject);
        started.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
        started.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Ready to accept connections')) resolve();
        });
      });
      started.removeAllListeners('exit');
      started.stdout?.resume();
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = once(running, 'exit');
      running.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * A server that speaks just enough of the Redis protocol to get a client to "ready", then, once
 * `goSilent()` is called, reads commands and never answers: a hung Redis, or a half-open connection.
 */
export async function hangingRedis(): Promise<{ url: string; goSilent(): void; close(): Promise<void> }> {
  let silent = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        const [command, rest] = readCommand(buffer);
        if (!command) break;
        buffer = rest;
        if (silent) continue;
        if (command[0]?.toLowerCase() === 'info') {
          const info = '# Server\r\nredis_version:7.0.0\r\nloading:0\r\n';
          socket.write(`$${info.length}\r\n${info}\r\n`);
        } else {
          socket.write('+OK\r\n');
        }
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `redis://127.0.0.1:${address.port}`,
    goSilent() {
      silent = true;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Reads one RESP array of bulk strings off the front of `buffer`, if a whole one is there. */
function readCommand(buffer: string): [string[] | undefined, string] {
  const header = /^\*(\d+)\r\n/.exec(buffer);
  if (!header?.[1]) return [undefined, buffer];
  let rest = buffer.slice(header[0].length);
  const args: string[] = [];
  for (let i = 0; i < Number(header[1]); i += 1) {
    const bulk = /^\$(\d+)\r\n/.exec(rest);
    if (!bulk?.[1]) return [undefined, buffer];
    const length = Number(bulk[1]);
    const start = bulk[0].length;
    if (rest.length < start + length + 2) return [undefined, buffer];
    args.push(rest.slice(start, start + length));
    rest = rest.slice(start + length + 2);
  }
  return [args, rest];
}
