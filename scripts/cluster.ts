// The production deployment of compose.yaml without Docker, for `pnpm prod-smoke` and `pnpm loadtest`:
// a database and a Redis key prefix of its own, the release step (migrations once), two web instances
// (RUN_WORKER=false) and one worker with NODE_ENV=production, each process logging to a file, and the
// teardown that stops them with SIGTERM and removes the database, the keys and the logs.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@puffy/store/testing';
import postgres from 'postgres';
import { generateProductionEnv } from './production-env';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (script: string) => join(root, 'apps/server/dist', script);

/** Runs `pnpm <args>` in the repository (a build), unless the run was asked to --skip-build. */
export function buildUnlessSkipped(args: string[], say: (message: string) => void): void {
  if (process.argv.includes('--skip-build')) return;
  say(`building (pnpm ${args.join(' ')})`);
  const built = spawnSync('pnpm', args, { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`pnpm ${args.join(' ')} failed`);
}

export interface ClusterOptions {
  /** Names the database (`puffy_<tag>_…`), the Redis prefix and the log folder. */
  tag: string;
  /** A Postgres role that may create databases; the cluster's own database is made beside it. */
  adminUrl: string;
  redisUrl: string;
  publicOrigin?: string;
  /** Added to (and overriding) the production environment every process gets. */
  env?: Record<string, string>;
  /** Node flags of the server processes, as the image's entrypoint would pass them. */
  nodeFlags?: string[];
}

export interface Cluster {
  /** The database the processes use (its name and URL) and the role that made it. */
  databaseName: string;
  databaseUrl: string;
  admin: postgres.Sql;
  /** What every process is started with. */
  env: Record<string, string>;
  /** Scratch space removed at dispose(); each process logs to `<name>.log` in it. */
  logDir: string;
  /** Applies the migrations once, as the release step does; returns the ones it applied. */
  migrate(): string[];
  /** Starts the two web instances and the worker; answers the instances' base URLs once both are ready. */
  start(): Promise<string[]>;
  /** Waits for the worker's start line (logged at info: LOG_LEVEL must let it through). */
  workerStarted(): Promise<void>;
  /**
   * Starts another process of the deployment under `name`, logging like the others and stopped with
   * them; as `user` (its log file then belongs to that account) when given.
   */
  spawnLogged(
    name: string,
    command: string,
    args: string[],
    env: Record<string, string>,
    user?: { uid: number; gid: number } | null,
  ): ChildProcess;
  /** Fails naming the first process that is no longer running (`when` says when that was noticed). */
  assertRunning(when: string): void;
  /** SIGTERM to every process (SIGKILL after 15 s); the names of those that did not exit 0. */
  stop(): Promise<string[]>;
  /** Writes the last lines of each process's log to stderr. */
  printLogs(lines: number): void;
  /** Drops the database, deletes the Redis keys and removes the logs. */
  dispose(): Promise<void>;
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
}

export async function openCluster(options: ClusterOptions): Promise<Cluster> {
  const logDir = mkdtempSync(join(tmpdir(), `puffy-${options.tag}-`));
  const databaseName = `puffy_${options.tag}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(options.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${databaseName}"`);
  const url = new URL(options.adminUrl);
  url.pathname = `/${databaseName}`;
  const databaseUrl = url.toString();
  const prefix = `puffy-${options.tag}-${randomBytes(4).toString('hex')}:`;
  const env: Record<string, string> = {
    ...generateProductionEnv({ databaseUrl, redisUrl: options.redisUrl, publicOrigin: options.publicOrigin }),
    REDIS_PREFIX: prefix,
    // The release step migrates; the instances must not race it.
    MIGRATE_ON_START: 'false',
    ...options.env,
  };
  const children: Array<{ name: string; child: ChildProcess; log: string }> = [];
  const processEnv = (extra: Record<string, string>) => ({ PATH: process.env.PATH ?? '', ...extra });

  const spawnLogged: Cluster['spawnLogged'] = (name, command, args, childEnv, user) => {
    const log = join(logDir, `${name}.log`);
    const out = openSync(log, 'a');
    // A process that reopens its output by name (nginx's /dev/stdout) needs the file to be its own.
    if (user) chownSync(log, user.uid, user.gid);
    const child = spawn(command, args, {
      cwd: root,
      env: processEnv(childEnv),
      stdio: ['ignore', out, out],
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
    });
    closeSync(out);
    children.push({ name, child, log });
    return child;
  };
  const startServer = (name: string, script: string, childEnv: Record<string, string>) =>
    spawnLogged(name, process.execPath, [...(options.nodeFlags ?? []), dist(script)], childEnv);

  return {
    databaseName,
    databaseUrl,
    admin,
    env,
    logDir,
    spawnLogged,
    migrate() {
      const migrate = spawnSync(process.execPath, [dist('migrate.js')], {
        cwd: root,
        env: processEnv(env),
        encoding: 'utf8',
      });
      if (migrate.status !== 0) throw new Error(`migrate.js failed: ${migrate.stderr}`);
      const last = migrate.stdout.trim().split('\n').pop() ?? '{}';
      return (JSON.parse(last) as { applied?: string[] }).applied ?? [];
    },
    async start() {
      const ports = [await freePort(), await freePort()];
      const bases = ports.map((port) => `http://127.0.0.1:${port}`);
      ports.forEach((port, i) => {
        startServer(`web-${i + 1}`, 'main.js', {
          ...env,
          PORT: String(port),
          HOST: '127.0.0.1',
          RUN_WORKER: 'false',
        });
      });
      startServer('worker', 'worker.js', env);
      for (const base of bases) await waitFor(`${base}/ready`, async () => (await fetch(`${base}/ready`)).ok);
      return bases;
    },
    async workerStarted() {
      await waitFor('the worker', async () =>
        readFileSync(join(logDir, 'worker.log'), 'utf8').includes('worker started'),
      );
    },
    assertRunning(when) {
      for (const { name, child } of children) {
        if (child.exitCode !== null) throw new Error(`${name} exited ${when} with ${child.exitCode}`);
      }
    },
    async stop() {
      const unclean: string[] = [];
      await Promise.all(
        children.map(
          ({ name, child }) =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
              child.once('exit', (code, signal) => {
                clearTimeout(timer);
                if (code !== 0) unclean.push(`${name} (${code ?? signal})`);
                done();
              });
              child.kill('SIGTERM');
            }),
        ),
      );
      return unclean;
    },
    printLogs(lines) {
      for (const { name, log } of children) {
        const tail = readFileSync(log, 'utf8').split('\n').slice(-lines).join('\n');
        process.stderr.write(`--- ${name} (last lines) ---\n${tail}\n`);
      }
    },
    async dispose() {
      await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
      await admin.end({ timeout: 5 });
      spawnSync(
        'sh',
        ['-c', `redis-cli -u "$URL" --scan --pattern '${prefix}*' | xargs -r redis-cli -u "$URL" del`],
        { env: { ...process.env, URL: options.redisUrl }, stdio: 'ignore' },
      );
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}
