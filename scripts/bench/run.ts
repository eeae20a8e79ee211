// `pnpm bench`: every measurement beside a baseline taken in the same run, printed as one table of
// ratios (this machine is shared and noisy; absolute numbers mean little). `--short` only proves the
// benches work (CI). `--only name,name` runs some of the measures listed in measures.ts.
import { measures } from './measures';
import { bundleReport } from './spa';
import { printTable, type Row } from './table';

const short = process.argv.includes('--short');
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? new Set(onlyArg.split(',')) : null;

const rows: Row[] = [];
for (const measure of measures) {
  if (only && !only.has(measure.name)) continue;
  process.stderr.write(`bench: ${measure.name}…\n`);
  rows.push(...(await measure.run({ short })));
}
process.stdout.write(
  `\nbenchmarks (${short ? 'short mode: proves they run, numbers not meaningful' : 'full'}; one run, ratios against a baseline from the same run)\n\n`,
);
process.stdout.write(`${printTable(rows)}\n\n`);
if (!only || only.has('spa')) process.stdout.write(`${bundleReport()}\n`);
