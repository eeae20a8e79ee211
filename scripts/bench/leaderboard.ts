import { pathToFileURL } from 'node:url';
import { leaderboard } from '@puffy/api';
import type { Db } from '@puffy/db';
import { testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { fmt, type Measure, type MeasureOptions, printTable, type Row } from './table';

/*
 * campaign.leaderboard over a million ledger rows: the top 100 and a member's own rank, on SQLite
 * and (when TEST_DATABASE_URL is set) Postgres, each timed on its first call (nothing cached) and as
 * the median of the calls after. In `pnpm bench` (2,000 rows with --short); alone:
 * `pnpm exec tsx scripts/bench/leaderboard.ts [--short]`.
 *
 * The fill writes the ledger and its aggregate (user_points) in bulk, as the award path would have
 * left them: ENTRIES_PER_MEMBER entries per member in one campaign, the aggregate = their sum (the
 * rank histogram follows user_points by trigger).
 */

const ENTRIES_PER_MEMBER = 5;
const BATCH = 1000;
const TARGET_MS = 20;

async function fill(
  db: Db,
  ledgerRows: number,
): Promise<{ campaignId: number; members: string[]; points: number[] }> {
  const { t } = db;
  const now = new Date();
  const [campaign] = await db.db
    .insert(t.campaigns)
    .values({
      slug: 'bench',
      name: 'Bench',
      network: 'sol',
      vmType: 'svm',
      nftGasFeeLamports: 0n,
      isReady: true,
      isActive: true,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: t.campaigns.id });
  if (!campaign) throw new Error('no campaign');
  const memberCount = Math.ceil(ledgerRows / ENTRIES_PER_MEMBER);
  const members = Array.from({ length: memberCount }, () => crypto.randomUUID());
  // Points spread so that ties exist (many members share a score), as on a real board.
  const points = members.map((_, i) => ((i * 7919) % 5000) * ENTRIES_PER_MEMBER);
  for (let start = 0; start < memberCount; start += BATCH) {
    const slice = members.slice(start, start + BATCH);
    await db.withTransaction(async (tx) => {
      await tx.insert(t.users).values(
        slice.map((id, i) => ({
          id,
          walletAddress: `Bench${(start + i).toString().padStart(12, '0')}Wallet`,
          walletChain: 'sol' as const,
          createdAt: now,
          updatedAt: now,
        })),
      );
      const entries = slice.flatMap((userId, i) =>
        Array.from({ length: ENTRIES_PER_MEMBER }, (_, e) => ({
          id: crypto.randomUUID(),
          userId,
          campaignId: campaign.id,
          scopeKey: String(campaign.id),
          points: (points[start + i] ?? 0) / ENTRIES_PER_MEMBER,
          reason: 'bench',
          sourceKey: `bench:${userId}:${e}`,
          createdAt: now,
        })),
      );
      for (let e = 0; e < entries.length; e += BATCH)
        await tx.insert(t.pointsLedger).values(entries.slice(e, e + BATCH));
      const totals = slice.map((userId, i) => ({ userId, points: points[start + i] ?? 0, updatedAt: now }));
      await tx.insert(t.userPoints).values(totals.map((r) => ({ ...r, scopeKey: String(campaign.id) })));
      await tx.insert(t.userPoints).values(totals.map((r) => ({ ...r, scopeKey: 'global' })));
    });
  }
  return { campaignId: campaign.id, members, points };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The first call (cold: nothing of it cached by us) and the median of `runs` calls after it. */
async function timed(runs: number, work: () => Promise<unknown>): Promise<{ first: number; median: number }> {
  const coldStart = performance.now();
  await work();
  const first = performance.now() - coldStart;
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return { first, median: median(samples) };
}

async function measureOn(label: string, db: Db, options: MeasureOptions): Promise<Row[]> {
  const ledgerRows = options.short ? 2_000 : 1_000_000;
  const fillStart = performance.now();
  const { campaignId, members, points } = await fill(db, ledgerRows);
  const fillSeconds = (performance.now() - fillStart) / 1000;
  if (db.dialect === 'postgres') await db.db.execute('analyze');
  // The lowest-ranked member with points: their rank counts nearly every row above them.
  const lowestPoints = points.reduce((low, p) => (p > 0 && p < low ? p : low), Number.POSITIVE_INFINITY);
  const lowest = members[points.indexOf(lowestPoints)] ?? '';
  const middle = members[Math.floor(members.length / 2)] ?? '';
  const runs = options.short ? 3 : 20;
  const deps = { db };
  const { t } = db;
  // Baseline: the cheapest indexed read there is, one member's aggregate row by primary key.
  const baseline = await timed(runs, () =>
    db.db.select().from(t.userPoints).where(eq(t.userPoints.userId, middle)).limit(1),
  );
  const top = await timed(runs, () => leaderboard(deps, null, { campaignId, limit: 100 }));
  const ownMiddle = await timed(runs, () => leaderboard(deps, middle, { campaignId, limit: 1 }));
  const ownLowest = await timed(runs, () => leaderboard(deps, lowest, { campaignId, limit: 1 }));
  const globalTop = await timed(runs, () => leaderboard(deps, lowest, { limit: 100 }));
  const row = (measure: string, ms: { first: number; median: number }): Row => ({
    measure: `${measure} (${label}, ${fmt(ledgerRows)} ledger rows)`,
    value: `first ${ms.first.toFixed(2)} ms, then ${ms.median.toFixed(2)} ms`,
    baseline: `${baseline.median.toFixed(2)} ms`,
    ratio: `${(ms.median / baseline.median).toFixed(1)}×`,
    target: `< ${TARGET_MS} ms`,
    pass: ms.first < TARGET_MS && ms.median < TARGET_MS,
  });
  return [
    row('leaderboard top 100', top),
    row('leaderboard + own rank, middle member', ownMiddle),
    row('leaderboard + own rank, last member', ownLowest),
    row('global leaderboard top 100 + own rank, last member', globalTop),
    {
      measure: `fill (${label})`,
      value: `${fillSeconds.toFixed(1)} s`,
      baseline: '—',
      ratio: '—',
      target: '—',
      pass: null,
    },
  ];
}

export const leaderboardMeasure: Measure = {
  name: 'leaderboard',
  async run(options) {
    const rows: Row[] = [];
    for (const factory of testDatabases()) {
      const database = await factory.create();
      try {
        rows.push(...(await measureOn(factory.name, database.db, options)));
      } finally {
        await database.drop();
      }
    }
    return rows;
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await leaderboardMeasure.run({ short: process.argv.includes('--short') });
  process.stdout.write(`${printTable(rows)}\n`);
}
