import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../../src/router';
import { listProcedures } from '../../src/trpc/introspect';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const docPath = join(repoRoot, 'docs/procedures.md');

/** Runs the generator the way `pnpm docs:procedures` does, from the repository root. */
function generator(args: string[]) {
  const run = spawnSync(join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/docs-procedures.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, stderr: run.stderr };
}

function rowOf(doc: string, path: string): string[] {
  const line = doc.split('\n').find((l) => l.startsWith(`| \`${path}\` |`));
  if (!line) throw new Error(`${path} has no row in docs/procedures.md`);
  return line.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

// Each generator run starts tsx and loads the whole router: seconds on a quiet machine, up to a minute
// beside a full parallel test run.
describe('docs/procedures.md', { timeout: 150_000 }, () => {
  it('matches what pnpm docs:procedures writes from the router now', () => {
    const run = generator(['--check']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('the check fails once the index says something the router does not', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'puffy-procdoc-')), 'procedures.md');
    const doc = readFileSync(docPath, 'utf8');
    writeFileSync(copy, doc.replace('| `system.version` | query |', '| `system.version` | mutation |'));
    const run = generator(['--check', '--file', copy]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('run pnpm docs:procedures');
  });

  it('has one row per procedure, with its type, a scope for every admin one, and the file that exists', () => {
    const doc = readFileSync(docPath, 'utf8');
    for (const { path, type, meta } of listProcedures(appRouter)) {
      const [, , rowType, access, , , file] = rowOf(doc, path);
      expect(rowType, path).toBe(type);
      if (meta?.kind === 'admin') expect(access, path).toMatch(/^admin: (campaigns|orders|users|settings)$/);
      const target = /\]\(\.\.\/(.+)\)$/.exec(file ?? '')?.[1] ?? '';
      expect(() => readFileSync(join(repoRoot, target)), path).not.toThrow();
    }
  });
});
