// The off-host copy of backups: S3-compatible object storage (AWS S3, MinIO, Ceph, R2, …) through
// @aws-sdk/client-s3. backup.ts pushes each new backup and its `.sha256` here and applies the
// bucket's retention; restore.ts pulls the newest (or a named) one back. The variables are the
// scripts' own (the server does not read them), declared in backupS3Variables below and listed in
// docs/configuration.md; the runbook is docs/runbooks/backup-and-restore.md.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { z } from 'zod';
import { BACKUP_NAME, type BackupTarget, backupTime } from './backup-target';

const DAY_MS = 86_400_000;
/** One PUT carries at most 5 GiB; larger dumps need multipart uploads, which this does not do yet. */
const SINGLE_PUT_LIMIT = 5 * 1024 ** 3;

const flag = z
  .enum(['true', 'false', '1', '0'], { error: 'BACKUP_S3_FORCE_PATH_STYLE must be true or false' })
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const wholeNumber = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a whole number ≥ 1` })
    .int(`${name} must be a whole number ≥ 1`)
    .positive(`${name} must be a whole number ≥ 1`);

/**
 * Every variable the backup scripts read, with what it means: the one declaration the scripts parse
 * and `pnpm env:doc` writes into docs/configuration.md (its Backups section), so the two cannot drift.
 */
export const backupS3Variables = z.object({
  BACKUP_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'BACKUP_S3_BUCKET is not a valid bucket name')
    .optional()
    .describe('Bucket name; setting it turns the off-host copy on (unset: backups stay on the host)'),
  BACKUP_S3_PREFIX: z
    .string()
    .default('')
    .transform((p) => p.replace(/^\/+/, ''))
    .transform((p) => (p && !p.endsWith('/') ? `${p}/` : p))
    .describe('Folder inside the bucket, e.g. puffy/production/ (a / is added at the end)'),
  BACKUP_S3_ENDPOINT: z
    .url('BACKUP_S3_ENDPOINT must be a URL such as https://s3.example.com')
    .optional()
    .describe(
      "The service's URL for anything but AWS, e.g. https://s3.eu-central-1.wasabisys.com or http://minio:9000",
    ),
  BACKUP_S3_REGION: z.string().default('us-east-1').describe("The bucket's region (auto for R2)"),
  BACKUP_S3_ACCESS_KEY_ID: z
    .string()
    .optional()
    .describe("Access key; set together with the secret, or leave both unset to use the AWS SDK's own chain"),
  BACKUP_S3_SECRET_ACCESS_KEY: z.string().optional().describe("The access key's secret"),
  BACKUP_S3_FORCE_PATH_STYLE: flag.describe(
    'true for servers that want https://host/bucket/key (MinIO, Ceph and most self-hosted ones)',
  ),
  BACKUP_S3_KEEP: wholeNumber('BACKUP_S3_KEEP')
    .default(35)
    .describe("The newest this many backups of the database's dialect stay in the bucket"),
  BACKUP_S3_KEEP_DAYS: wholeNumber('BACKUP_S3_KEEP_DAYS')
    .optional()
    .describe(
      'Also keep every backup younger than this many days; older ones beyond BACKUP_S3_KEEP are deleted',
    ),
});

/** The backup variables that are secrets: never printed, kept in the secret store. */
export const BACKUP_SECRET_VARIABLES = ['BACKUP_S3_SECRET_ACCESS_KEY'] as const;

const settingsSchema = backupS3Variables
  .extend({ BACKUP_S3_BUCKET: backupS3Variables.shape.BACKUP_S3_BUCKET.unwrap() })
  .refine((s) => Boolean(s.BACKUP_S3_ACCESS_KEY_ID) === Boolean(s.BACKUP_S3_SECRET_ACCESS_KEY), {
    error: 'set both BACKUP_S3_ACCESS_KEY_ID and BACKUP_S3_SECRET_ACCESS_KEY, or neither',
  });

export type S3Settings = z.output<typeof settingsSchema>;

/**
 * The bucket settings, or undefined when `BACKUP_S3_BUCKET` is unset (backups stay on the host).
 * Empty variables count as unset, as compose passes them.
 */
export function s3SettingsFromEnvironment(env: Record<string, string | undefined>): S3Settings | undefined {
  const ours = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key.startsWith('BACKUP_S3_') && value?.trim()),
  );
  if (!ours.BACKUP_S3_BUCKET) return undefined;
  const parsed = settingsSchema.safeParse(ours);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
  return parsed.data;
}

export interface RemoteBackup {
  name: string;
  key: string;
  /** The `.sha256` is uploaded last, so a backup without one was never completely uploaded. */
  complete: boolean;
}

export class BackupBucket {
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    const keyId = settings.BACKUP_S3_ACCESS_KEY_ID;
    const secret = settings.BACKUP_S3_SECRET_ACCESS_KEY;
    this.client = new S3Client({
      region: settings.BACKUP_S3_REGION,
      endpoint: settings.BACKUP_S3_ENDPOINT,
      forcePathStyle: settings.BACKUP_S3_FORCE_PATH_STYLE,
      // Without keys here the SDK's own chain applies: AWS_* variables, a mounted shared
      // credentials file (AWS_SHARED_CREDENTIALS_FILE), or the host's instance role.
      credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : undefined,
      // Checksums only where S3 demands them: many S3-compatible servers refuse the SDK's streamed
      // checksum trailers, and the `.sha256` beside each backup is checked end to end on restore.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** `s3://bucket/prefix/name`, for log lines and the operator. */
  url(name: string): string {
    return `s3://${this.settings.BACKUP_S3_BUCKET}/${this.key(name)}`;
  }

  private key(name: string): string {
    return `${this.settings.BACKUP_S3_PREFIX}${name}`;
  }

  /** Uploads the backup, then its checksum: the checksum's presence marks a complete upload. */
  async upload(file: string, checksumFile: string, name: string): Promise<void> {
    const size = statSync(file).size;
    if (size > SINGLE_PUT_LIMIT) {
      throw new Error(
        `${name} is larger than 5 GiB, more than one upload carries; copy it off the host by hand`,
      );
    }
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.BACKUP_S3_BUCKET,
        Key: this.key(name),
        Body: createReadStream(file),
        ContentLength: size,
        ContentType: 'application/octet-stream',
      }),
    );
    const checksum = createReadStream(checksumFile);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.BACKUP_S3_BUCKET,
        Key: this.key(`${name}.sha256`),
        Body: checksum,
        ContentLength: statSync(checksumFile).size,
        ContentType: 'text/plain',
      }),
    );
  }

  /** Backups of one dialect under the prefix, oldest first (names sort by time). */
  async list(dialect: BackupTarget['dialect']): Promise<RemoteBackup[]> {
    const keys = new Set<string>();
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.settings.BACKUP_S3_BUCKET,
          Prefix: `${this.settings.BACKUP_S3_PREFIX}puffy-${dialect}-`,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.add(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    const prefixLength = this.settings.BACKUP_S3_PREFIX.length;
    return [...keys]
      .map((key) => key.slice(prefixLength))
      .filter((name) => BACKUP_NAME.test(name))
      .sort()
      .map((name) => ({ name, key: this.key(name), complete: keys.has(this.key(`${name}.sha256`)) }));
  }

  /**
   * Retention on the bucket: keeps the newest `BACKUP_S3_KEEP` backups of the dialect and, when
   * `BACKUP_S3_KEEP_DAYS` is set, also every one younger than that; deletes the rest with their
   * checksums. Incomplete uploads older than a day are deleted too.
   */
  async prune(dialect: BackupTarget['dialect'], now: Date): Promise<string[]> {
    const backups = await this.list(dialect);
    const complete = backups.filter((b) => b.complete).reverse();
    const keepDays = this.settings.BACKUP_S3_KEEP_DAYS;
    const young = (name: string, days: number) =>
      now.getTime() - (backupTime(name)?.getTime() ?? 0) < days * DAY_MS;
    const removed = [
      ...complete
        .slice(this.settings.BACKUP_S3_KEEP)
        .filter((b) => keepDays === undefined || !young(b.name, keepDays)),
      ...backups.filter((b) => !b.complete && !young(b.name, 1)),
    ].map((b) => b.name);
    for (const name of removed) {
      // The checksum goes first: a half-deleted backup then looks incomplete, never valid.
      await this.delete(`${name}.sha256`);
      await this.delete(name);
    }
    return removed.sort();
  }

  /** Downloads a backup and its checksum into `dir`; returns the backup's local path. */
  async download(name: string, dir: string): Promise<string> {
    for (const each of [name, `${name}.sha256`]) {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.settings.BACKUP_S3_BUCKET, Key: this.key(each) }),
      );
      if (!(object.Body instanceof Readable)) throw new Error(`${this.url(each)} came back empty`);
      await pipeline(object.Body, createWriteStream(join(dir, each)));
    }
    return join(dir, name);
  }

  private async delete(name: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.settings.BACKUP_S3_BUCKET, Key: this.key(name) }),
    );
  }

  close(): void {
    this.client.destroy();
  }
}
