import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { configSchema } from './config-env';

/**
 * Development keys: the JWT signing key and APP_SECRET are generated at random on the first start and
 * kept in DATA_DIR (mode 0600), so `pnpm start` needs no configuration and sign-ins survive a restart,
 * while no key ever lives in the source (docs/runbooks/secret-rotation.md). Every other environment
 * must configure its keys; config.ts refuses to start without them.
 */

export const DEVELOPMENT_SECRETS_FILE = 'development-secrets.json';

const ZStoredSecrets = z.object({
  jwtSigningKeys: z.string().regex(/^[\w.-]+:\S{32,}$/),
  appSecret: z.string().min(32),
});
type StoredSecrets = z.infer<typeof ZStoredSecrets>;

const OWNER_ONLY = 0o600;

function generate(): StoredSecrets {
  return {
    jwtSigningKeys: `dev-${randomBytes(4).toString('hex')}:${randomBytes(32).toString('base64url')}`,
    appSecret: randomBytes(32).toString('base64url'),
  };
}

function read(path: string): StoredSecrets {
  // A copy restored from a backup may have come back world-readable: tighten it before use.
  if ((statSync(path).mode & 0o777) !== OWNER_ONLY) chmodSync(path, OWNER_ONLY);
  const parsed = ZStoredSecrets.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${path} is not a development key file; delete it to have new keys generated`);
  }
  return parsed.data;
}

/** The stored development keys of this data folder, created on first use. */
function developmentSecrets(dataDir: string): { secrets: StoredSecrets; path: string; created: boolean } {
  const path = join(resolve(dataDir), DEVELOPMENT_SECRETS_FILE);
  mkdirSync(resolve(dataDir), { recursive: true });
  const fresh = generate();
  try {
    // `wx`: a worker starting beside the server must not overwrite the keys the server just wrote.
    writeFileSync(path, `${JSON.stringify(fresh, null, 2)}\n`, { mode: OWNER_ONLY, flag: 'wx' });
    return { secrets: fresh, path, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return { secrets: read(path), path, created: false };
}

/**
 * The environment with the development keys filled in where JWT_SIGNING_KEYS or APP_SECRET is
 * missing, when NODE_ENV is development (its default); any other environment is returned as is.
 */
export function withDevelopmentSecrets(env: Record<string, string | undefined>): {
  env: Record<string, string | undefined>;
  generatedAt: string | null;
  readFrom: string | null;
} {
  const environment = configSchema.shape.NODE_ENV.safeParse(env.NODE_ENV).data;
  if (environment !== 'development' || (env.JWT_SIGNING_KEYS && env.APP_SECRET)) {
    return { env, generatedAt: null, readFrom: null };
  }
  const { secrets, path, created } = developmentSecrets(configSchema.shape.DATA_DIR.parse(env.DATA_DIR));
  return {
    env: {
      ...env,
      JWT_SIGNING_KEYS: env.JWT_SIGNING_KEYS || secrets.jwtSigningKeys,
      APP_SECRET: env.APP_SECRET || secrets.appSecret,
    },
    generatedAt: created ? path : null,
    readFrom: created ? null : path,
  };
}
