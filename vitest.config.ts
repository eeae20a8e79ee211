import { defineConfig } from 'vitest/config';
import projects from './vitest.workspace';

export default defineConfig({
  test: {
    projects,
    // The JSON report lets .ci/run prove that the Postgres, Redis and browser suites really ran.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
    // On with `--coverage` (CI). One run covers every package: the server's integration tests are
    // what exercise most of packages/api, so per-project runs would undercount it.
    coverage: {
      provider: 'v8',
      reportsDirectory: '.reports/coverage',
      // A red run still shows its coverage, so a failing test does not hide a coverage drop.
      reportOnFailure: true,
      include: ['packages/*/src/**/*.{ts,tsx}', 'apps/*/src/**/*.{ts,tsx}'],
      exclude: ['**/*.d.ts', '**/.tsbuild/**'],
      // .ci/coverage.mjs prints the json-summary per package; lcov.info is for editors and review tools.
      reporter: ['json-summary', 'lcovonly', 'text-summary'],
      thresholds: {
        'packages/api/src/**': { lines: 90 },
        'packages/chains/src/**': { lines: 90 },
      },
    },
  },
});
