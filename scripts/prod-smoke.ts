// `pnpm prod-smoke`: the production deployment of compose.yaml, without Docker. Builds the bundles,
// runs the migrations once as the release step, starts two web instances (RUN_WORKER=false,
// MIGRATE_ON_START=false) and one worker on Postgres and Redis with NODE_ENV=production, then checks
// /health, /ready, /metrics and a signed-in session through each instance, and stops everything.
// Uses a database and a Redis key prefix of its own, removed afterwards.
//   SMOKE_DATABASE_URL (or TEST_DATABASE_URL)  a Postgres role that may create databases
//   SMOKE_REDIS_URL (or TEST_REDIS_URL)         a Redis
//   --skip-build                                use the bundles already in apps/server/dist
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@puffy/store/testing';
import bs58 from 'bs58';
import postgres from 'postgres';
import { generateProductionEnv } from './production-env';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const logDir = mkdtempSync(join(tmpdir(), 'puffy-smoke-'));
const adminUrl =
  process.env.SMOKE_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.SMOKE_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const children: Array<{ name: string; child: ChildProcess; log: string }> = [];

function step(message: string): void {
  process.stdout.write(`prod-smoke: ${message}\n`);
}

function fail(message: string): never {
  throw new Error(message);
}

function start(name: string, script: string, env: Record<string, string>): ChildProcess {
  const log = join(logDir, `${name}.log`);
  const out = openSync(log, 'a');
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'apps/server/dist', script)], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  children.push({ name, child, log });
  return child;
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`${what} did not come up within ${timeoutMs / 1000} s`);
}

