import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/index';
import { rejection } from './support/database';

const scratch = mkdtempSync(join(tmpdir(), 'puffy-client-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('createDb', () => {
  it('opens ./puffy.sqlite under dataDir when no URL is given, creating the folder', async () => {
    const dataDir = join(scratch, 'data', 'nested');
    const db = createDb({ dataDir });
    expect(db.dialect).toBe('sqlite');
    await db.ping();
    await db.close();
    expect(existsSync(join(dataDir, 'puffy.sqlite'))).toBe(true);
  });

  it('accepts file:<path> and file:///<absolute path>', async () => {
    for (const url of [`file:${join(scratch, 'a.sqlite')}`, `file://${join(scratch, 'b.sqlite')}`]) {
      const db = createDb({ url });
      await db.ping();
      await db.close();
    }
    expect(existsSync(join(scratch, 'a.sqlite'))).toBe(true);
    expect(existsSync(join(scratch, 'b.sqlite'))).toBe(true);
  });

  it('refuses an unknown URL scheme without repeating the URL (it may hold a password)', () => {
    expect(() => createDb({ url: 'mysql://root:hunter2@db/puffy' })).toThrow(/file:.*postgres/);
    try {
      createDb({ url: 'mysql://root:hunter2@db/puffy' });
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });

  it('ping throws when Postgres does not answer', async () => {
    const db = createDb({
      url: 'postgres://postgres@127.0.0.1:1/nothing',
      pool: { connectTimeoutSeconds: 2 },
    });
    expect(db.dialect).toBe('postgres');
    expect(await rejection(db.ping())).toBeInstanceOf(Error);
    await db.close();
  });
});
