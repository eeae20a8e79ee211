import { parseMintAuthorityKey } from '@puffy/chains';
import { z } from 'zod';

/**
 * The only module that reads the environment. Everything else receives the parsed `AppConfig`.
 * `configSchema` is also the source of the configuration reference (names, defaults, descriptions),
 * and `SECRET_VARIABLES` says which values must never be printed.
 */

const DEV_SIGNING_KEY = 'dev:development-only-signing-key-not-for-production-use';
const DEV_APP_SECRET = 'development-only-app-secret-not-for-production-use';
/** A valid address nobody holds the key of, so development payments can be built but never reach anyone. */
const DEV_STORE_TREASURY = 'PuffyDevStoreTreasury1111111111111111111111';
/** sha256("puffy-dev-nft-treasury"): a development gas-fee treasury whose key nobody holds. */
const DEV_NFT_TREASURY = '6vHjEF37q3FiVv14ACmmokLdkfbmDNnJV21wmpUGqUQm';
const BASE58_ADDRESS = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development').describe('Deployment mode'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port'),
  HOST: z.string().default('0.0.0.0').describe('Interface to listen on'),
  PUBLIC_ORIGIN: z
    .url()
    .optional()
    .describe('Origin members reach the SPA at; defaults to http://localhost:PORT'),
  CORS_ORIGINS: csv.optional().describe('Comma-separated origins allowed by CORS and the CSRF origin check'),
  TRUST_PROXY: bool(false).describe('Take the client IP from X-Forwarded-For (only behind a trusted proxy)'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^(file:|postgres:\/\/|postgresql:\/\/)/.test(v), {
      message: 'must start with file:, postgres:// or postgresql://',
    })
    .describe('Absent or file: → SQLite; postgres:// → Postgres'),
  DATA_DIR: z.string().default('./data').describe('Where the SQLite file and the dev mail outbox live'),
  DB_POOL_MAX: int(10).describe('Postgres pool size'),
  DB_IDLE_TIMEOUT_SECONDS: int(30).describe('Close idle Postgres connections after this many seconds'),
  DB_CONNECT_TIMEOUT_SECONDS: int(10).describe('Give up connecting to Postgres after this many seconds'),
  MIGRATE_ON_START: bool(true).describe(
    'Apply pending migrations at start (turn off where a release step does it)',
  ),
  SEED_DEMO: bool(true).describe('Seed demo data into an empty database (never in production)'),
  REDIS_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^rediss?:\/\//.test(v), { message: 'must start with redis:// or rediss://' })
    .describe('Absent → in-process store (one process only)'),
  REDIS_PREFIX: z
    .string()
    .default('puffy:')
    .describe('Key prefix in Redis (several deployments may share one Redis)'),
  JWT_SIGNING_KEYS: csv
    .optional()
    .describe('kid:secret pairs, comma-separated; the first signs, all verify (rotation without sign-outs)'),
  APP_SECRET: z.string().optional().describe('Secret for HMACs of codes and CSRF tokens'),
  RATE_LIMIT_IP_PER_MINUTE: int(600).describe('Calls a minute one IP may make to any procedure'),
  RATE_LIMIT_USER_PER_MINUTE: int(300).describe('Calls a minute one member may make to any procedure'),
  ACCESS_TOKEN_TTL_SECONDS: int(900).describe('Lifetime of an access token (JWT)'),
  SESSION_TTL_SECONDS: int(2_592_000).describe('Lifetime of a session (refresh-token family)'),
  CHALLENGE_TTL_SECONDS: int(300).describe('How long a sign-in challenge may be answered'),
  ADMIN_WALLETS: csv.optional().describe('chain:address entries that are admins from their first sign-in'),
  EVM_CHAIN_IDS: csv
    .optional()
    .refine((ids) => !ids || ids.every((id) => /^\d+$/.test(id)), {
      message: 'must be comma-separated chain ids',
    })
    .describe('EVM chain ids a sign-in may name (default Ethereum 1 and Berachain 80094)'),
  EVM_RPC_URLS: csv
    .optional()
    .refine((pairs) => !pairs || pairs.every((p) => /^\d+=https?:\/\/\S+$/.test(p)), {
      message: 'must be chainId=url pairs, comma-separated',
    })
    .describe('EVM JSON-RPC endpoints as chainId=url pairs (contract-wallet sign-in, holdings)'),
  SOLANA_CLUSTER: z
    .enum(['mainnet', 'devnet', 'testnet', 'localnet'])
    .default('mainnet')
    .describe('Solana cluster named in sign-in messages'),
  TON_PROOF_DOMAINS: csv
    .optional()
    .describe('Domains accepted in TON proofs (default: host of PUBLIC_ORIGIN)'),
  SOLANA_RPC_URL: z
    .url()
    .optional()
    .describe('Solana JSON-RPC endpoint (DAS preferred) for live holdings checks'),
  SOON_RPC_URL: z.url().optional().describe('SOON JSON-RPC endpoint for live holdings checks'),
  TON_API_URL: z.url().optional().describe('TON HTTP API (toncenter v3 style) for live holdings checks'),
  TON_API_KEY: z.string().optional().describe('API key sent to TON_API_URL'),
  METRICS_TOKEN: z.string().optional().describe('Bearer token /metrics requires; required in production'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Lowest level of the JSON log lines written to stdout'),
  BODY_LIMIT_BYTES: int(1_048_576).describe('Largest request body accepted'),
  TRPC_FAST_PATH: bool(true).describe(
    'Answer /trpc through the fast node handler (false: only the stock fetch adapter, the reference)',
  ),
  SHUTDOWN_GRACE_MS: int(10_000).describe('How long in-flight requests may take to finish at shutdown'),
  RUN_WORKER: bool(true).describe(
    'Run the jobs worker in this process (turn off on web instances when separate workers run)',
  ),
  JOBS_POLL_INTERVAL_MS: int(1000).describe('How often an idle jobs worker looks for due jobs'),
  TON_CONNECT_UI: bool(true).describe(
    "Allow TON Connect's wallet picker: inline styles, https images and https connections in the CSP",
  ),
  WEB_DIST_DIR: z.string().optional().describe('Built SPA to serve; defaults to apps/web/dist'),
  MEDIA_HOSTS: csv.optional().describe('Extra https hosts allowed for images and media (CSP)'),
  REFERRAL_DEFAULT_MAX_USES: int(50).describe("Uses of a member's own referral code (referral.myCode)"),
  SMTP_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^smtps?:\/\//.test(v), { message: 'must start with smtp:// or smtps://' })
    .describe(
      'SMTP server for outgoing mail (smtp[s]://user:pass@host:port); absent → the dev outbox folder',
    ),
  MAIL_FROM: z.string().default('Puffy <no-reply@localhost>').describe('Sender of outgoing mail'),
  X_CLIENT_ID: z.string().optional().describe('X (Twitter) OAuth 2.0 client id; absent → X linking is off'),
  X_CLIENT_SECRET: z.string().optional().describe('X OAuth 2.0 client secret (confidential clients)'),
  X_REDIRECT_URI: z
    .url()
    .optional()
    .describe('Callback registered with X; defaults to PUBLIC_ORIGIN/auth/oauth-callback'),
  X_AUTHORIZE_URL: z.url().default('https://x.com/i/oauth2/authorize').describe('X authorize endpoint'),
  X_API_BASE_URL: z
    .url()
    .default('https://api.x.com')
    .describe('X API base (token at /2/oauth2/token, profile at /2/users/me)'),
  SOLANA_USDT_MINT: z
    .string()
    .regex(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/)
    .default('Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB')
    .describe('SPL mint of USDT that orders are paid in'),
  SOLANA_STORE_TREASURY_ADDRESS: z
    .string()
    .regex(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/)
    .optional()
    .describe(
      'Store treasury wallet; order payments go to its USDT associated token account (required in production)',
    ),
  STORE_QUOTE_TTL_SECONDS: int(300).describe('How long a storefront quote can be checked out'),
  ORDER_PAYMENT_WINDOW_SECONDS: int(1800).describe(
    'How long a new order waits for payment before it is cancelled',
  ),
  ORDER_CONFIRMATION_WINDOW_SECONDS: int(3600).describe(
    'How long a submitted order payment may take to verify at finalized before the order expires',
  ),
  ORDER_CONFIRMATION_RETRY_SECONDS: int(15).describe(
    'How often a not-yet-final order payment is checked again',
  ),
  SOLANA_TREASURY_ADDRESS: z
    .string()
    .regex(BASE58_ADDRESS)
    .optional()
    .describe('Treasury wallet that receives NFT gas fees on Solana (required in production)'),
  SOON_TREASURY_ADDRESS: z
    .string()
    .regex(BASE58_ADDRESS)
    .optional()
    .describe('Treasury wallet that receives NFT gas fees on SOON; absent → SOON claims are off'),
  SOLANA_MINT_AUTHORITY_KEY: z
    .string()
    .optional()
    .describe(
      'Base58 of the 64-byte secret key that signs NFT mints (required in production; generated per start in development)',
    ),
  NFT_PAYMENT_WINDOW_MINUTES: int(30).describe('How long an NFT claim waits for its gas payment'),
  NFT_CONFIRMATION_WINDOW_SECONDS: int(900).describe(
    'How long an accepted gas payment may take to finalize before it counts as dropped',
  ),
  NFT_RECHECK_SECONDS: int(15).describe(
    'How often a gas payment not visible or not final yet is checked again',
  ),
  LOCAL_CHAIN_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(8899)
    .describe('Development only: port of the local Solana chain started when SOLANA_RPC_URL is not set'),
  APP_VERSION: z.string().default('0.1.0').describe('Release version reported by telemetry and logs'),
  GIT_COMMIT: z.string().optional().describe('Commit the release was built from (set by the build)'),
});

