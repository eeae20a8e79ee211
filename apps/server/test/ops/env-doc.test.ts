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
});
