import { defineConfig } from 'vitest/config';
import projects from './vitest.workspace';

export default defineConfig({
  test: {
    projects,
    // The JSON report lets .ci/run prove that the Postgres, Redis and browser suites really ran.
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
});