export const SECRET_VARIABLES = [
  'DATABASE_URL',
  'REDIS_URL',
  'JWT_SIGNING_KEYS',
  'APP_SECRET',
  'METRICS_TOKEN',
  'TON_API_KEY',
  'SMTP_URL',
  'X_CLIENT_SECRET',
  'SOLANA_MINT_AUTHORITY_KEY',
] as const;

export interface SigningKey {
  kid: string;
  secret: string;
}

export interface AppConfig {
  environment: 'development' | 'test' | 'production';
  port: number;
  host: string;
  publicOrigin: string;
  corsOrigins: string[];
  trustProxy: boolean;
  database: {
    url: string | undefined;
    dataDir: string;
    pool: { max: number; idleTimeoutSeconds: number; connectTimeoutSeconds: number };
  };
  migrateOnStart: boolean;
  seedDemo: boolean;
  redisUrl: string | undefined;
  redisPrefix: string;
  signingKeys: SigningKey[];
  appSecret: string;
  metricsToken: string | undefined;
  rateLimits: { ipPerMinute: number; userPerMinute: number };
  auth: {
    accessTokenTtlSeconds: number;
    sessionTtlSeconds: number;
    challengeTtlSeconds: number;
    adminWallets: string[];
    evmChainIds: number[];
    evmRpcUrls: Record<number, string>;
    solanaCluster: 'mainnet' | 'devnet' | 'testnet' | 'localnet';
    tonDomains: string[];
  };
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  bodyLimitBytes: number;
  trpcFastPath: boolean;
  shutdownGraceMs: number;
  jobs: { runWorker: boolean; pollIntervalMs: number };
  webDistDir: string | undefined;
  mediaHosts: string[];
  tonConnectUi: boolean;
  /** Live holdings endpoints; EVM ones come from EVM_RPC_URLS (auth.evmRpcUrls). */
  holdings: { solanaRpcUrl?: string; soonRpcUrl?: string; tonApiUrl?: string; tonApiKey?: string };
  referrals: { defaultMaxUses: number };
  /** `smtpUrl` absent: mail goes to the outbox folder under DATA_DIR. */
  mail: { smtpUrl: string | undefined; from: string };
  /** X OAuth 2.0 (PKCE); null when X_CLIENT_ID is not set. */
  twitter: {
    clientId: string;
    clientSecret: string | null;
    redirectUri: string;
    authorizeUrl: string;
    apiBaseUrl: string;
  } | null;
  /** USDT order payments; the treasury falls back to a development-only address outside production. */
  storefront: {
    usdtMint: string;
    treasuryAddress: string;
    quoteTtlSeconds: number;
    paymentWindowSeconds: number;
    confirmationWindowSeconds: number;
    confirmationRetrySeconds: number;
  };
  /** The promotional NFT: gas-fee treasuries, windows and the mint authority (base58 secret key). */
  promotion: {
    solanaTreasuryAddress: string;
    soonTreasuryAddress: string | undefined;
    mintAuthorityKey: string | undefined;
    paymentWindowSeconds: number;
    confirmationWindowSeconds: number;
    recheckSeconds: number;
    /** Development without SOLANA_RPC_URL: the port of the local chain the server starts. */
    localChainPort: number | null;
  };
  version: string;
  commit: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const WEAK = /^(secret|changeme|password|test|dev|development|default|example|12345)/i;

/** A secret is weak when short, a known placeholder, or made of very few distinct characters. */
export function isWeakSecret(secret: string): boolean {
  return secret.length < 32 || WEAK.test(secret) || new Set(secret).size < 10;
}

function parseSigningKeys(entries: string[], problems: string[]): SigningKey[] {
  const keys: SigningKey[] = [];
  for (const entry of entries) {
    const at = entry.indexOf(':');
    if (at <= 0) {
      problems.push('JWT_SIGNING_KEYS: each entry must be kid:secret');
      continue;
    }
    keys.push({ kid: entry.slice(0, at), secret: entry.slice(at + 1) });
  }
  if (new Set(keys.map((k) => k.kid)).size !== keys.length)
    problems.push('JWT_SIGNING_KEYS: key ids must be unique');
  return keys;
}

/** Why the mint authority key cannot sign (never echoing the key), or null when it can. */
function mintAuthorityKeyProblem(key: string): string | null {
  try {
    parseMintAuthorityKey(key);
    return null;
  } catch (error) {
    return error instanceof TypeError
      ? error.message
      : 'not a valid Ed25519 secret key (the halves do not match)';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];

  const signingKeys = parseSigningKeys(e.JWT_SIGNING_KEYS ?? (production ? [] : [DEV_SIGNING_KEY]), problems);
  const appSecret = e.APP_SECRET ?? (production ? '' : DEV_APP_SECRET);

  if (production) {
    if (!e.DATABASE_URL?.startsWith('postgres'))
      problems.push('DATABASE_URL: production needs a postgres:// URL');
    if (!e.REDIS_URL)
      problems.push('REDIS_URL: production needs Redis (instances share sessions and limits)');
    if (signingKeys.length === 0) problems.push('JWT_SIGNING_KEYS: required in production');
    for (const key of signingKeys) {
      if (isWeakSecret(key.secret)) problems.push(`JWT_SIGNING_KEYS: the secret of key "${key.kid}" is weak`);
    }
    if (!appSecret) problems.push('APP_SECRET: required in production');
    else if (isWeakSecret(appSecret)) problems.push('APP_SECRET: weak (use at least 32 random characters)');
    if (!e.SOLANA_STORE_TREASURY_ADDRESS)
      problems.push('SOLANA_STORE_TREASURY_ADDRESS: required in production (where order payments go)');
    if (!e.SOLANA_RPC_URL)
      problems.push('SOLANA_RPC_URL: required in production (order payments are verified on-chain)');
    if (!e.METRICS_TOKEN) problems.push('METRICS_TOKEN: required in production (/metrics is not public)');
    else if (isWeakSecret(e.METRICS_TOKEN)) problems.push('METRICS_TOKEN: weak');
    if (!e.PUBLIC_ORIGIN?.startsWith('https://'))
      problems.push('PUBLIC_ORIGIN: production needs an https:// origin');
  }
  if (production) {
    if (!e.SOLANA_TREASURY_ADDRESS)
      problems.push('SOLANA_TREASURY_ADDRESS: required in production (where NFT gas fees go)');
    if (!e.SOLANA_MINT_AUTHORITY_KEY)
      problems.push('SOLANA_MINT_AUTHORITY_KEY: required in production (it signs NFT mints)');
  }
  if (e.SOLANA_MINT_AUTHORITY_KEY) {
    const problem = mintAuthorityKeyProblem(e.SOLANA_MINT_AUTHORITY_KEY);
    if (problem) problems.push(`SOLANA_MINT_AUTHORITY_KEY: ${problem}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicOrigin = (e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    environment: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicOrigin,
    corsOrigins: e.CORS_ORIGINS ?? [publicOrigin],
    trustProxy: e.TRUST_PROXY,
    database: {
      url: e.DATABASE_URL,
      dataDir: e.DATA_DIR,
      pool: {
        max: e.DB_POOL_MAX,
        idleTimeoutSeconds: e.DB_IDLE_TIMEOUT_SECONDS,
        connectTimeoutSeconds: e.DB_CONNECT_TIMEOUT_SECONDS,
      },
    },
    migrateOnStart: e.MIGRATE_ON_START,
    seedDemo: e.SEED_DEMO && !production,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    signingKeys,
    appSecret,
    metricsToken: e.METRICS_TOKEN,
    rateLimits: { ipPerMinute: e.RATE_LIMIT_IP_PER_MINUTE, userPerMinute: e.RATE_LIMIT_USER_PER_MINUTE },
    auth: {
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      sessionTtlSeconds: e.SESSION_TTL_SECONDS,
      challengeTtlSeconds: e.CHALLENGE_TTL_SECONDS,
      adminWallets: e.ADMIN_WALLETS ?? [],
      evmChainIds: (e.EVM_CHAIN_IDS ?? ['1', '80094']).map(Number),
      evmRpcUrls: Object.fromEntries(
        (e.EVM_RPC_URLS ?? []).map((pair) => {
          const at = pair.indexOf('=');
          return [Number(pair.slice(0, at)), pair.slice(at + 1)];
        }),
      ),
      solanaCluster: e.SOLANA_CLUSTER,
      tonDomains: e.TON_PROOF_DOMAINS ?? [new URL(publicOrigin).host],
    },
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    trpcFastPath: e.TRPC_FAST_PATH,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    jobs: { runWorker: e.RUN_WORKER, pollIntervalMs: e.JOBS_POLL_INTERVAL_MS },
    webDistDir: e.WEB_DIST_DIR,
    mediaHosts: e.MEDIA_HOSTS ?? [],
    tonConnectUi: e.TON_CONNECT_UI,
    holdings: {
      solanaRpcUrl: e.SOLANA_RPC_URL,
      soonRpcUrl: e.SOON_RPC_URL,
      tonApiUrl: e.TON_API_URL,
      tonApiKey: e.TON_API_KEY,
    },
    referrals: { defaultMaxUses: e.REFERRAL_DEFAULT_MAX_USES },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    twitter: e.X_CLIENT_ID
      ? {
          clientId: e.X_CLIENT_ID,
          clientSecret: e.X_CLIENT_SECRET ?? null,
          redirectUri: e.X_REDIRECT_URI ?? `${publicOrigin}/auth/oauth-callback`,
          authorizeUrl: e.X_AUTHORIZE_URL,
          apiBaseUrl: e.X_API_BASE_URL.replace(/\/$/, ''),
        }
      : null,
    storefront: {
      usdtMint: e.SOLANA_USDT_MINT,
      treasuryAddress: e.SOLANA_STORE_TREASURY_ADDRESS ?? DEV_STORE_TREASURY,
      quoteTtlSeconds: e.STORE_QUOTE_TTL_SECONDS,
      paymentWindowSeconds: e.ORDER_PAYMENT_WINDOW_SECONDS,
      confirmationWindowSeconds: e.ORDER_CONFIRMATION_WINDOW_SECONDS,
      confirmationRetrySeconds: e.ORDER_CONFIRMATION_RETRY_SECONDS,
    },
    promotion: {
      solanaTreasuryAddress: e.SOLANA_TREASURY_ADDRESS ?? DEV_NFT_TREASURY,
      soonTreasuryAddress: e.SOON_TREASURY_ADDRESS,
      mintAuthorityKey: e.SOLANA_MINT_AUTHORITY_KEY,
      paymentWindowSeconds: e.NFT_PAYMENT_WINDOW_MINUTES * 60,
      confirmationWindowSeconds: e.NFT_CONFIRMATION_WINDOW_SECONDS,
      recheckSeconds: e.NFT_RECHECK_SECONDS,
      localChainPort: e.NODE_ENV === 'development' && !e.SOLANA_RPC_URL ? e.LOCAL_CHAIN_PORT : null,
    },
    version: e.APP_VERSION,
    commit: e.GIT_COMMIT ?? null,
  };
}
