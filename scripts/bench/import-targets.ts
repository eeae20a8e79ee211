import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { importSnapshot, silentLogger, systemClock } from '@puffy/api';
import type { Db } from '@puffy/db';
import { testDatabases } from '@puffy/db/testing';
import { fmt, type Measure, type MeasureOptions, printTable, type Row } from './table';

/*
 * The import target: 500,000 EVM holders (the costly family: every address is EIP-55
 * checksummed) streamed through `importSnapshot` as CSV chunks, on SQLite and, with
 * TEST_DATABASE_URL, Postgres. Reports rows/s, the time against the target, and the resident memory
 * the import added at its peak (sampled while it runs), which must not grow with the row count.
 * Alone: `pnpm exec tsx scripts/bench/import-targets.ts [--short]`.
 */

const ROWS = 500_000;
const CHUNK_LINES = 5_000;
const TARGET_SECONDS: Record<string, number> = { sqlite: 15, postgres: 20 };

/** Lowercase EVM addresses, generated as they are read: the file never exists whole, as in an upload. */
async function* holderCsv(rows: number): AsyncGenerator<string> {
  yield 'wallet,chain,amount\n';
  for (let start = 0; start < rows; start += CHUNK_LINES) {
    const count = Math.min(rows, start + CHUNK_LINES) - start;
    // One random buffer per chunk: a call per address cost the bench more than the importer's parsing.
    const random = randomBytes(20 * count);
    const lines: string[] = [];
    for (let i = 0; i < count; i += 1)
      lines.push(`0x${random.toString('hex', i * 20, i * 20 + 20)},eth,${(start + i) % 17}\n`);
    yield lines.join('');
  }
}

async function newCampaign(db: Db): Promise<number> {
  const now = new Date();
  const [campaign] = await db.db
    .insert(db.t.campaigns)
    .values({
      slug: `bench-import-${crypto.randomUUID()}`,
      name: 'Import bench',
      network: 'eth',
      vmType: 'evm',
      nftGasFeeLamports: 0n,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: db.t.campaigns.id });
  if (!campaign) throw new Error('no campaign');
  return campaign.id;
}

const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;

async function measureOn(label: string, dialect: string, db: Db, rows: number): Promise<Row[]> {
  const campaignId = await newCampaign(db);
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  try {
    const done = await importSnapshot(
      { db, clock: systemClock, logger: silentLogger },
      { campaignId, network: 'eth', source: holderCsv(rows) },
    );
    if (done.status !== 'active' || done.rowsAccepted !== rows)
      throw new Error(`import ended ${done.status} with ${done.rowsAccepted} of ${rows} rows`);
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const target = TARGET_SECONDS[dialect] ?? 15;
  return [
    {
      measure: `snapshot import, ${fmt(rows)} EVM rows streamed (${label})`,
      value: `${seconds.toFixed(1)} s, ${fmt(rows / seconds)} rows/s`,
      // On a shared machine the wall time includes waiting for a core; the importer's own CPU time does not.
      baseline: `importer CPU ${cpuSeconds.toFixed(1)} s`,
      ratio: '—',
      target: `< ${target} s`,
      pass: seconds < target,
    },
    {
      measure: `  resident memory the import added at its peak (${label})`,
      value: mb(peak - before),
      baseline: `${mb(before)} before`,
      ratio: '—',
      target: 'bounded (batches, not the file)',
      pass: null,
    },
  ];
}

export const importTargetsMeasure: Measure = {
  name: 'import-targets',
  async run(options: MeasureOptions) {
    const rows = options.short ? 5_000 : ROWS;
    const out: Row[] = [];
    for (const factory of testDatabases()) {
      const database = await factory.create();
      try {
        out.push(...(await measureOn(factory.name, database.db.dialect, database.db, rows)));
      } finally {
        await database.drop();
      }
    }
    return out;
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await importTargetsMeasure.run({ short: process.argv.includes('--short') });
  process.stdout.write(`${printTable(rows)}\n`);
}
