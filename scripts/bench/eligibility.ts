import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TEligibilityMethod, TRequirement } from '@puffy/contracts';
import { createDb, type Db, insertManySkippingConflicts, migrateUp } from '@puffy/db';
import { testDatabases } from '@puffy/db/testing';
import bs58 from 'bs58';
import { eq, sql } from 'drizzle-orm';
import { againstBare, CONNECTIONS, rowAgainstBare, TRIVIAL_PATH } from './against-bare';
import { startBareHono } from './bare-baseline';
import { freshClientAddress, type LoadRequest } from './http';
import { benchServerEnv } from './limits';
import { type BenchProcess, startServerProcess } from './server-process';
import { fmt, type Measure, type Row } from './table';

/** Issue 20's targets, against the bare Hono baseline: Postgres pays a network round trip per check. */
const TARGETS = {
  SQLite: { ratio: 0.35, p99Ms: 15 },
  Postgres: { ratio: 0.15 },
} as const;
/** Holders the load asks about (half of the asks are wallets not in the snapshot). */
const SAMPLE = 20_000;

const solanaAddress = () => bs58.encode(crypto.getRandomValues(new Uint8Array(32)));

const method = (name: TEligibilityMethod): TRequirement => ({ kind: 'method', method: name, config: {} });

/**
 * Issue 21's bench tree: three levels of groups whose leaves the database answers (the Solana holder
 * method reads the active snapshot; `eth` fails at once for a Solana wallet; `bypass` is the allow-list).
 * A holder passes after two snapshot reads and two allow-list reads, a stranger fails after one snapshot
 * read, the rest not checked.
 */
const SNAPSHOT_TREE: TRequirement = {
  kind: 'all',
  children: [
    { kind: 'any', children: [method('eth'), method('sol')] },
    {
      kind: 'at_least',
      n: 1,
      children: [
        { kind: 'all', children: [method('sol'), method('bypass')] },
        { kind: 'any', children: [method('bypass'), method('sol')] },
      ],
    },
  ],
};

/**
 * A campaign with a Solana holder method and an active snapshot of `holders` wallets, written
 * straight into a fresh SQLite file (the import path has its own measure); returns a sample of them.
 */
async function seed(
  db: Db,
  holders: number,
): Promise<{ campaignId: number; treeCampaignId: number; sample: string[] }> {
  const { campaignId, snapshotId, sample } = await seedCampaign(db, holders);
  const tree = await seedCampaign(db, 0, SNAPSHOT_TREE);
  // The tree's campaign gets the same holders, copied by the database in one statement.
  const { t } = db;
  await db.db.insert(t.snapshotHolders).select(
    db.db
      .select({
        snapshotId: sql<string>`${tree.snapshotId}`.as('snapshot_id'),
        address: t.snapshotHolders.address,
        amount: t.snapshotHolders.amount,
      })
      .from(t.snapshotHolders)
      .where(eq(t.snapshotHolders.snapshotId, snapshotId)),
  );
  return { campaignId, treeCampaignId: tree.campaignId, sample };
}

async function seedCampaign(
  db: Db,
  holders: number,
  requirements: TRequirement | null = null,
): Promise<{ campaignId: number; snapshotId: string; sample: string[] }> {
  const { t } = db;
  const now = new Date();
  const [campaign] = await db.db
    .insert(t.campaigns)
    .values({
      slug: requirements ? 'launch-tree' : 'launch',
      name: requirements ? 'Launch (tree)' : 'Launch',
      requirements,
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
  return { campaignId: campaign.id, snapshotId, sample };
}

const query = (path: string, input: unknown) =>
  `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

/** One database to measure on: a fresh SQLite file, or a fresh Postgres database when a URL is given. */
interface BenchDatabase {
  label: 'SQLite' | 'Postgres';
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
 * different wallet (half holders, half not) from a new client address, against the bare Hono
 * baseline in alternating rounds (against-bare.ts). SQLite always; Postgres too in a full run when
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server.
 */
async function measureOn(target: BenchDatabase, short: boolean): Promise<Row[]> {
  const holders = short ? 5_000 : 1_000_000;
  const seedStart = performance.now();
  await migrateUp(target.db);
  const { campaignId, treeCampaignId, sample } = await seed(target.db, holders);
  await target.db.close();
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const strangers = Array.from({ length: sample.length }, solanaAddress);

  const server = await startServerProcess({ ...target.serverEnv, ...benchServerEnv });
  let bare: BenchProcess | undefined;
  try {
    bare = await startBareHono(server.url, { path: TRIVIAL_PATH });
    const dryRunOf = (id: number) => {
      let asked = 0;
      return (): LoadRequest => {
        const wallets = asked % 2 === 0 ? sample : strangers;
        const address = wallets[Math.floor(asked / 2) % wallets.length] ?? '';
        asked += 1;
        return {
          path: query('campaign.checkEligibleDryRun', { campaignId: id, wallet: { chain: 'sol', address } }),
          headers: { 'x-forwarded-for': freshClientAddress() },
        };
      };
    };
    const compare = async (id: number, expectHolder: (answer: unknown) => boolean) => {
      const load = dryRunOf(id);
      const probe = load();
      const answer = await fetch(`${server.url}${probe.path}`, { headers: probe.headers });
      if (!answer.ok) throw new Error(`the dry run answered ${answer.status}: ${await answer.text()}`);
      if (!expectHolder(await answer.json()))
        throw new Error(`campaign ${id} did not find a holder eligible`);
      return againstBare(bare?.url ?? '', server.url, load, short);
    };
    const eligible = (json: unknown) => JSON.stringify(json).includes('"outcome":"eligible"');
    const compared = await compare(campaignId, eligible);
    // Issue 21: the same dry run through a stored three-level tree (SQLite, the target's database).
    const treeRows =
      target.label === 'SQLite'
        ? [
            rowAgainstBare(
              `dry run, three-level tree of snapshot leaves, ${fmt(holders)}-holder snapshot, ${target.label} (${CONNECTIONS} connections)`,
              await compare(treeCampaignId, eligible),
              TARGETS[target.label],
            ),
          ]
        : [];
    return [
      rowAgainstBare(
        `campaign.checkEligibleDryRun, ${fmt(holders)}-holder snapshot, ${target.label} (${CONNECTIONS} connections)`,
        compared,
        TARGETS[target.label],
      ),
      ...treeRows,
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
    await bare?.stop();
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
