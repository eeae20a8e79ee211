import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { importSnapshot, silentLogger, systemClock } from '@puffy/api';
import type { Db } from '@puffy/db';
import { testDatabases } from '@puffy/db/testing';
import bs58 from 'bs58';
import { fmt, type Measure, type MeasureOptions, printTable, type Row } from './table';

/*
 * A holder snapshot of a million rows imported as the console's upload does it: CSV text streamed in
 * chunks, every row validated (base58 Solana keys) and written in batches, then switched active. On
 * SQLite and (when TEST_DATABASE_URL is set) Postgres, with the peak RSS of the process after each.
 * The baseline is the same generated rows inserted in the same batches with no parsing, validation
 * or progress bookkeeping: the ratio is what the import adds. Not in `--short` (it takes minutes);
 * run it alone with `pnpm exec tsx scripts/bench/snapshot-import.ts [rows]`.
 */

const ROWS = 1_000_000;
const CHUNK_LINES = 5_000;
const BATCH = 2_000;

/** CSV text a chunk at a time, generated as it is read: the file never exists whole, as in an upload. */
async function* holderCsv(rows: number): AsyncGenerator<string> {
  yield 'wallet,chain,amount\n';
  for (let start = 0; start < rows; start += CHUNK_LINES) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(rows, start + CHUNK_LINES); i += 1)
      lines.push(`${bs58.encode(randomBytes(32))},sol,${i % 17}\n`);
    yield lines.join('');
  }
}

async function newCampaign(db: Db, slug: string): Promise<number> {
  const now = new Date();
  const [campaign] = await db.db
    .insert(db.t.campaigns)
    .values({
      slug,
      name: slug,
      network: 'sol',
      vmType: 'svm',
      nftGasFeeLamports: 0n,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: db.t.campaigns.id });
  if (!campaign) throw new Error('no campaign');
  return campaign.id;
}

/** Plain batched inserts of the same rows into a snapshot row: no parsing, validation or progress. */
async function baselineInsert(db: Db, rows: number): Promise<void> {
  const campaignId = await newCampaign(db, 'bench-baseline');
  const snapshotId = crypto.randomUUID();
  await db.db.insert(db.t.holderSnapshots).values({
    id: snapshotId,
    campaignId,
    network: 'sol',
    status: 'importing',
    version: 1,
    createdAt: new Date(),
  });
  let batch: { snapshotId: string; address: string; amount: string }[] = [];
  for await (const chunk of holderCsv(rows)) {
    for (const line of chunk.split('\n')) {
      const [address = '', , amount = ''] = line.split(',');
      if (address === '' || address === 'wallet') continue;
      batch.push({ snapshotId, address, amount });
      if (batch.length >= BATCH) {
        const values = batch;
        batch = [];
        await db.withTransaction(async (tx) => {
          await tx.insert(db.t.snapshotHolders).values(values);
        });
      }
    }
  }
  if (batch.length > 0) await db.db.insert(db.t.snapshotHolders).values(batch);
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function measureOn(label: string, db: Db, rows: number): Promise<Row[]> {
  process.stderr.write(`snapshot-import: ${label} baseline…\n`);
  const baselineStart = performance.now();
  await baselineInsert(db, rows);
  const baselineSeconds = (performance.now() - baselineStart) / 1000;
  process.stderr.write(`snapshot-import: ${label} import…\n`);
  const campaignId = await newCampaign(db, 'bench-import');
  const start = performance.now();
  const done = await importSnapshot(
    { db, clock: systemClock, logger: silentLogger },
    { campaignId, network: 'sol', source: holderCsv(rows) },
  );
  const seconds = (performance.now() - start) / 1000;
  if (done.status !== 'active' || done.rowsAccepted !== rows)
    throw new Error(`import ended ${done.status} with ${done.rowsAccepted} of ${rows} rows`);
  const rate = rows / seconds;
  const baselineRate = rows / baselineSeconds;
  return [
    {
      measure: `snapshot import, ${fmt(rows)} rows streamed (${label})`,
      value: `${fmt(rate)} rows/s (${seconds.toFixed(1)} s)`,
      baseline: `${fmt(baselineRate)} rows/s plain batched insert`,
      ratio: `${(rate / baselineRate).toFixed(2)}×`,
      target: '—',
      pass: null,
    },
    {
      measure: `peak RSS after the import (${label})`,
      value: `${fmt(peakRssMb())} MB`,
      baseline: '—',
      ratio: '—',
      target: 'bounded (independent of rows)',
      pass: null,
    },
  ];
}

export const snapshotImportMeasure: Measure = {
  name: 'snapshot-import',
  async run(options: MeasureOptions) {
    if (options.short) return [];
    const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? ROWS);
    const out: Row[] = [];
    for (const factory of testDatabases()) {
      const database = await factory.create();
      try {
        out.push(...(await measureOn(factory.name, database.db, rows)));
      } finally {
        await database.drop();
      }
    }
    return out;
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await snapshotImportMeasure.run({ short: false });
  process.stdout.write(`${printTable(rows)}\n`);
}
