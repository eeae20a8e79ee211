// What backup.ts and restore.ts share: which database the configuration names, how to hand its
// credentials to pg_dump / pg_restore without putting them on a command line, and file checksums.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDatabaseConfig } from '../apps/server/src/config';

export type BackupTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

/** `puffy-<dialect>-<UTC time>.<sqlite|dump>`: names sort by time, on disk and in a bucket alike. */
export const BACKUP_NAME = /^puffy-(sqlite|postgres)-(\d{8}T\d{6})(\d{3})Z\.(sqlite|dump)$/;

export function backupName(dialect: BackupTarget['dialect'], now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  return `puffy-${dialect}-${stamp}.${dialect === 'sqlite' ? 'sqlite' : 'dump'}`;
}

/** When a backup was taken, read from its name (the clock of the host that took it). */
export function backupTime(name: string): Date | undefined {
  const match = BACKUP_NAME.exec(name);
  if (!match?.[2]) return undefined;
  const t = match[2];
  const iso = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}.${match[3]}Z`;
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

/** The database the server would open with this environment (same rules as @puffy/db's createDb). */
export function targetFromEnvironment(env: Record<string, string | undefined>): BackupTarget {
  const database = loadDatabaseConfig(env);
  const url = database.url?.trim();
  if (!url) return { dialect: 'sqlite', path: resolve(join(database.dataDir, 'puffy.sqlite')) };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', url };
  const rest = url.slice('file:'.length).split('?')[0] ?? '';
  if (rest === ':memory:') throw new Error('an in-memory SQLite database cannot be backed up');
  return {
    dialect: 'sqlite',
    path: rest.startsWith('//') ? decodeURIComponent(new URL(url).pathname) : resolve(rest),
  };
}

/** libpq's own variables: the password stays out of `ps` output and shell history. */
export function libpqEnvironment(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {
    PGHOST: decodeURIComponent(u.hostname || 'localhost'),
    PGPORT: u.port || '5432',
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '') || 'postgres'),
  };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** Runs a client tool (pg_dump, pg_restore), failing with its own error output. */
export function runTool(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

export function sha256File(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => done(hash.digest('hex')));
  });
}

/** Flags as `--name value`; positional arguments in order. */
export function parseArgs(argv: string[]): { flags: Map<string, string>; positional: string[] } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  const args = argv.filter((a) => a !== '--');
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        flags.set(arg.slice(2), next);
        i += 1;
      } else flags.set(arg.slice(2), 'true');
    } else positional.push(arg);
  }
  return { flags, positional };
}
