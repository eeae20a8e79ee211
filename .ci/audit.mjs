// `pnpm audit --prod`, failing on high and critical advisories unless .ci/audit-allowlist.json
// accepts them (each acceptance names a reviewer and expires). `--report <file>` judges a saved
// `pnpm audit --prod --json` output instead of asking the registry (tests use it).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const at = args.indexOf('--report');
const allowlistAt = args.indexOf('--allowlist');
const allowlistFile =
  allowlistAt >= 0 ? args[allowlistAt + 1] : new URL('audit-allowlist.json', import.meta.url);
const today = new Date().toISOString().slice(0, 10);

const problems = [];
const allowlist = JSON.parse(readFileSync(allowlistFile, 'utf8'));
const accepted = new Map();
for (const entry of allowlist.accepted ?? []) {
  const missing = ['id', 'package', 'reason', 'reviewedBy', 'expires'].filter((k) => !entry[k]);
  if (missing.length > 0) problems.push(`allow-list entry ${entry.id ?? '?'} lacks ${missing.join(', ')}`);
  else if (entry.expires < today)
    problems.push(`allow-list entry ${entry.id} expired on ${entry.expires}: review it again`);
  else accepted.set(entry.id, entry);
}

let raw;
if (at >= 0) raw = readFileSync(args[at + 1], 'utf8');
else {
  const run = spawnSync('pnpm', ['audit', '--prod', '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  raw = run.stdout;
}
const report = JSON.parse(raw || '{}');
let performed = false;

if (report.error) {
  // The registry here may not serve the audit API (no internet on this machine): say so loudly,
  // rather than claim a clean audit. Everything else above (the allow-list's validity) still ran.
  if (
    /AUDIT_BAD_RESPONSE|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT|fetch failed/.test(
      JSON.stringify(report.error),
    )
  ) {
    console.warn(
      `AUDIT NOT PERFORMED: the registry did not answer the audit request (${report.error.message})`,
    );
    if (process.env.AUDIT_REQUIRED === 'true')
      problems.push('the audit could not run and AUDIT_REQUIRED=true');
  } else problems.push(`pnpm audit failed: ${report.error.message ?? JSON.stringify(report.error)}`);
} else {
  performed = true;
  for (const advisory of Object.values(report.advisories ?? {})) {
    if (advisory.severity !== 'high' && advisory.severity !== 'critical') continue;
    const id = advisory.github_advisory_id ?? String(advisory.id);
    if (accepted.has(id)) {
      console.log(
        `accepted ${advisory.severity} ${id} in ${advisory.module_name}: ${accepted.get(id).reason}`,
      );
      continue;
    }
    problems.push(
      `${advisory.severity} ${id} in ${advisory.module_name}: ${advisory.title} (${advisory.url})`,
    );
  }
  const counts = report.metadata?.vulnerabilities ?? {};
  console.log(`audit: ${JSON.stringify(counts)}`);
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
if (performed) console.log('audit: no high or critical advisory outside the allow-list');
