import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, SECRET_VARIABLES } from '../../src/config';
import { repoRoot, runScript } from './support/scripts';

const docPath = join(repoRoot, 'docs/configuration.md');

function rowOf(doc: string, name: string): string[] {
  const line = doc.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
  if (!line) throw new Error(`${name} has no row in docs/configuration.md`);
  return line.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

describe('docs/configuration.md', () => {
  it('matches what pnpm env:doc writes from the config schema now', () => {
    const run = runScript('scripts/env-doc.ts', ['--check']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('the check fails once the document says something the schema does not', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'puffy-envdoc-')), 'configuration.md');
    writeFileSync(copy, readFileSync(docPath, 'utf8').replace('| HTTP port |', '| The HTTP port |'));
    const run = runScript('scripts/env-doc.ts', ['--check', '--file', copy]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('run pnpm env:doc');
  });

  it('has one row per variable, with its description, default, secrecy and production need', () => {
    const doc = readFileSync(docPath, 'utf8');
    const secrets = new Set<string>(SECRET_VARIABLES);
    for (const [name, schema] of Object.entries(configSchema.shape)) {
      const [, , , defaultCell, secret, required, description] = rowOf(doc, name);
      expect(description, name).toBe(schema.description?.replaceAll('|', '\\|'));
      expect(secret === 'yes', name).toBe(secrets.has(name));
      if (defaultCell) expect(schema.safeParse(undefined).success, name).toBe(true);
      if (required === 'yes') expect(defaultCell, name).toBe('');
    }
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SIGNING_KEYS', 'APP_SECRET', 'METRICS_TOKEN']) {
      expect(rowOf(doc, name)[5], name).toBe('yes');
    }
    expect(rowOf(doc, 'PORT')[3]).toBe('`3000`');
    expect(rowOf(doc, 'SMTP_URL')[5]).toBe('');
  });

  it('lists every BACKUP_S3_* variable the backup scripts read, in its Backups section', () => {
    const doc = readFileSync(docPath, 'utf8');
    const backups = doc.slice(doc.indexOf('\n## Backups\n'));
    const read = new Set(
      ['backup-s3.ts', 'backup.ts', 'restore.ts'].flatMap((file) =>
        [
          ...readFileSync(join(repoRoot, 'scripts', file), 'utf8').matchAll(/\bBACKUP_S3_[A-Z_]*[A-Z]\b/g),
        ].map(([name]) => name),
      ),
    );
    expect(read.size).toBeGreaterThan(5);
    for (const name of read) expect(rowOf(backups, name)[1], name).toBe(`\`${name}\``);
    expect(rowOf(backups, 'BACKUP_S3_KEEP')[3]).toBe('`35`');
    expect(rowOf(backups, 'BACKUP_S3_SECRET_ACCESS_KEY')[4]).toBe('yes');
  });

  it('the check fails once a backup variable says something the scripts do not', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'puffy-envdoc-')), 'configuration.md');
    writeFileSync(copy, readFileSync(docPath, 'utf8').replace('| integer | `35` |', '| integer | `30` |'));
    const run = runScript('scripts/env-doc.ts', ['--check', '--file', copy]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('run pnpm env:doc');
  });
});
