import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig as loadConfigFrom } from '../../src/config';
import { testSecrets } from '../../src/testing';

/** With the keys this test run drew (no key lives in the source); these tests are about other settings. */
const loadConfig = (env: Record<string, string | undefined>) => loadConfigFrom({ ...testSecrets(), ...env });

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('storefront configuration', () => {
  it('defaults to the USDT mint, a 5-minute quote and a 30-minute payment window', () => {
    const { storefront } = loadConfig({});
    expect(storefront).toMatchObject({
      usdtMint: 'Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB',
      quoteTtlSeconds: 300,
      paymentWindowSeconds: 1800,
      confirmationWindowSeconds: 3600,
    });
  });

  it('takes the windows and payment target from the environment', () => {
    const { storefront } = loadConfig({
      STORE_QUOTE_TTL_SECONDS: '60',
      ORDER_PAYMENT_WINDOW_SECONDS: '900',
      SOLANA_STORE_TREASURY_ADDRESS: 'So11111111111111111111111111111111111111112',
    });
    expect(storefront).toMatchObject({
      quoteTtlSeconds: 60,
      paymentWindowSeconds: 900,
      treasuryAddress: 'So11111111111111111111111111111111111111112',
    });
  });

  it('refuses production without a store treasury or a Solana RPC to verify payments', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.some((p) => p.startsWith('SOLANA_STORE_TREASURY_ADDRESS'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SOLANA_RPC_URL'))).toBe(true);
    expect(problemsOf({ SOLANA_USDT_MINT: 'not-base58-0OIl' })[0]).toMatch(/^SOLANA_USDT_MINT/);
  });
});
