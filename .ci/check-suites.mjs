// Fails CI when a suite that needs Postgres, Redis, the browser, Alertmanager or nginx did not run, or when
// any test was skipped: a green run must mean every suite ran.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? '.reports/vitest.json', 'utf8'));
const results = report.testResults.flatMap((file) =>
  file.assertionResults.map((test) => ({ file: file.name, name: test.fullName, status: test.status })),
);
const passed = results.filter((r) => r.status === 'passed');
const failed = results.filter((r) => r.status === 'failed');
const notRun = results.filter((r) => r.status !== 'passed' && r.status !== 'failed');

const required = {
  Postgres: (r) => r.name.includes('[pg]'),
  Redis: (r) => r.name.includes('[redis]'),
  browser: (r) => r.file.includes('/e2e/'),
  Alertmanager: (r) => r.name.includes('[alertmanager]'),
  nginx: (r) => r.name.includes('[nginx]'),
};
const problems = [];
for (const [suite, matches] of Object.entries(required)) {
  const count = passed.filter(matches).length;
  if (count === 0) problems.push(`no ${suite} test ran`);
  else console.log(`${suite} suites: ${count} tests passed`);
}
for (const r of notRun) problems.push(`not run (${r.status}): ${r.name} — ${r.file}`);
if (failed.length > 0) problems.push(`${failed.length} tests failed`);

console.log(`${passed.length} passed, ${failed.length} failed`);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
