// The smallest environment NODE_ENV=production accepts, in two forms: with placeholders for the
// configuration reference, and with freshly generated values for probes and the production smoke
// run. When production starts needing another variable, add it here (env-doc says which).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import bs58 from 'bs58';

const RANDOM = '<64 random characters: openssl rand -base64 48>';

export const PRODUCTION_EXAMPLE: Record<string, string> = {
  NODE_ENV: 'production',
  PUBLIC_ORIGIN: 'https://rewards.example.com',
  DATABASE_URL: 'postgres://puffy:<password>@postgres:5432/puffy',
  REDIS_URL: 'redis://:<password>@redis:6379',
  JWT_SIGNING_KEYS: `k2026a:${RANDOM}`,
  APP_SECRET: RANDOM,
  METRICS_TOKEN: RANDOM,
  SOLANA_RPC_URL: 'https://solana-rpc.example.com',
  SOLANA_STORE_TREASURY_ADDRESS: '<store treasury wallet address>',
  SOLANA_TREASURY_ADDRESS: '<NFT gas fee treasury wallet address>',
  SOLANA_MINT_AUTHORITY_KEY: '<base58 of the 64-byte mint authority secret key>',
};

const secret = () => randomBytes(36).toString('base64url');

/** A fresh Solana keypair as [address, base58 of the 64-byte secret key (seed then public key)]. */
export function solanaKeypair(): { address: string; secretKey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const publicKey = Buffer.from(jwk.x ?? '', 'base64url');
  const seed = Buffer.from(jwk.d ?? '', 'base64url');
  return { address: bs58.encode(publicKey), secretKey: bs58.encode(Buffer.concat([seed, publicKey])) };
}

/** Real values for every entry of PRODUCTION_EXAMPLE; the URLs are the caller's. */
export function generateProductionEnv(urls: {
  databaseUrl: string;
  redisUrl: string;
  publicOrigin?: string;
  solanaRpcUrl?: string;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PUBLIC_ORIGIN: urls.publicOrigin ?? 'https://rewards.example.com',
    DATABASE_URL: urls.databaseUrl,
    REDIS_URL: urls.redisUrl,
    JWT_SIGNING_KEYS: `k1:${secret()}`,
    APP_SECRET: secret(),
    METRICS_TOKEN: secret(),
    SOLANA_RPC_URL: urls.solanaRpcUrl ?? 'http://127.0.0.1:9',
    SOLANA_STORE_TREASURY_ADDRESS: solanaKeypair().address,
    SOLANA_TREASURY_ADDRESS: solanaKeypair().address,
    SOLANA_MINT_AUTHORITY_KEY: solanaKeypair().secretKey,
  };
}
