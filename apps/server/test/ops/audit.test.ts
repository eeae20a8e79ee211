import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/scripts';

const dir = mkdtempSync(join(tmpdir(), 'puffy-audit-'));

function judge(advisories: Array<{ id: string; severity: string }>, accepted: object[]) {
  const report = join(dir, `report-${Math.random()}.json`);
  const allowlist = join(dir, `allow-${Math.random()}.json`);
  writeFileSync(
    report,
    JSON.stringify({
      advisories: Object.fromEntries(
        advisories.map((a, i) => [
          String(i),
          {
            id: i,
            github_advisory_id: a.id,
            severity: a.severity,
            module_name: 'left-pad',
            title: 't',
            url: 'u',
          },
        ]),
      ),
      metadata: { vulnerabilities: {} },
    }),
  );
  writeFileSync(allowlist, JSON.stringify({ accepted }));
  const run = spawnSync(process.execPath, ['.ci/audit.mjs', '--report', report, '--allowlist', allowlist], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr };
}

const entry = (id: string, expires: string) => ({
  id,
  package: 'left-pad',
  reason: 'only reached from a build tool',
  reviewedBy: 'ops',
  expires,
});

describe('.ci/audit.mjs (pnpm audit --prod with an allow-list)', () => {
  it('fails on a high or critical advisory nobody accepted, and ignores moderate ones', () => {
    expect(judge([{ id: 'GHSA-aaaa', severity: 'moderate' }], []).status).toBe(0);
    const high = judge([{ id: 'GHSA-bbbb', severity: 'high' }], []);
    expect(high.status).toBe(1);
    expect(high.stderr).toContain('GHSA-bbbb');
    expect(judge([{ id: 'GHSA-cccc', severity: 'critical' }], []).status).toBe(1);
  });

  it('passes an accepted advisory until its acceptance expires', () => {
    expect(judge([{ id: 'GHSA-dddd', severity: 'high' }], [entry('GHSA-dddd', '2999-01-01')]).status).toBe(0);
    const expired = judge([{ id: 'GHSA-dddd', severity: 'high' }], [entry('GHSA-dddd', '2000-01-01')]);
    expect(expired.status).toBe(1);
    expect(expired.stderr).toContain('expired');
  });

  it('refuses an allow-list entry without a reason or reviewer', () => {
    const incomplete = judge([], [{ id: 'GHSA-eeee', package: 'x', expires: '2999-01-01' }]);
    expect(incomplete.status).toBe(1);
    expect(incomplete.stderr).toContain('lacks reason, reviewedBy');
  });

  it('the committed allow-list is valid', () => {
    writeFileSync(join(dir, 'none.json'), '{"advisories":{}}');
    const run = spawnSync(
      process.execPath,
      ['.ci/audit.mjs', '--report', join(dir, 'none.json'), '--allowlist', '.ci/audit-allowlist.json'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
