// Every benchmark `pnpm bench` runs, in order. To add one (eligibility at scale, snapshot import,
// leaderboard…): write scripts/bench/<name>.ts exporting a `Measure` (see table.ts) that measures its
// baseline in the same run, and list it here.
import { apiLatencyMeasure } from './api-latency';
import { ed25519Measure } from './ed25519';
import { eligibilityMeasure } from './eligibility';
import { importTargetsMeasure } from './import-targets';
import { leaderboardMeasure } from './leaderboard';
import { snapshotImportMeasure } from './snapshot-import';
import { spaMeasure } from './spa';
import type { Measure } from './table';
import { throughputMeasure } from './throughput';

export const measures: Measure[] = [
  throughputMeasure,
  eligibilityMeasure,
  apiLatencyMeasure,
  leaderboardMeasure,
  importTargetsMeasure,
  ed25519Measure,
  spaMeasure,
  snapshotImportMeasure,
];
