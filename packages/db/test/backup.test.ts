import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src';
import { type TestDatabase, testDatabases } from '../src/testing';
import { fingerprint, populate, run, tableNames } from './support/backup-drill';

/** The restore drill: populate, back up with scripts/backup.ts, restore with scripts/restore.ts, compare. */

describe.each(testDatabases())('backup and restore on $label', ({ create }) => {
  let source: TestDatabase;
  let dir: string;
  let backupFile: string;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    source = await create();
    await populate(source.db);
    dir = mkdtempSync(join(tmpdir(), 'puffy-backup-'));
    // Backed up while the source stays open, as it is in production while the server runs.
    const backup = await run('scripts/backup.ts', ['--out', dir], source.url);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const [name] = readdirSync(dir).filter((f) => !f.endsWith('.sha256'));
    if (!name) throw new Error('no backup file was written');
    backupFile = join(dir, name);
  });

  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await source.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function freshTarget(): Promise<TestDatabase> {
    const target = await create({ migrate: false });
    cleanups.push(() => target.drop());
    return target;
  }

  it('restores into a fresh database with every table, row count and row equal', async () => {
    const target = await freshTarget();
    // SQLite restores replace the file under the open handle; look through a new connection.
    await target.db.close();
    const restore = await run('scripts/restore.ts', [backupFile], target.url);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);

    const restored = createDb({ url: target.url });
    try {
      const before = await fingerprint(source.db);
      const after = await fingerprint(restored);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      expect(before.users?.rows ?? before['public.users']?.rows).toBeGreaterThanOrEqual(40);
      expect(after).toEqual(before);

      // The checksums see a single changed value: a write after the backup makes them differ.
      await source.db.db
        .insert(source.db.t.users)
        .values({ walletAddress: 'AfterTheBackup', walletChain: 'sol' });
      const changed = await fingerprint(source.db);
      expect(changed).not.toEqual(after);
    } finally {
      await restored.close();
    }
  });

  it('refuses a backup that does not match its checksum, and leaves the target empty', async () => {
    const target = await freshTarget();
    await target.db.close();
    const damaged = join(dir, `damaged-${readdirSync(dir).length}-${backupFile.split('/').pop()}`);
    const bytes = readFileSync(backupFile);
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle);
    writeFileSync(damaged, bytes);
    writeFileSync(`${damaged}.sha256`, readFileSync(`${backupFile}.sha256`));
    const restore = await run('scripts/restore.ts', [damaged], target.url);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain('does not match its checksum');
    const untouched = createDb({ url: target.url });
    try {
      expect(await tableNames(untouched)).toEqual([]);
    } finally {
      await untouched.close();
    }
    rmSync(damaged);
    rmSync(`${damaged}.sha256`);
  });

  it('refuses to restore over a database that has tables unless forced', async () => {
    const target = await create();
    cleanups.push(() => target.drop());
    const refused = await run('scripts/restore.ts', [backupFile], target.url);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/--force/);
  });

  it('keeps only the newest --keep backups of the dialect', async () => {
    const keepDir = mkdtempSync(join(tmpdir(), 'puffy-keep-'));
    try {
      for (let i = 0; i < 2; i += 1) {
        const result = await run('scripts/backup.ts', ['--out', keepDir, '--keep', '1'], source.url);
        expect(result.status, result.stderr).toBe(0);
      }
      const files = readdirSync(keepDir).sort();
      expect(files.filter((f) => f.endsWith('.sha256'))).toHaveLength(1);
      expect(files.filter((f) => !f.endsWith('.sha256'))).toHaveLength(1);
    } finally {
      rmSync(keepDir, { recursive: true, force: true });
    }
  });
});
