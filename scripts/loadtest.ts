// `pnpm loadtest`: the launch scenario against the production deployment without Docker. Builds the
// server bundles, migrates a database of its own, starts two web instances and a worker on Postgres
// and Redis (NODE_ENV=production), puts a ready campaign with a promotion and a snapshot of every test
// wallet in place, then drives many wallets through the launch for a fixed time: the dry-run
// eligibility check, sign-in (challenge from one instance, verify through the other), standing,
// the signed-in eligibility check, and the claim. Before the load, a few wallets walk the journey
// alone while the instances count (QUERY_COUNTS): the SQL statements, transactions and Redis round
// trips of each step. Reports those counts, requests, errors (rate limits apart), latency percentiles
// and the time spent waiting on database locks, and exits 1 when any request failed for a reason
// other than a rate limit.
//   LOADTEST_DATABASE_URL (or TEST_DATABASE_URL)  a Postgres role that may create databases
//   LOADTEST_REDIS_URL (or TEST_REDIS_URL)         a Redis
//   --seconds N      how long to drive the load (30)
//   --wallets N      how many wallets take part (1000)
//   --concurrency N  how many wallets are in flight at once (32)
//   --skip-build     use the bundles already in apps/server/dist
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { createDb } from '@puffy/db';
import bs58 from 'bs58';
import { countReader, StepCounts, sampleLockWaits } from './bench/journey-counts';
import { buildUnlessSkipped, openCluster } from './cluster';

const adminUrl =
  process.env.LOADTEST_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.LOADTEST_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}
const SECONDS = option('seconds', 30);
const WALLETS = option('wallets', 1000);
const CONCURRENCY = option('concurrency', 32);

const step = (message: string) => process.stdout.write(`loadtest: ${message}\n`);

interface Wallet {
  address: string;
  /** The wallet's own client address: rate limits per IP apply to it as to a real member. */
  ip: string;
  key: KeyObject;
  token?: string;
}

function wallet(index: number): Wallet {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  return {
    address: bs58.encode(raw),
    ip: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
    key: privateKey,
  };
}

const signMessage = (w: Wallet, message: string) =>
  bs58.encode(sign(null, Buffer.from(message, 'utf8'), w.key));

/** Every answer, by step: status 0 is a request that got no HTTP answer at all. */
const samples = new Map<string, Array<{ ms: number; status: number }>>();
const failures = new Map<string, number>();
/** While wallets walk the journey alone, each call runs inside this (it reads the counters around it). */
let around: ((stepName: string, work: () => Promise<void>) => Promise<void>) | undefined;

class CallFailed extends Error {}

/** One tRPC call in the plain-JSON wire format, as the SPA makes it; recorded under its step. */
async function call<T>(
  base: string,
  stepName: string,
  path: string,
  w: Wallet,
  options: { input?: unknown; mutation?: boolean; token?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': w.ip };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const url = options.mutation
    ? `${base}/trpc/${path}`
    : `${base}/trpc/${path}${options.input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(options.input))}`}`;
  const started = performance.now();
  let status = 0;
  let body: { result?: { data: T }; error?: { message?: string } } | undefined;
  const send = async () => {
    const response = await fetch(url, {
      method: options.mutation ? 'POST' : 'GET',
      headers,
      body: options.mutation ? JSON.stringify(options.input ?? {}) : undefined,
    });
    status = response.status;
    body = (await response.json()) as typeof body;
  };
  try {
    await (around ? around(stepName, send) : send());
  } catch (error) {
    const key = `${stepName}: ${error instanceof Error ? error.message : String(error)}`;
    failures.set(key, (failures.get(key) ?? 0) + 1);
  }
  const list = samples.get(stepName) ?? [];
  list.push({ ms: performance.now() - started, status });
  samples.set(stepName, list);
  if (status !== 200 || !body?.result) {
    if (status !== 429 && status !== 0) {
      const key = `${stepName} ${status}: ${body?.error?.message ?? 'no result'}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
    throw new CallFailed(`${path} answered ${status}`);
  }
  return body.result.data;
}

