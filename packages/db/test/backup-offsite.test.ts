import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import account from 's3rver/lib/models/account.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src';
import { type TestDatabase, testDatabases } from '../src/testing';
import { fingerprint, populate, run, tableNames } from './support/backup-drill';

/**
 * Backups that leave the host: scripts/backup.ts pushes to a real S3-compatible server (s3rver, in
 * this process) with retention applied on the bucket, and scripts/restore.ts --from-s3 pulls back.
 */

const BUCKET = 'puffy-backups';
// Each case runs the scripts several times, a few seconds each (tsx compiles them on every start).
const SCRIPTS = { timeout: 120_000 };

let server: S3rver;
let storage: string;
let s3: S3Client;
let endpoint: string;
// s3rver knows one account; a fresh key pair on it proves the scripts send the configured keys.
const accessKeyId = `test-${randomBytes(8).toString('hex')}`;
const secretAccessKey = randomBytes(24).toString('base64url');

beforeAll(async () => {
  storage = mkdtempSync(join(tmpdir(), 'puffy-s3-'));
  account.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: storage,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  s3 = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
  });
});

afterAll(async () => {
  s3?.destroy();
  await server?.close();
  rmSync(storage, { recursive: true, force: true });
});

function bucketEnv(prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    BACKUP_S3_BUCKET: BUCKET,
    BACKUP_S3_PREFIX: prefix,
    BACKUP_S3_ENDPOINT: endpoint,
    BACKUP_S3_REGION: 'us-east-1',
    BACKUP_S3_FORCE_PATH_STYLE: 'true',
    BACKUP_S3_ACCESS_KEY_ID: accessKeyId,
    BACKUP_S3_SECRET_ACCESS_KEY: secretAccessKey,
    // The SDK's notice that its 2027 releases need Node 22 is not what these tests look at.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
}

async function keys(prefix: string): Promise<string[]> {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (page.Contents ?? []).map((o) => o.Key ?? '').sort();
}

async function put(key: string, body: string | Uint8Array): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
}

async function get(key: string): Promise<Uint8Array> {
  const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  if (!object.Body) throw new Error(`${key} has no body`);
  return object.Body.transformToByteArray();
}

/** The name a backup taken at `time` gets (the same format scripts/backup.ts writes). */
function nameAt(dialect: string, time: Date): string {
  const stamp = time.toISOString().replace(/[-:.]/g, '');
  return `puffy-${dialect}-${stamp}.${dialect === 'sqlite' ? 'sqlite' : 'dump'}`;
}

