import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db, insertManySkippingConflicts, migrateUp } from '@puffy/db';
import { testDatabases } from '@puffy/db/testing';
import bs58 from 'bs58';
import { clientAddress, type LoadRequest, type LoadResult, measureLoad } from './http';
import { startServerProcess } from './server-process';
import { fmt, type Measure, ratioOf } from './table';

const connections = 50;
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 15;
/** Client addresses cycled through: each stays far under the dry run's 20 calls a minute per IP. */
const CLIENT_ADDRESSES = 30_000;
/** Holders the load asks about (half of the asks are wallets not in the snapshot). */
const SAMPLE = 20_000;

const solanaAddress = () => bs58.encode(crypto.getRandomValues(new Uint8Array(32)));

/**
 * A campaign with a Solana holder method and an active snapshot of `holders` wallets, written
 * straight into a fresh SQLite file (the import path has its own measure); returns a sample of them.
 */
async function seed(db: Db, holders: number): Promise<{ campaignId: number; sample: string[] }> {
  const { t } = db;
  const now = new Date();
  const [campaign] = await db.db
    .insert(t.campaigns)
    .values({
      slug: 'launch',
      name: 'Launch',
      network: 'sol',
      vmType: 'svm',
      collectionName: 'Puffy OG',
      nftGasFeeLamports: 0n,
      isReady: true,
      isActive: true,
      startAt: new Date(now.getTime() - 86_400_000),
      endAt: new Date(now.getTime() + 86_400_000),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: t.campaigns.id });
  if (!campaign) throw new Error('no campaign');
  await db.db
    .insert(t.campaignEligibleMethods)
    .values({ campaignId: campaign.id, method: 'sol', config: {} });
  const snapshotId = crypto.randomUUID();
  await db.db.insert(t.holderSnapshots).values({
    id: snapshotId,
    campaignId: campaign.id,
    network: 'sol',
    status: 'active',
    version: 1,
    rowsRead: holders,
    rowsAccepted: holders,
    createdAt: now,
    activatedAt: now,
  });
  const sample: string[] = [];
  const chunk = 50_000;
  for (let start = 0; start < holders; start += chunk) {
    const rows = Array.from({ length: Math.min(chunk, holders - start) }, () => [
      snapshotId,
      solanaAddress(),
      '1',
    ]);
    for (const row of rows.slice(0, Math.ceil((SAMPLE * chunk) / holders))) sample.push(String(row[1]));
    await db.withTransaction((tx) =>
      insertManySkippingConflicts(db, tx, {
        table: t.snapshotHolders,
        columns: [t.snapshotHolders.snapshotId, t.snapshotHolders.address, t.snapshotHolders.amount],
        rows,
        key: t.snapshotHolders.address,
      }),
    );
  }
  return { campaignId: campaign.id, sample };
}

function combine(runs: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => runs.reduce((total, r) => total + pick(r), 0);
  return {
    requestsPerSecond: sum((r) => r.requestsPerSecond) / runs.length,
    p50: Math.max(...runs.map((r) => r.p50)),
    p95: Math.max(...runs.map((r) => r.p95)),
    p99: Math.max(...runs.map((r) => r.p99)),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
  };
}

const query = (path: string, input: unknown) =>
  `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

/** One database to measure on: a fresh SQLite file, or a fresh Postgres database when a URL is given. */
interface BenchDatabase {
  label: string;
  db: Db;
  serverEnv: Record<string, string>;
  drop(): Promise<void>;
}

async function sqliteDatabase(): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'puffy-bench-elig-'));
  return {
    label: 'SQLite',
    db: createDb({ dataDir }),
    serverEnv: { DATA_DIR: dataDir },
    drop: async () => {},
  };
}

async function postgresDatabase(url: string): Promise<BenchDatabase> {
  const factory = testDatabases(url).find((d) => d.name === 'postgres');
  if (!factory) throw new Error('no Postgres factory for the eligibility bench');
  const created = await factory.create({ migrate: false });
  return { label: 'Postgres', db: created.db, serverEnv: { DATABASE_URL: created.url }, drop: created.drop };
}

/**
 * `campaign.checkEligibleDryRun` over HTTP against a one-million-holder snapshot, every request a
 * different wallet (half holders, half not) from a different client address, beside the trivial query
 * (system.version) from the same server and the same addresses, in alternating rounds. SQLite always;
 * Postgres too in a full run when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server.
 */
async function measureOn(target: BenchDatabase, short: boolean) {
  const holders = short ? 5_000 : 1_000_000;
  const seedStart = performance.now();
  await migrateUp(target.db);
  const { campaignId, sample } = await seed(target.db, holders);
  await target.db.close();
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const strangers = Array.from({ length: sample.length }, solanaAddress);

  const server = await startServerProcess({
    ...target.serverEnv,
    RATE_LIMIT_IP_PER_MINUTE: '100000000',
    TRUST_PROXY: 'true',
  });
  try {
    const from = (i: number) => ({ 'x-forwarded-for': clientAddress(i % CLIENT_ADDRESSES) });
    const trivial = (i: number): LoadRequest => ({ path: '/trpc/system.version', headers: from(i) });
    const dryRun = (i: number): LoadRequest => {
      const wallets = i % 2 === 0 ? sample : strangers;
      const address = wallets[Math.floor(i / 2) % wallets.length] ?? '';
      return {
        path: query('campaign.checkEligibleDryRun', { campaignId, wallet: { chain: 'sol', address } }),
        headers: from(i),
      };
    };
    const seconds = short ? 1 : 3;
    await measureLoad(server.url, trivial, { connections, seconds: 1 });
    await measureLoad(server.url, dryRun, { connections, seconds: 1 });
    const trivialRuns: LoadResult[] = [];
    const dryRuns: LoadResult[] = [];
    for (let round = 0; round < (short ? 1 : 4); round += 1) {
      trivialRuns.push(await measureLoad(server.url, trivial, { connections, seconds }));
      dryRuns.push(await measureLoad(server.url, dryRun, { connections, seconds }));
    }
    const base = combine(trivialRuns);
    const dry = combine(dryRuns);
    const failures = dry.errors + dry.non2xx + base.errors + base.non2xx;
    const ratio = dry.requestsPerSecond / base.requestsPerSecond;
    return [
      {
        measure: `campaign.checkEligibleDryRun, ${fmt(holders)}-holder snapshot, ${target.label} (${connections} connections)`,
        value: `${fmt(dry.requestsPerSecond)} req/s, p95 ${dry.p95.toFixed(1)} ms, p99 ${dry.p99.toFixed(1)} ms, failures ${failures}`,
        baseline: `trivial tRPC query ${fmt(base.requestsPerSecond)} req/s`,
        ratio: ratioOf(dry.requestsPerSecond, base.requestsPerSecond),
        target: `≥ ${TARGET_RATIO}×, p99 < ${TARGET_P99_MS} ms`,
        pass: ratio >= TARGET_RATIO && dry.p99 < TARGET_P99_MS && failures === 0,
      },
      {
        measure: `  snapshot seed (${fmt(holders)} rows straight into ${target.label})`,
        value: `${seedSeconds.toFixed(1)} s`,
        baseline: '—',
        ratio: '—',
        target: '—',
        pass: null,
      },
    ];
  } finally {
    await server.stop();
    await target.drop();
  }
}

export const eligibilityMeasure: Measure = {
  name: 'eligibility',
  async run({ short }) {
    const rows = await measureOn(await sqliteDatabase(), short);
    const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (!short && postgresUrl) rows.push(...(await measureOn(await postgresDatabase(postgresUrl), short)));
    return rows;
  },
};
