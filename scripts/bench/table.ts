/** One row of the benchmark table; `pass` is null where a measure has no target. */
export interface Row {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  pass: boolean | null;
}

export interface MeasureOptions {
  /** CI mode: proves the measure runs; the numbers are not meaningful. */
  short: boolean;
}

/**
 * A benchmark: one file per measure under scripts/bench, listed in measures.ts. It measures its
 * baseline in the same run (this machine is shared; only ratios hold) and returns its rows.
 */
export interface Measure {
  name: string;
  run(options: MeasureOptions): Promise<Row[]>;
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
export const ratioOf = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;

export function printTable(rows: Row[]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const pass = (p: boolean | null) => (p === null ? '—' : p ? 'yes' : 'NO');
  return [
    '| measure | value | baseline (same run) | ratio | target | pass |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${cell(r.measure)} | ${cell(r.value)} | ${cell(r.baseline)} | ${r.ratio} | ${cell(r.target)} | ${pass(r.pass)} |`,
    ),
  ].join('\n');
}
