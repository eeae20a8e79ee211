// `pnpm bench`: every measurement beside a baseline taken in the same run, printed as one table of
// ratios (this machine is shared and noisy; absolute numbers mean little). `--short` only proves the
// benches work (CI). `--only name,name` runs some of the measures listed in measures.ts.
// `--profile=<procedure>` instead profiles the server under one throughput measure (profile.ts).
import { loadavg } from 'node:os';
import { liftedLimitsNote } from './limits';
import { measures } from './measures';
import { profileUnderLoad } from './profile';
import { bundleReport } from './spa';
import { printTable, type Row } from './table';

const short = process.argv.includes('--short');
const flagValue = (flag: string) =>
  process.argv.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3);
const onlyArg = flagValue('only');
const only = onlyArg ? new Set(onlyArg.split(',')) : null;
const profile = flagValue('profile');

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
const startedAt = new Date();
const loadAtStart = load();

if (profile) {
  process.stdout.write(`\n${await profileUnderLoad(profile, short)}\n`);
} else {
  const rows: Row[] = [];
  for (const measure of measures) {
    if (only && !only.has(measure.name)) continue;
    process.stderr.write(`bench: ${measure.name}…\n`);
    rows.push(...(await measure.run({ short })));
  }
  process.stdout.write(
    `\nbenchmarks (${short ? 'short mode: proves they run, numbers not meaningful' : 'full'}; one run, ratios against a baseline from the same run)\n`,
  );
  process.stdout.write(`${liftedLimitsNote()}\n\n`);
  process.stdout.write(`${printTable(rows)}\n\n`);
  if (!only || only.has('spa')) process.stdout.write(`${bundleReport()}\n`);
}
process.stdout.write(
  `\nrun started ${startedAt.toISOString()}, ended ${new Date().toISOString()}; load average (1, 5, 15 min) at start ${loadAtStart}, at end ${load()}\n`,
);