/** One wallet's launch: the dry run, sign-in across instances, standing, eligibility, claim. */
async function launchJourney(bases: string[], w: Wallet, ids: { campaignId: number; promotionId: number }) {
  const [first = '', second = ''] = Math.random() < 0.5 ? bases : [...bases].reverse();
  const wire = { chain: 'sol', address: w.address };
  await call(first, 'dry-run eligibility', 'campaign.checkEligibleDryRun', w, {
    input: { campaignId: ids.campaignId, wallet: wire },
  });
  if (!w.token) {
    const challenge = await call<{ challengeId: string; message: string }>(
      first,
      'sign-in: challenge',
      'auth.challenge',
      w,
      {
        mutation: true,
        input: wire,
      },
    );
    const session = await call<{ accessToken?: string }>(second, 'sign-in: verify', 'auth.verify', w, {
      mutation: true,
      input: {
        challengeId: challenge.challengeId,
        proof: { ...wire, signature: signMessage(w, challenge.message) },
        delivery: 'body',
      },
    });
    w.token = session.accessToken;
  }
  const token = w.token;
  await call(second, 'standing', 'campaign.info', w, { input: { campaignId: ids.campaignId }, token });
  await call(first, 'eligibility', 'campaign.checkEligible', w, {
    mutation: true,
    input: { campaignId: ids.campaignId },
    token,
  });
  await call(second, 'claim', 'promotion.complete', w, { mutation: true, input: ids, token });
  await call(first, 'standing', 'campaign.info', w, { input: { campaignId: ids.campaignId }, token });
}

async function seedCampaign(databaseUrl: string): Promise<{ campaignId: number; promotionId: number }> {
  const db = createDb({ url: databaseUrl, pool: { max: 1 } });
  try {
    const { t } = db;
    const now = Date.now();
    const [campaign] = await db.db
      .insert(t.campaigns)
      .values({
        slug: `launch-${randomBytes(3).toString('hex')}`,
        name: 'Launch',
        network: 'sol',
        vmType: 'svm',
        collectionName: 'Puffy OG',
        nftGasFeeLamports: 10_000_000n,
        isReady: true,
        isActive: true,
        startAt: new Date(now - 3_600_000),
        endAt: new Date(now + 86_400_000),
      })
      .returning({ id: t.campaigns.id });
    const [promotion] = await db.db
      .insert(t.promotions)
      .values({
        name: 'Genesis Pass',
        symbol: 'PUFFY',
        description: 'The launch pass.',
        media: { image: 'https://arweave.net/puffy/pass.png' },
        royaltyBps: 500,
        network: 'sol',
      })
      .returning({ id: t.promotions.id });
    if (!campaign || !promotion) throw new Error('the campaign was not created');
    await db.db
      .insert(t.campaignEligibleMethods)
      .values({ campaignId: campaign.id, method: 'sol', config: {} });
    await db.db.insert(t.campaignPromotions).values({ campaignId: campaign.id, promotionId: promotion.id });
    return { campaignId: campaign.id, promotionId: promotion.id };
  } finally {
    await db.close();
  }
}

/** The operator's snapshot of holders, uploaded through the admin console's door, as at a launch. */
async function importSnapshot(
  base: string,
  admin: Wallet,
  campaignId: number,
  holders: Wallet[],
): Promise<void> {
  const challenge = await call<{ challengeId: string; message: string }>(
    base,
    'setup',
    'auth.challenge',
    admin,
    {
      mutation: true,
      input: { chain: 'sol', address: admin.address },
    },
  );
  const session = await call<{ accessToken?: string }>(base, 'setup', 'auth.verify', admin, {
    mutation: true,
    input: {
      challengeId: challenge.challengeId,
      proof: { chain: 'sol', address: admin.address, signature: signMessage(admin, challenge.message) },
      delivery: 'body',
    },
  });
  const token = session.accessToken;
  const csv = `wallet,chain\n${holders.map((h) => `${h.address},sol`).join('\n')}\n`;
  const begun = await call<{ progress: { snapshotId: string; status: string } }>(
    base,
    'setup',
    'admin.snapshots.begin',
    admin,
    {
      mutation: true,
      input: {
        campaignId,
        network: 'sol',
        fileSha256: createHash('sha256').update(csv).digest('hex'),
        bytes: Buffer.byteLength(csv),
      },
      token,
    },
  );
  if (begun.progress.status === 'active') return;
  // The upload answers when the import has finished and the snapshot is active.
  const uploaded = await fetch(`${base}/admin/snapshots/${begun.progress.snapshotId}/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'x-forwarded-for': admin.ip },
    body: csv,
  });
  const progress = (await uploaded.json()) as { status?: string };
  if (uploaded.status !== 200 || progress.status !== 'active')
    throw new Error(`the snapshot import failed (${uploaded.status})`);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);

function report(elapsedSeconds: number): { errors: number } {
  const rows: string[] = [];
  const all: number[] = [];
  let requests = 0;
  let limited = 0;
  let errors = 0;
  for (const [name, list] of samples) {
    if (name === 'setup') continue;
    const ok = list.filter((s) => s.status === 200).length;
    const rateLimited = list.filter((s) => s.status === 429).length;
    const failed = list.length - ok - rateLimited;
    const times = list.map((s) => s.ms).sort((a, b) => a - b);
    all.push(...times);
    requests += list.length;
    limited += rateLimited;
    errors += failed;
    rows.push(
      `| ${name} | ${list.length} | ${failed} | ${rateLimited} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 99).toFixed(1)} |`,
    );
  }
  all.sort((a, b) => a - b);
  const lines = [
    `${SECONDS} s, ${WALLETS} wallets, ${CONCURRENCY} in flight, two instances and a worker on Postgres and Redis`,
    '',
    '| step | requests | errors | rate limited | p50 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    `| **all** | **${requests}** | **${errors}** | **${limited}** | **${percentile(all, 50).toFixed(1)}** | **${percentile(all, 99).toFixed(1)}** |`,
    '',
    `${(requests / elapsedSeconds).toFixed(0)} requests/s; errors that are not rate limits: ${errors}.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const [reason, n] of failures) process.stdout.write(`  ${n} × ${reason}\n`);
  return { errors };
}

