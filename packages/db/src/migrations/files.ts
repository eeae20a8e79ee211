import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Dialect } from '../types';

/** One migration of the journal: its up statements, and its down statements when a down file exists. */
export interface MigrationFile {
  name: string;
  hash: string;
  up: string[];
  down: string[] | null;
  /** SQLite table rebuilds switch foreign keys off, which only works outside a transaction. */
  disablesForeignKeys: boolean;
}

const ZJournal = z.object({
  entries: z.array(z.object({ idx: z.number().int(), tag: z.string().min(1) })),
});

const BREAKPOINT = '--> statement-breakpoint';

export const dialectFolder: Record<Dialect, string> = { sqlite: 'sqlite', postgres: 'pg' };

/**
 * The `drizzle/` folder: the given one, else the first found walking up from this module (source under
 * packages/db/src, or a bundle under apps/server/dist) and then from the working directory.
 */
export function findMigrationsDir(dialect: Dialect, configured?: string): string {
  const journal = (dir: string) => join(dir, dialectFolder[dialect], 'meta', '_journal.json');
  if (configured !== undefined) {
    const dir = resolve(configured);
    if (!existsSync(journal(dir))) throw new Error(`no migration journal at ${journal(dir)}`);
    return dir;
  }
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    let dir = start;
    for (let depth = 0; depth < 8; depth += 1) {
      const candidate = join(dir, 'drizzle');
      if (existsSync(journal(candidate))) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('cannot find the drizzle/ migrations folder; pass migrationsDir');
}

/** Line endings are normalized first, so a checkout with CRLF does not look like an edited file. */
export function migrationHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

function statements(text: string): string[] {
  return text
    .split(BREAKPOINT)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function loadMigrations(dialect: Dialect, migrationsDir: string): MigrationFile[] {
  const folder = join(migrationsDir, dialectFolder[dialect]);
  const journal = ZJournal.parse(JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')));
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const up = readFileSync(join(folder, `${tag}.sql`), 'utf8');
      const downPath = join(folder, `${tag}.down.sql`);
      return {
        name: tag,
        hash: migrationHash(up),
        up: statements(up),
        down: existsSync(downPath) ? statements(readFileSync(downPath, 'utf8')) : null,
        disablesForeignKeys: dialect === 'sqlite' && /pragma\s+foreign_keys\s*=\s*off/i.test(up),
      };
    });
}
