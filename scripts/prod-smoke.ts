// `pnpm prod-smoke`: the production deployment of compose.yaml, without Docker. Builds the bundles,
// runs the migrations once as the release step, starts two web instances (RUN_WORKER=false,
// MIGRATE_ON_START=false) and one worker on Postgres and Redis with NODE_ENV=production, then checks
// /health, /ready, /metrics and a signed-in session through each instance, and stops everything.
// Uses a database and a Redis key prefix of its own, removed afterwards.
//   SMOKE_DATABASE_URL (or TEST_DATABASE_URL)  a Postgres role that may create databases
//   SMOKE_REDIS_URL (or TEST_REDIS_URL)         a Redis
//   --skip-build                                use the bundles already in apps/server/dist
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import bs58 from 'bs58';
import postgres from 'postgres';
import { buildUnlessSkipped, type Cluster, openCluster, root } from './cluster';

const adminUrl =
  process.env.SMOKE_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.SMOKE_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function step(message: string): void {
  process.stdout.write(`prod-smoke: ${message}\n`);
}

function fail(message: string): never {
  throw new Error(message);
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
async function backupAndRestore(cluster: Cluster): Promise<void> {
  const out = join(cluster.logDir, 'backups');
  const run = (script: string, args: string[], databaseUrl: string) => {
    const result = spawnSync(process.execPath, [join(root, 'apps/server/dist', script), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...cluster.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    });
    if (result.status !== 0) fail(`${script} failed: ${result.stderr}`);
    return result.stdout;
  };
  const written = JSON.parse(run('backup.js', ['--out', out, '--keep', '1'], cluster.databaseUrl)) as {
    file: string;
  };
  const restoredName = `${cluster.databaseName}_restored`;
  await cluster.admin.unsafe(`create database "${restoredName}"`);
  const restoredUrl = new URL(cluster.databaseUrl);
  restoredUrl.pathname = `/${restoredName}`;
  try {
    run('restore.js', [written.file], restoredUrl.toString());
    const counts = await Promise.all(
      [cluster.databaseUrl, restoredUrl.toString()].map(async (url) => {
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
    await cluster.admin.unsafe(`drop database if exists "${restoredName}" with (force)`);
  }
}

async function main(): Promise<void> {
  buildUnlessSkipped(['build'], step);
  const cluster = await openCluster({
    tag: 'smoke',
    adminUrl,
    redisUrl,
    publicOrigin: 'https://smoke.puffy.invalid',
    env: { TRUST_PROXY: 'false', LOG_LEVEL: 'info' },
    nodeFlags: ['--enable-source-maps'],
  });
  const metricsToken = cluster.env.METRICS_TOKEN ?? '';
  let ok = false;
  try {
    step(`release step: migrations into ${cluster.databaseName}`);
    const applied = cluster.migrate();
    if (applied.length === 0) fail('the release step applied no migrations');

    const bases = await cluster.start();
    await cluster.workerStarted();
    step(`two instances (${bases.join(', ')}) and a worker are up`);

    for (const base of bases) await checkInstance(base, metricsToken);
    step('health, readiness and /metrics (token required) pass on both instances');
    await signedInJourney(bases[0] ?? '', bases[1] ?? '');
    await signedInJourney(bases[1] ?? '', bases[0] ?? '');
    step('sign-in across instances, the session through each, and a shared sign-out pass');
    await backupAndRestore(cluster);
    step('the bundled backup.js and restore.js round-trip the live database');
    cluster.assertRunning('early');
    const smokeDb = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
    const [migrations] = await smokeDb`select count(*)::int as n from puffy_migrations`.finally(() =>
      smokeDb.end({ timeout: 5 }),
    );
    if (Number(migrations?.n) !== applied.length) fail('the instances changed the migrations table');
    ok = true;
  } finally {
    const unclean = await cluster.stop();
    if (unclean.length > 0) {
      step(`did not stop cleanly on SIGTERM: ${unclean.join(', ')}`);
      ok = false;
      process.exitCode = 1;
    }
    if (!ok) cluster.printLogs(30);
    await cluster.dispose();
  }
  if (process.exitCode !== 1) step('passed: stopped everything cleanly');
}

main().catch((error: unknown) => {
  process.stderr.write(`prod-smoke failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