function uploaded(stdout: string): { uploaded: string; removedRemote: string[]; file: string } {
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

describe.each(testDatabases())('off-host backups on $label', ({ name: dialect, create }) => {
  let source: TestDatabase;
  let localDir: string;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    source = await create();
    await populate(source.db);
    localDir = mkdtempSync(join(tmpdir(), 'puffy-backup-'));
  });

  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await source.drop();
    rmSync(localDir, { recursive: true, force: true });
  });

  async function emptyTarget(): Promise<TestDatabase> {
    const target = await create({ migrate: false });
    cleanups.push(() => target.drop());
    // SQLite restores replace the file under an open handle; look through a new connection.
    await target.db.close();
    return target;
  }

  async function restoredFingerprint(url: string) {
    const restored = createDb({ url });
    try {
      return await fingerprint(restored);
    } finally {
      await restored.close();
    }
  }

  it(
    'uploads the backup and its checksum, and restores the newest complete one from the bucket',
    SCRIPTS,
    async () => {
      const prefix = `${dialect}/drill/`;
      // An older backup, and a newer one whose upload never finished (no checksum): neither is picked.
      const older = nameAt(dialect, new Date('2001-01-01T00:00:00Z'));
      await put(`${prefix}${older}`, 'an older backup');
      await put(`${prefix}${older}.sha256`, `0000  ${older}\n`);
      const backup = await run('scripts/backup.ts', ['--out', localDir], source.url, bucketEnv(prefix));
      expect(backup.stderr).toBe('');
      expect(backup.status).toBe(0);
      const report = uploaded(backup.stdout);
      const name = report.file.split('/').at(-1) ?? '';
      expect(report.uploaded).toBe(`s3://${BUCKET}/${prefix}${name}`);
      await put(`${prefix}${nameAt(dialect, new Date('2999-01-01T00:00:00Z'))}`, 'half uploaded');

      expect(await keys(prefix)).toEqual(
        expect.arrayContaining([`${prefix}${name}`, `${prefix}${name}.sha256`]),
      );
      expect(Buffer.from(await get(`${prefix}${name}`))).toEqual(readFileSync(report.file));
      expect(Buffer.from(await get(`${prefix}${name}.sha256`)).toString()).toBe(
        readFileSync(`${report.file}.sha256`, 'utf8'),
      );

      const target = await emptyTarget();
      const restore = await run('scripts/restore.ts', ['--from-s3'], target.url, bucketEnv(prefix));
      expect(restore.stderr).toBe('');
      expect(restore.status).toBe(0);
      expect(JSON.parse(restore.stdout).file).toBe(report.uploaded);
      expect(await restoredFingerprint(target.url)).toEqual(await fingerprint(source.db));
    },
  );

  it(
    'restores a backup named on the command line, and says so when the name is not in the bucket',
    SCRIPTS,
    async () => {
      const prefix = `${dialect}/named/`;
      const first = await run('scripts/backup.ts', ['--out', localDir], source.url, bucketEnv(prefix));
      expect(first.status, first.stderr).toBe(0);
      const wanted = uploaded(first.stdout).file.split('/').at(-1) ?? '';
      await source.db.db
        .insert(source.db.t.users)
        .values({ walletAddress: 'AfterTheFirst', walletChain: 'sol' });
      const second = await run('scripts/backup.ts', ['--out', localDir], source.url, bucketEnv(prefix));
      expect(second.status, second.stderr).toBe(0);

      const target = await emptyTarget();
      const restore = await run('scripts/restore.ts', ['--from-s3', wanted], target.url, bucketEnv(prefix));
      expect(restore.status, restore.stderr).toBe(0);
      const restored = await restoredFingerprint(target.url);
      const users = (f: typeof restored) => f.users?.rows ?? f['public.users']?.rows ?? 0;
      expect(users(restored)).toBe(users(await fingerprint(source.db)) - 1);

      const missing = await emptyTarget();
      const absent = nameAt(dialect, new Date('2001-02-03T04:05:06Z'));
      const refused = await run('scripts/restore.ts', ['--from-s3', absent], missing.url, bucketEnv(prefix));
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('is not a complete');
    },
  );

  it('refuses a damaged object from the bucket and leaves the target empty', SCRIPTS, async () => {
    const prefix = `${dialect}/damaged/`;
    const backup = await run('scripts/backup.ts', ['--out', localDir], source.url, bucketEnv(prefix));
    expect(backup.status, backup.stderr).toBe(0);
    const key = uploaded(backup.stdout).uploaded.replace(`s3://${BUCKET}/`, '');
    const bytes = Buffer.from(await get(key));
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle);
    await put(key, bytes);

    const target = await emptyTarget();
    const downloads = mkdtempSync(join(tmpdir(), 'puffy-tmp-'));
    const restore = await run('scripts/restore.ts', ['--from-s3'], target.url, {
      ...bucketEnv(prefix),
      TMPDIR: downloads,
    });
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain('does not match its checksum');
    const untouched = createDb({ url: target.url });
    try {
      expect(await tableNames(untouched)).toEqual([]);
    } finally {
      await untouched.close();
    }
    // The download is deleted again, whatever the outcome (tsx keeps its own cache there too).
    expect(readdirSync(downloads).filter((f) => f.startsWith('puffy-restore-'))).toEqual([]);
    rmSync(downloads, { recursive: true });
  });

  it(
    'keeps the newest BACKUP_S3_KEEP backups, and with BACKUP_S3_KEEP_DAYS every younger one too',
    SCRIPTS,
    async () => {
      const prefix = `${dialect}/retention/`;
      const other = dialect === 'sqlite' ? 'postgres' : 'sqlite';
      const days = (n: number) => nameAt(dialect, new Date(`2001-01-0${n}T03:15:00Z`));
      for (const n of [1, 2, 3, 4, 5]) {
        await put(`${prefix}${days(n)}`, `backup ${n}`);
        await put(`${prefix}${days(n)}.sha256`, `0000  ${days(n)}\n`);
      }
      // An upload that stopped before its checksum, long ago; another dialect's backup; a stranger.
      await put(`${prefix}${days(6)}`, 'half uploaded');
      const foreign = nameAt(other, new Date('2001-01-01T03:15:00Z'));
      await put(`${prefix}${foreign}`, 'the other database');
      await put(`${prefix}${foreign}.sha256`, `0000  ${foreign}\n`);
      await put(`${prefix}notes.txt`, 'not a backup');
      // Taken an hour ago: young by any BACKUP_S3_KEEP_DAYS.
      const recent = nameAt(dialect, new Date(Date.now() - 3_600_000));
      await put(`${prefix}${recent}`, 'recent');
      await put(`${prefix}${recent}.sha256`, `0000  ${recent}\n`);

      const byCount = await run(
        'scripts/backup.ts',
        ['--out', localDir],
        source.url,
        bucketEnv(prefix, { BACKUP_S3_KEEP: '3' }),
      );
      expect(byCount.status, byCount.stderr).toBe(0);
      const newest = uploaded(byCount.stdout).file.split('/').at(-1) ?? '';
      expect(uploaded(byCount.stdout).removedRemote).toEqual([days(1), days(2), days(3), days(4), days(6)]);
      const afterCount = await keys(prefix);
      const withChecksums = (names: string[]) =>
        names.flatMap((n) => [`${prefix}${n}`, `${prefix}${n}.sha256`]);
      expect(afterCount).toEqual(
        [...withChecksums([days(5), recent, newest, foreign]), `${prefix}notes.txt`].sort(),
      );

      const byAge = await run(
        'scripts/backup.ts',
        ['--out', localDir],
        source.url,
        bucketEnv(prefix, { BACKUP_S3_KEEP: '1', BACKUP_S3_KEEP_DAYS: '7' }),
      );
      expect(byAge.status, byAge.stderr).toBe(0);
      const newer = uploaded(byAge.stdout).file.split('/').at(-1) ?? '';
      expect(uploaded(byAge.stdout).removedRemote).toEqual([days(5)]);
      expect(await keys(prefix)).toEqual(
        [...withChecksums([recent, newest, newer, foreign]), `${prefix}notes.txt`].sort(),
      );
    },
  );

  it('refuses unusable bucket settings before taking a backup', SCRIPTS, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'puffy-refused-'));
    try {
      const refused = await run(
        'scripts/backup.ts',
        ['--out', dir],
        source.url,
        bucketEnv(`${dialect}/refused/`, { BACKUP_S3_KEEP: '0', BACKUP_S3_SECRET_ACCESS_KEY: '' }),
      );
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('BACKUP_S3_KEEP must be a whole number ≥ 1');
      expect(refused.stderr).toContain('set both BACKUP_S3_ACCESS_KEY_ID and BACKUP_S3_SECRET_ACCESS_KEY');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
