import type { SocialConfig, StorefrontConfig } from '@puffy/api';
import { parseMintAuthorityKey } from '@puffy/chains';
import type { z } from 'zod';
import { configSchema } from './config-env';
import { withDevelopmentSecrets } from './development-secrets';

/**
 * The only module that reads the environment (through `configSchema`, in config-env.ts), checks what
 * production demands, and hands everything else the parsed `AppConfig`.
 */

export { configSchema, SECRET_VARIABLES } from './config-env';

/** A valid address nobody holds the key of, so development payments can be built but never reach anyone. */
const DEV_STORE_TREASURY = 'PuffyDevStoreTreasury1111111111111111111111';
/** sha256("puffy-dev-nft-treasury"): a development gas-fee treasury whose key nobody holds. */
const DEV_NFT_TREASURY = '6vHjEF37q3FiVv14ACmmokLdkfbmDNnJV21wmpUGqUQm';

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
  /** How many trusted proxies append to X-Forwarded-For (used with trustProxy). */
  trustProxyHops: number;
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
  /** Statement and round-trip counters on /metrics (QUERY_COUNTS). */
  queryCounts: boolean;
  shutdownGraceMs: number;
  shutdownCloseTimeoutMs: number;
  jobs: { runWorker: boolean; pollIntervalMs: number };
  webDistDir: string | undefined;
  mediaHosts: string[];
  tonConnectUi: boolean;
  /** Where the TON wallets list comes from and which bridges its wallets may use (http/ton-wallets.ts). */
  tonConnect: { walletsUrl: string; bridges: string[] };
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
  /** The Discord and Telegram bots of checked tasks (null: that service is off). */
  social: SocialConfig;
  /**
   * USDT order payments; the treasury falls back to a development-only address outside production. The
   * storefront's own settings, less the RPC client and address validator the running server adds.
   */
  storefront: Omit<StorefrontConfig, 'solanaRpc' | 'addressValidator'>;
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
  /** Error reports and traces; each null when its variable is unset (docs/runbooks/observability.md). */
  observability: {
    sentry: { dsn: string; environment: string; release: string } | null;
    otlp: { endpoint: string; headers: Record<string, string>; serviceName: string } | null;
  };
}

/** `key=value,key2=value2` (OpenTelemetry's own format for OTEL_EXPORTER_OTLP_HEADERS). */
function otlpHeaders(value: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of value?.split(',') ?? []) {
    const at = pair.indexOf('=');
    if (at > 0)
      headers[decodeURIComponent(pair.slice(0, at).trim())] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
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

function parseEnvironment(env: Record<string, string | undefined>): z.infer<typeof configSchema> {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}

function databaseOf(e: z.infer<typeof configSchema>): AppConfig['database'] {
  return {
    url: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    pool: {
      max: e.DB_POOL_MAX,
      idleTimeoutSeconds: e.DB_IDLE_TIMEOUT_SECONDS,
      connectTimeoutSeconds: e.DB_CONNECT_TIMEOUT_SECONDS,
    },
  };
}

/** Only the database settings, for tools that open the database and nothing else (backup, restore). */
export function loadDatabaseConfig(
  env: Record<string, string | undefined> = process.env,
): AppConfig['database'] {
  return databaseOf(parseEnvironment(env));
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const e = parseEnvironment(env);
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];

  // No key has a default: development gets generated ones through loadProcessConfig, tests their own.
  const signingKeys = parseSigningKeys(e.JWT_SIGNING_KEYS ?? [], problems);
  const appSecret = e.APP_SECRET ?? '';
  if (!production) {
    const where = 'outside development (which generates one into DATA_DIR)';
    if (!e.JWT_SIGNING_KEYS?.length) problems.push(`JWT_SIGNING_KEYS: required ${where}`);
    if (!appSecret) problems.push(`APP_SECRET: required ${where}`);
  }

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
    trustProxyHops: e.TRUST_PROXY_HOPS,
    database: databaseOf(e),
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
    queryCounts: e.QUERY_COUNTS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    shutdownCloseTimeoutMs: e.SHUTDOWN_CLOSE_TIMEOUT_MS,
    jobs: { runWorker: e.RUN_WORKER, pollIntervalMs: e.JOBS_POLL_INTERVAL_MS },
    webDistDir: e.WEB_DIST_DIR,
    mediaHosts: e.MEDIA_HOSTS ?? [],
    tonConnectUi: e.TON_CONNECT_UI,
    tonConnect: { walletsUrl: e.TON_CONNECT_WALLETS_URL, bridges: e.TON_CONNECT_BRIDGES },
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
    social: {
      discord: e.DISCORD_BOT_TOKEN
        ? { botToken: e.DISCORD_BOT_TOKEN, apiBaseUrl: e.DISCORD_API_BASE_URL.replace(/\/$/, '') }
        : null,
      telegram:
        e.TELEGRAM_BOT_TOKEN && e.TELEGRAM_BOT_USERNAME
          ? {
              botToken: e.TELEGRAM_BOT_TOKEN,
              botUsername: e.TELEGRAM_BOT_USERNAME.replace(/^@/, ''),
              apiBaseUrl: e.TELEGRAM_API_BASE_URL.replace(/\/$/, ''),
              maxAuthAgeSeconds: e.TELEGRAM_AUTH_MAX_AGE_SECONDS,
            }
          : null,
    },
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
    observability: {
      sentry: e.SENTRY_DSN
        ? {
            dsn: e.SENTRY_DSN,
            environment: e.SENTRY_ENVIRONMENT ?? e.NODE_ENV,
            release: e.SENTRY_RELEASE ?? e.APP_VERSION,
          }
        : null,
      otlp: e.OTEL_EXPORTER_OTLP_ENDPOINT
        ? {
            endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, ''),
            headers: otlpHeaders(e.OTEL_EXPORTER_OTLP_HEADERS),
            serviceName: e.OTEL_SERVICE_NAME,
          }
        : null,
    },
  };
}

/**
 * The configuration of a process (server, worker, migrations, tools): in development the keys not
 * configured come from DATA_DIR, generated there on the first start; `developmentKeys` says where.
 */
export function loadProcessConfig(env: Record<string, string | undefined> = process.env): {
  config: AppConfig;
  developmentKeys: { path: string; created: boolean } | null;
} {
  const filled = withDevelopmentSecrets(env);
  const path = filled.generatedAt ?? filled.readFrom;
  return {
    config: loadConfig(filled.env),
    developmentKeys: path ? { path, created: filled.generatedAt !== null } : null,
  };
}
