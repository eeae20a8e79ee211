import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppConfig, ConfigError, loadConfig, loadProcessConfig } from '../src/config';
import { DEVELOPMENT_SECRETS_FILE } from '../src/development-secrets';
import { createLogger } from '../src/logger';
import { createDeps } from '../src/runtime';
import { type RunningServer, startServer } from '../src/server';
import { freePort } from '../src/testing';
import { signInSolana } from './support/signin';

/**
 * The keys the source held before keys moved out of it. They are public now, so a server that still
 * accepted them would take anyone's word for being an admin.
 */
const FORMERLY_IN_SOURCE = {
  kid: 'dev',
  secret: 'development-only-signing-key-not-for-production-use',
  appSecret: 'development-only-app-secret-not-for-production-use',
};

const scratch: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'puffy-devkeys-'));
  scratch.push(dir);
  return join(dir, 'data');
}
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

/**
 * The member's own token turned into an admin's with every scope, re-signed (HS256) with the given
 * key: what anyone holding that key can do with a session of their own.
 */
function promotedToAdmin(memberToken: string, key: { kid: string; secret: string }): string {
  const claims = JSON.parse(Buffer.from(memberToken.split('.')[1] ?? '', 'base64url').toString()) as object;
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', kid: key.kid, typ: 'JWT' })}.${part({
    ...claims,
    role: 'admin',
    scopes: ['campaigns', 'orders', 'users', 'settings'],
  })}`;
  return `${unsigned}.${createHmac('sha256', key.secret).update(unsigned).digest('base64url')}`;
}

describe('development keys', () => {
  it('are generated at random into the data folder, readable by the owner only, and reused', () => {
    const dir = dataDir();
    const first = loadProcessConfig({ DATA_DIR: dir });
    expect(first.developmentKeys).toEqual({ path: join(dir, DEVELOPMENT_SECRETS_FILE), created: true });
    expect(statSync(join(dir, DEVELOPMENT_SECRETS_FILE)).mode & 0o777).toBe(0o600);
    const [key] = first.config.signingKeys;
    expect(key?.secret.length).toBeGreaterThanOrEqual(32);
    expect(key?.secret).not.toBe(FORMERLY_IN_SOURCE.secret);
    expect(first.config.appSecret).not.toBe(FORMERLY_IN_SOURCE.appSecret);
    expect(first.config.appSecret.length).toBeGreaterThanOrEqual(32);

    const again = loadProcessConfig({ DATA_DIR: dir });
    expect(again.developmentKeys?.created).toBe(false);
    expect(again.config.signingKeys).toEqual(first.config.signingKeys);
    expect(again.config.appSecret).toBe(first.config.appSecret);

    const elsewhere = loadProcessConfig({ DATA_DIR: dataDir() });
    expect(elsewhere.config.signingKeys[0]?.secret).not.toBe(key?.secret);
    expect(elsewhere.config.appSecret).not.toBe(first.config.appSecret);
  });

  it('give way to configured keys, and are never made outside development', () => {
    const dir = dataDir();
    const configured = loadProcessConfig({
      DATA_DIR: dir,
      JWT_SIGNING_KEYS: 'ops:configured-signing-key-0123456789abcdefghij',
      APP_SECRET: 'configured-app-secret-0123456789abcdefghij',
    });
    expect(configured.developmentKeys).toBeNull();
    expect(configured.config.signingKeys).toEqual([
      { kid: 'ops', secret: 'configured-signing-key-0123456789abcdefghij' },
    ]);
    expect(() => statSync(join(dir, DEVELOPMENT_SECRETS_FILE))).toThrow();
    expect(() => loadProcessConfig({ NODE_ENV: 'test', DATA_DIR: dir })).toThrow(ConfigError);
    expect(() => statSync(join(dir, DEVELOPMENT_SECRETS_FILE))).toThrow();
  });

  it('are missing, and named, in any other environment that does not configure them', () => {
    for (const NODE_ENV of ['test', 'development', undefined]) {
      const problems = problemsOf({ NODE_ENV });
      expect(
        problems.some((p) => p.startsWith('JWT_SIGNING_KEYS: required')),
        NODE_ENV,
      ).toBe(true);
      expect(
        problems.some((p) => p.startsWith('APP_SECRET: required')),
        NODE_ENV,
      ).toBe(true);
    }
  });
});

describe('a server on development keys', () => {
  let server: RunningServer;
  let config: AppConfig;
  let memberToken: string;
  beforeAll(async () => {
    const port = await freePort();
    // NODE_ENV unset, as `pnpm start` runs it; an RPC URL so that no local chain is started.
    ({ config } = loadProcessConfig({
      DATA_DIR: dataDir(),
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      SOLANA_RPC_URL: 'http://127.0.0.1:9',
    }));
    expect(config.environment).toBe('development');
    server = await startServer(config, await createDeps(config, createLogger({ level: 'silent' })));
    memberToken = (await signInSolana(server.url)).session.accessToken ?? '';
  });
  afterAll(() => server?.close());

  const searchUsers = (token: string) =>
    fetch(`${server.url}/trpc/admin.users.search?input=${encodeURIComponent('{}')}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it('refuses an admin token signed with the key the source used to hold', async () => {
    expect((await searchUsers(promotedToAdmin(memberToken, FORMERLY_IN_SOURCE))).status).toBe(401);
  });

  it('would accept that token signed with its own key (so the refusal is the key, nothing else)', async () => {
    expect((await searchUsers(memberToken)).status).toBe(403);
    const [key] = config.signingKeys;
    if (!key) throw new Error('no generated key');
    expect((await searchUsers(promotedToAdmin(memberToken, key))).status).toBe(200);
  });
});