/** How many wallets walk the journey alone, each request counted, before the load starts. */
const COUNTED_JOURNEYS = 3;

async function countJourneys(
  bases: string[],
  counted: Wallet[],
  ids: { campaignId: number; promotionId: number },
  metricsToken: string,
): Promise<string[]> {
  const reader = countReader(bases, metricsToken);
  await reader.calibrate();
  const table = new StepCounts();
  around = async (stepName, work) => {
    table.record(stepName, await reader.measure(work));
  };
  try {
    for (const w of counted) await launchJourney(bases, w, ids);
  } finally {
    around = undefined;
    samples.clear();
  }
  return table.table();
}

async function main(): Promise<void> {
  buildUnlessSkipped(['--filter', '@puffy/server', 'build'], step);
  const operator = wallet(0);
  const cluster = await openCluster({
    tag: 'load',
    adminUrl,
    redisUrl,
    env: {
      // The load balancer's X-Forwarded-For tells the wallets apart, as in production behind nginx.
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
      // Statement and round-trip counters on /metrics, read around the counted journeys.
      QUERY_COUNTS: 'true',
      ADMIN_WALLETS: `sol:${operator.address}`,
    },
  });
  let errors = 1;
  try {
    cluster.migrate();
    const bases = await cluster.start();
    const ids = await seedCampaign(cluster.databaseUrl);
    const wallets = Array.from({ length: WALLETS }, (_, i) => wallet(i + 1));
    const counted = Array.from({ length: COUNTED_JOURNEYS }, (_, i) => wallet(WALLETS + 1 + i));
    await importSnapshot(bases[0] ?? '', operator, ids.campaignId, [...wallets, ...counted]);
    const countTable = await countJourneys(bases, counted, ids, cluster.env.METRICS_TOKEN ?? '');
    step(
      `campaign ${ids.campaignId} with ${WALLETS} holders is live on ${bases.join(' and ')}; driving ${SECONDS} s`,
    );

    const lockWaits = sampleLockWaits(cluster.admin, cluster.databaseName);
    const started = performance.now();
    const deadline = Date.now() + SECONDS * 1000;
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < deadline) {
          const w = wallets[next % wallets.length];
          next += 1;
          if (!w) continue;
          await launchJourney(bases, w, ids).catch((error: unknown) => {
            if (!(error instanceof CallFailed)) throw error;
          });
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const waits = await lockWaits.stop();
    process.stdout.write(
      `\nWhat one request makes, per step (${COUNTED_JOURNEYS} journeys walked alone before the load; a range when they differ):\n\n${countTable.join('\n')}\n\n`,
    );
    ({ errors } = report(elapsed));
    process.stdout.write(`\n${waits.join('\n')}\n`);
    cluster.assertRunning('during the load');
  } finally {
    await cluster.stop();
    if (errors > 0) cluster.printLogs(20);
    await cluster.dispose();
  }
  if (errors > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`loadtest failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