/** One tRPC call in the plain-JSON wire format (no transformer), as any HTTP client would make it. */
async function trpc<T>(
  base: string,
  path: string,
  options: { input?: unknown; token?: string; mutation?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = options.mutation
    ? await fetch(`${base}/trpc/${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(options.input ?? {}),
      })
    : await fetch(`${base}/trpc/${path}`, { headers });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result)
    fail(`${path} through ${base} answered ${response.status}: ${JSON.stringify(body)}`);
  return body.result.data;
}

/** A Solana wallet made with node:crypto: the address is the raw Ed25519 public key in base58. */
function solanaWallet() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  return {
    address: bs58.encode(raw),
    signMessage: (message: string) => bs58.encode(sign(null, Buffer.from(message, 'utf8'), privateKey)),
  };
}

async function checkInstance(base: string, metricsToken: string): Promise<void> {
  const health = await fetch(`${base}/health`);
  if (health.status !== 200) fail(`${base}/health answered ${health.status}`);
  const ready = await fetch(`${base}/ready`);
  const readiness = (await ready.json()) as { status: string; checks: Record<string, string> };
  if (ready.status !== 200 || readiness.checks.database !== 'ok' || readiness.checks.store !== 'ok') {
    fail(`${base}/ready answered ${ready.status}: ${JSON.stringify(readiness)}`);
  }
  const open = await fetch(`${base}/metrics`);
  if (open.status !== 401) fail(`${base}/metrics answered ${open.status} without the token (expected 401)`);
  const metrics = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  if (metrics.status !== 200 || !(await metrics.text()).includes('puffy_http_requests_total')) {
    fail(`${base}/metrics with the token answered ${metrics.status}`);
  }
}

type SessionState = { signedIn: boolean; user?: { id: string } };

async function signedInJourney(first: string, second: string): Promise<void> {
  const wallet = solanaWallet();
  // The challenge is issued by one instance and answered through the other: they share it in Redis.
  const challenge = await trpc<{ challengeId: string; message: string }>(first, 'auth.challenge', {
    mutation: true,
    input: { chain: 'sol', address: wallet.address },
  });
  const session = await trpc<{ accessToken?: string; user: { id: string } }>(second, 'auth.verify', {
    mutation: true,
    input: {
      challengeId: challenge.challengeId,
      proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
      delivery: 'body',
    },
  });
  const token = session.accessToken ?? fail('auth.verify returned no access token for delivery "body"');
  for (const base of [first, second]) {
    const state = await trpc<SessionState>(base, 'auth.session', { token });
    if (!state.signedIn || state.user?.id !== session.user.id) {
      fail(`auth.session through ${base} does not see the signed-in member: ${JSON.stringify(state)}`);
    }
  }
  await trpc(second, 'auth.logout', { mutation: true, token });
  const after = await trpc<SessionState>(first, 'auth.session', { token });
  if (after.signedIn) fail(`a session ended through ${second} is still signed in through ${first}`);
}

/** The image's backup and restore bundles, against the running deployment: same members after. */
async function backupAndRestore(
  env: Record<string, string>,
  admin: postgres.Sql,
  name: string,
): Promise<void> {
  const out = join(logDir, 'backups');
  const run = (script: string, args: string[], databaseUrl: string) => {
    const result = spawnSync(process.execPath, [join(root, 'apps/server/dist', script), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    });
    if (result.status !== 0) fail(`${script} failed: ${result.stderr}`);
    return result.stdout;
  };
  const written = JSON.parse(run('backup.js', ['--out', out, '--keep', '1'], env.DATABASE_URL ?? '')) as {
    file: string;
  };
  const restoredName = `${name}_restored`;
  await admin.unsafe(`create database "${restoredName}"`);
  const restoredUrl = new URL(env.DATABASE_URL ?? '');
  restoredUrl.pathname = `/${restoredName}`;
  try {
    run('restore.js', [written.file], restoredUrl.toString());
    const counts = await Promise.all(
      [env.DATABASE_URL ?? '', restoredUrl.toString()].map(async (url) => {
        const sql = postgres(url, { max: 1, onnotice: () => {} });
        try {
          const [row] = await sql`select count(*)::int as n from users`;
          return Number(row?.n);
        } finally {
          await sql.end({ timeout: 5 });
        }
      }),
    );
    if (counts[0] !== counts[1] || !counts[0])
      fail(`restored members ${counts[1]} ≠ live members ${counts[0]}`);
  } finally {
    await admin.unsafe(`drop database if exists "${restoredName}" with (force)`);
  }
}

/** SIGTERM to everyone; the names of those that did not exit 0 (a graceful stop exits 0). */
async function stopAll(): Promise<string[]> {
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
}

async function main(): Promise<void> {
  if (!process.argv.includes('--skip-build')) {
    step('building (pnpm build)');
    const built = spawnSync('pnpm', ['build'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) fail('pnpm build failed');
  }
  const name = `puffy_smoke_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  const prefix = `puffy-smoke-${randomBytes(4).toString('hex')}:`;
  const env: Record<string, string> = {
    ...generateProductionEnv({
      databaseUrl: databaseUrl.toString(),
      redisUrl,
      publicOrigin: 'https://smoke.puffy.invalid',
    }),
    TRUST_PROXY: 'false',
    REDIS_PREFIX: prefix,
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'info',
  };
  const metricsToken = env.METRICS_TOKEN ?? '';
  let ok = false;
  try {
    step(`release step: migrations into ${name}`);
    const migrate = spawnSync(process.execPath, [join(root, 'apps/server/dist/migrate.js')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    });
    if (migrate.status !== 0) fail(`migrate.js failed: ${migrate.stderr}`);
    const applied = (JSON.parse(migrate.stdout.trim().split('\n').pop() ?? '{}') as { applied?: string[] })
      .applied;
    if (!applied || applied.length === 0) fail(`the release step applied no migrations: ${migrate.stdout}`);

    const ports = [await freePort(), await freePort()];
    const bases = ports.map((port) => `http://127.0.0.1:${port}`);
    ports.forEach((port, i) => {
      start(`web-${i + 1}`, 'main.js', {
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        RUN_WORKER: 'false',
      });
    });
    start('worker', 'worker.js', env);
    for (const base of bases) await waitFor(`${base}/health`, async () => (await fetch(`${base}/health`)).ok);
    await waitFor('the worker', async () =>
      readFileSync(join(logDir, 'worker.log'), 'utf8').includes('worker started'),
    );
    step(`two instances (${bases.join(', ')}) and a worker are up`);

    for (const base of bases) await checkInstance(base, metricsToken);
    step('health, readiness and /metrics (token required) pass on both instances');
    await signedInJourney(bases[0] ?? '', bases[1] ?? '');
    await signedInJourney(bases[1] ?? '', bases[0] ?? '');
    step('sign-in across instances, the session through each, and a shared sign-out pass');
    await backupAndRestore(env, admin, name);
    step('the bundled backup.js and restore.js round-trip the live database');
    for (const { name: process_, child } of children) {
      if (child.exitCode !== null) fail(`${process_} exited early with ${child.exitCode}`);
    }
    const smokeDb = postgres(databaseUrl.toString(), { max: 1, onnotice: () => {} });
    const [migrations] = await smokeDb`select count(*)::int as n from puffy_migrations`.finally(() =>
      smokeDb.end({ timeout: 5 }),
    );
    if (Number(migrations?.n) !== applied.length) fail('the instances changed the migrations table');
    ok = true;
  } finally {
    const unclean = await stopAll();
    if (unclean.length > 0) {
      step(`did not stop cleanly on SIGTERM: ${unclean.join(', ')}`);
      ok = false;
      process.exitCode = 1;
    }
    if (!ok) {
      for (const { name: process_, log } of children) {
        process.stderr.write(
          `--- ${process_} (last lines) ---\n${readFileSync(log, 'utf8').split('\n').slice(-30).join('\n')}\n`,
        );
      }
    }
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
    spawnSync(
      'sh',
      ['-c', `redis-cli -u "$URL" --scan --pattern '${prefix}*' | xargs -r redis-cli -u "$URL" del`],
      {
        env: { ...process.env, URL: redisUrl },
        stdio: 'ignore',
      },
    );
    rmSync(logDir, { recursive: true, force: true });
  }
  if (process.exitCode !== 1) step('passed: stopped everything cleanly');
}

main().catch((error: unknown) => {
  process.stderr.write(`prod-smoke failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
