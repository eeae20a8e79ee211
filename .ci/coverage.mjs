// Prints line, statement, function and branch coverage per package from vitest's json-summary
// (`vitest run --coverage` writes it). The thresholds themselves live in vitest.config.ts, where
// vitest enforces them; this makes every package's numbers visible in the CI log.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const summary = JSON.parse(
  readFileSync(process.argv[2] ?? '.reports/coverage/coverage-summary.json', 'utf8'),
);
const packages = new Map();
for (const [file, metrics] of Object.entries(summary)) {
  if (file === 'total') continue;
  const [scope, name] = relative(process.cwd(), file).split('/');
  const key = `${scope}/${name}`;
  const sum = packages.get(key) ?? { lines: [0, 0], statements: [0, 0], functions: [0, 0], branches: [0, 0] };
  for (const kind of Object.keys(sum)) {
    sum[kind][0] += metrics[kind].covered;
    sum[kind][1] += metrics[kind].total;
  }
  packages.set(key, sum);
}
const pct = ([covered, total]) => (total === 0 ? '100.0' : ((100 * covered) / total).toFixed(1)).padStart(6);
console.log('package                  lines  stmts  funcs  branches');
for (const [name, sum] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(
    `${name.padEnd(22)} ${pct(sum.lines)} ${pct(sum.statements)} ${pct(sum.functions)} ${pct(sum.branches)}`,
  );
}
