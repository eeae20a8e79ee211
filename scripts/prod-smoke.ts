// `pnpm prod-smoke`: the production deployment of compose.yaml, without Docker, behind the shipped
// load balancer. Builds the bundles, runs the migrations once as the release step, starts two web
// instances (RUN_WORKER=false, MIGRATE_ON_START=false, TRUST_PROXY=true) and one worker on Postgres
// and Redis with NODE_ENV=production and no demo seed, a local Solana node for payments, and Debian's
// nginx on ops/nginx/nginx.conf in front of the instances (scripts/prod-smoke/nginx.ts). Checks
// /health, /ready, /metrics and a signed-in session on each instance; then through nginx: the headers
// it passes, sign-in, the catalog the migrations wrote, a quote, a checkout, a USDT payment confirmed
// on the node, and a one-million-row holder snapshot uploaded through the admin route with its
// progress followed; the bundled backup and restore; and stops everything. Prints the upload's time
// and its own. Uses a database and a Redis key prefix of its own, removed afterwards.
//   SMOKE_DATABASE_URL (or TEST_DATABASE_URL)  a Postgres role that may create databases
//   SMOKE_REDIS_URL (or TEST_REDIS_URL)         a Redis
//   --skip-build                                use the bundles already in apps/server/dist
//   --rows N                                    rows in the uploaded snapshot (1,000,000)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalSolanaChain } from '@puffy/chains/local-chain';
import { freePort } from '@puffy/store/testing';
import postgres from 'postgres';
import { buildUnlessSkipped, openCluster } from './cluster';
import { fail, signIn, solanaWallet, step } from './prod-smoke/http';
import { backupAndRestore, checkInstance, signedInJourney } from './prod-smoke/instances';
import { prepareNginx } from './prod-smoke/nginx';
import { uploadSnapshot } from './prod-smoke/snapshot-upload';
import { storeJourney } from './prod-smoke/store-journey';
import { checkClientAddress, checkLoadBalancer, createCampaign } from './prod-smoke/through-nginx';

const adminUrl =
  process.env.SMOKE_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.SMOKE_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const rowsAt = process.argv.indexOf('--rows');
const ROWS = rowsAt >= 0 ? Number(process.argv[rowsAt + 1]) : 1_000_000;
if (!Number.isInteger(ROWS) || ROWS <= 0) throw new Error('--rows must be a positive whole number');

async function main(): Promise<void> {
  const started = performance.now();
  buildUnlessSkipped(['build'], step);
  // The Solana node members pay on: USDT (6 decimals) and the store treasury's token account.
  const chain = await createLocalSolanaChain({ finalizeAfterMs: 500 });
  const usdtMint = chain.createMint({ decimals: 6 });
  const operator = solanaWallet();
  const cluster = await openCluster({
    tag: 'smoke',
    adminUrl,
    redisUrl,
    publicOrigin: 'https://smoke.puffy.invalid',
    env: {
      // Behind nginx, which appends the client's address to X-Forwarded-For (TRUST_PROXY_HOPS=1).
      TRUST_PROXY: 'true',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      ADMIN_WALLETS: `sol:${operator.address}`,
      SOLANA_RPC_URL: chain.url,
      SOLANA_USDT_MINT: usdtMint,
      ORDER_CONFIRMATION_RETRY_SECONDS: '1',
    },
    nodeFlags: ['--enable-source-maps'],
  });
  chain.mintTo(usdtMint, cluster.env.SOLANA_STORE_TREASURY_ADDRESS ?? '', 0n);
  const metricsToken = cluster.env.METRICS_TOKEN ?? '';
  const nginxDir = mkdtempSync(join(tmpdir(), 'puffy-smoke-nginx-'));
  let ok = false;
  let uploadSeconds = 0;
  try {
    step(`release step: migrations into ${cluster.databaseName}`);
    const applied = cluster.migrate();
    if (applied.length === 0) fail('the release step applied no migrations');

    const bases = await cluster.start();
    await cluster.workerStarted();
    step(`two instances (${bases.join(', ')}) and a worker are up`);
    const smokeDb = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [demo] = await smokeDb`select count(*)::int as n from campaigns`;
      if (Number(demo?.n) !== 0) fail(`production started with ${demo?.n} campaigns: a demo seed ran`);
    } finally {
      await smokeDb.end({ timeout: 5 });
    }

    const port = await freePort();
    const nginx = prepareNginx({
      dir: nginxDir,
      listen: port,
      upstreams: bases.map((base) => new URL(base).host),
    });
    cluster.spawnLogged('nginx', nginx.command, nginx.args, {}, nginx.user);
    const lb = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries += 1) {
      cluster.assertRunning('while nginx started');
      if ((await fetch(`${lb}/ready`).catch(() => null))?.status === 200) break;
      if (tries > 100) fail(`nginx on ${lb} did not answer /ready`);
      await new Promise((r) => setTimeout(r, 100));
    }
    step(`nginx on ${lb} runs ops/nginx/nginx.conf in front of both instances`);

    for (const base of bases) await checkInstance(base, metricsToken);
    step('health, readiness and /metrics (token required) pass on both instances');
    await signedInJourney(bases[0] ?? '', bases[1] ?? '');
    await signedInJourney(bases[1] ?? '', bases[0] ?? '');
    step('sign-in across instances, the session through each, and a shared sign-out pass');

    await checkLoadBalancer(lb);
    step('through nginx: /ready, no /metrics, and each security header once');
    const member = solanaWallet();
    // A client-chosen X-Forwarded-For: the instances must record nginx's entry, the address it saw.
    const session = await signIn(lb, member, { 'x-forwarded-for': '203.0.113.7' });
    await checkClientAddress(cluster, session.userId);
    step('through nginx: the instances record the address nginx saw, not one the client sent');
    const order = await storeJourney(lb, chain, usdtMint, { wallet: member, token: session.token });
    step(
      `through nginx: sign-in, catalog, quote, checkout, and order ${order.id} (${order.total} USDT) confirmed on the local Solana node`,
    );

    await backupAndRestore(cluster);
    step(
      'the bundled backup.js and restore.js round-trip the live database (before the upload, which would only make it longer)',
    );
    const admin = await signIn(lb, operator);
    const campaignId = await createCampaign(lb, admin.token);
    const upload = await uploadSnapshot(lb, admin, campaignId, {
      path: join(cluster.logDir, 'holders.csv'),
      rows: ROWS,
    });
    uploadSeconds = upload.seconds;
    step(
      `through nginx: ${ROWS.toLocaleString('en')} holder rows (${(upload.bytes / 1_048_576).toFixed(1)} MB) uploaded and imported in ${upload.seconds.toFixed(1)} s; snapshot ${upload.progress.snapshotId} is active`,
    );

    cluster.assertRunning('early');
    const migrationsDb = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
    const [migrations] = await migrationsDb`select count(*)::int as n from puffy_migrations`.finally(() =>
      migrationsDb.end({ timeout: 5 }),
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
    await chain.close();
    rmSync(nginxDir, { recursive: true, force: true });
  }
  const total = (performance.now() - started) / 1000;
  if (process.exitCode !== 1) {
    step(
      `passed in ${total.toFixed(0)} s (the ${ROWS.toLocaleString('en')}-row upload through nginx: ${uploadSeconds.toFixed(1)} s); stopped everything cleanly`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`prod-smoke failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
