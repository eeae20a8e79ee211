import { generateKeyPairSync } from 'node:crypto';
import bs58 from 'bs58';
import { describe, expect, it } from 'vitest';
import { ConfigError, isWeakSecret, loadConfig } from '../src/config';
import { testSecrets } from '../src/testing';

/** A real 64-byte Solana secret key (seed then public key), as SOLANA_MINT_AUTHORITY_KEY expects. */
function mintAuthorityKey(): string {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return bs58.encode(
    Buffer.concat([Buffer.from(jwk.d ?? '', 'base64url'), Buffer.from(jwk.x ?? '', 'base64url')]),
  );
}
const mintAuthority = { secretKey: mintAuthorityKey() };

const strong = 'Zq8v3Kp0Wm7Rx2Ty5Ub9Nc4Hd6Jf1Ls8Ae3Gi0Ok';
const productionEnv = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://puffy@db:5432/puffy',
  REDIS_URL: 'redis://cache:6379',
  JWT_SIGNING_KEYS: `k1:${strong}`,
  APP_SECRET: `${strong}x`,
  METRICS_TOKEN: `${strong}y`,
  PUBLIC_ORIGIN: 'https://rewards.example.com',
  SOLANA_RPC_URL: 'https://solana-rpc.example.com',
  // Real Solana addresses (base58 public keys) and a real 64-byte mint authority key: production checks them.
  SOLANA_TREASURY_ADDRESS: 'GJRs4FwHtemZ5ZE9x3FNvJ8TMwitKTh21yxdRPqn7npE',
  SOLANA_STORE_TREASURY_ADDRESS: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
  SOLANA_MINT_AUTHORITY_KEY: mintAuthority.secretKey,
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('starts in development with SQLite, the in-process store and the keys it is given', () => {
    const config = loadConfig({ ...testSecrets() });
    expect(config.environment).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.signingKeys).toHaveLength(1);
    expect(config.publicOrigin).toBe('http://localhost:3000');
    expect(config.corsOrigins).toEqual(['http://localhost:3000']);
    expect(config.seedDemo).toBe(true);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig(productionEnv);
    expect(config.environment).toBe('production');
    expect(config.seedDemo).toBe(false);
    expect(config.signingKeys[0]?.kid).toBe('k1');
  });

  it('refuses production without Postgres, Redis or secrets, naming each variable', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    for (const variable of [
      'DATABASE_URL',
      'REDIS_URL',
      'JWT_SIGNING_KEYS',
      'APP_SECRET',
      'METRICS_TOKEN',
      'PUBLIC_ORIGIN',
    ]) {
      expect(
        problems.some((p) => p.startsWith(variable)),
        variable,
      ).toBe(true);
    }
  });

  it('refuses production on SQLite', () => {
    expect(problemsOf({ ...productionEnv, DATABASE_URL: 'file:./data/x.sqlite' })).toEqual([
      'DATABASE_URL: production needs a postgres:// URL',
    ]);
  });

  it('refuses weak secrets in production and names the key', () => {
    const problems = problemsOf({
      ...productionEnv,
      JWT_SIGNING_KEYS: `k1:${strong},k2:changeme-changeme-changeme-changeme`,
    });
    expect(problems).toEqual(['JWT_SIGNING_KEYS: the secret of key "k2" is weak']);
    expect(problemsOf({ ...productionEnv, APP_SECRET: 'short' })).toEqual([
      'APP_SECRET: weak (use at least 32 random characters)',
    ]);
  });

  it('never puts a secret value into an error message', () => {
    const leaked = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const message = (() => {
      try {
        loadConfig({ ...productionEnv, APP_SECRET: leaked });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('APP_SECRET');
    expect(message).not.toContain(leaked);
  });

  it('rejects malformed values with the variable name', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_URL: /);
    expect(problemsOf({ PORT: 'eighty' })[0]).toMatch(/^PORT: /);
    expect(problemsOf({ REDIS_URL: 'localhost:6379' })[0]).toMatch(/^REDIS_URL: /);
    expect(problemsOf({ JWT_SIGNING_KEYS: 'nokid' })[0]).toMatch(/^JWT_SIGNING_KEYS: /);
  });

  it('judges secrets by length, placeholders and variety', () => {
    expect(isWeakSecret(strong)).toBe(false);
    expect(isWeakSecret('x'.repeat(64))).toBe(true);
    expect(isWeakSecret('secret-but-quite-long-enough-0123456789')).toBe(true);
    expect(isWeakSecret('Zq8v3Kp0')).toBe(true);
  });
});
