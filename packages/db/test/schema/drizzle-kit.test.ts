import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');
const scratch = mkdtempSync(join(tmpdir(), 'puffy-drizzle-kit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/**
 * The committed migrations must be what drizzle-kit makes of the schema today: generating again into
 * a copy of the folder must find nothing to do. (drizzle-kit generate needs no database or network.
 * It exits 0 even when it fails, and wants `--out` relative to its working directory.)
 */
describe.each([
  { dialect: 'sqlite', folder: 'sqlite' },
  { dialect: 'postgresql', folder: 'pg' },
])('drizzle-kit migrations for $folder', ({ dialect, folder }) => {
  it('are in sync with the schema', { timeout: 60_000 }, async () => {
    const out = join(scratch, folder);
    cpSync(join(root, 'drizzle', folder), out, { recursive: true });
    const before = files(out);
    const { stdout } = await promisify(execFile)(
      join(root, 'node_modules/.bin/drizzle-kit'),
      [
        'generate',
        '--dialect',
        dialect,
        '--schema',
        `./packages/db/src/schema/${folder}/drizzle-kit.cjs`,
        '--out',
        relative(root, out),
      ],
      { cwd: root },
    );
    expect(stdout).toContain('No schema changes');
    expect(files(out)).toEqual(before);
  });

  it('each migration has a down file', () => {
    const names = readdirSync(join(root, 'drizzle', folder)).filter((f) => f.endsWith('.sql'));
    const ups = names.filter((f) => !f.endsWith('.down.sql'));
    expect(ups.length).toBeGreaterThan(0);
    for (const up of ups) expect(names).toContain(up.replace(/\.sql$/, '.down.sql'));
  });
});
