import { Keypair } from '@solana/web3.js';
import bs58 from 'bs58';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig as loadConfigFrom, SECRET_VARIABLES } from '../../src/config';
import { testSecrets } from '../../src/testing';

/** With the keys this test run drew (no key lives in the source); these tests are about other settings. */
const loadConfig = (env: Record<string, string | undefined>) => loadConfigFrom({ ...testSecrets(), ...env });

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('promotional NFT configuration', () => {
  it('defaults the payment window to 30 minutes and takes NFT_PAYMENT_WINDOW_MINUTES', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).promotion.paymentWindowSeconds).toBe(1800);
    expect(
      loadConfig({ NODE_ENV: 'test', NFT_PAYMENT_WINDOW_MINUTES: '5' }).promotion.paymentWindowSeconds,
    ).toBe(300);
  });

  it('refuses production without a gas-fee treasury or a mint authority key', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.some((p) => p.startsWith('SOLANA_TREASURY_ADDRESS'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SOLANA_MINT_AUTHORITY_KEY'))).toBe(true);
  });

  it('validates the mint authority key at start-up without echoing it', () => {
    const keypair = Keypair.generate();
    expect(
      loadConfig({ NODE_ENV: 'test', SOLANA_MINT_AUTHORITY_KEY: bs58.encode(keypair.secretKey) }).promotion,
    ).toMatchObject({ mintAuthorityKey: bs58.encode(keypair.secretKey) });
    const short = bs58.encode(keypair.secretKey.subarray(0, 32));
    expect(problemsOf({ NODE_ENV: 'test', SOLANA_MINT_AUTHORITY_KEY: short })).toEqual([
      'SOLANA_MINT_AUTHORITY_KEY: the mint authority key must be 64 bytes, not 32',
    ]);
    const mismatched = new Uint8Array(keypair.secretKey);
    mismatched.set(Keypair.generate().publicKey.toBytes(), 32);
    const problems = problemsOf({ NODE_ENV: 'test', SOLANA_MINT_AUTHORITY_KEY: bs58.encode(mismatched) });
    expect(problems).toEqual([
      'SOLANA_MINT_AUTHORITY_KEY: not a valid Ed25519 secret key (the halves do not match)',
    ]);
    expect(problemsOf({ NODE_ENV: 'test', SOLANA_MINT_AUTHORITY_KEY: 'not-base58-0OIl' })[0]).toMatch(
      /base58/,
    );
    expect(SECRET_VARIABLES).toContain('SOLANA_MINT_AUTHORITY_KEY');
  });

  it('starts a local chain only in development without SOLANA_RPC_URL', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).promotion.localChainPort).toBe(8899);
    expect(
      loadConfig({ NODE_ENV: 'development', SOLANA_RPC_URL: 'https://rpc.example.com' }).promotion
        .localChainPort,
    ).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test' }).promotion.localChainPort).toBeNull();
  });
});
