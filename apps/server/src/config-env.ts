import { z } from 'zod';

/**
 * The environment variables the server reads: names, types, defaults and descriptions. This schema is
 * also the source of the configuration reference (`pnpm env:doc`), and `SECRET_VARIABLES` says which
 * values must never be printed. `config.ts` turns the parsed values into the `AppConfig` the rest use.
 */

/** A Solana address or mint: base58 of 32 bytes. */
const base58Address = z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);

const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

/** An optional connection URL; a scheme other than the ones it names is refused at start. */
const connectionUrl = (scheme: RegExp, message: string) =>
  z
    .string()
    .optional()
    .refine((v) => !v || scheme.test(v), { message });

/** An optional URL; the description says what its absence means. */
const optionalUrl = (description: string) => z.url().optional().describe(description);

/** Optional text; the description says what its absence means. */
const optionalText = (description: string) => z.string().optional().describe(description);

/** A positive whole number, with its default and the description the configuration reference prints. */
const int = (fallback: number, description: string) =>
  z.coerce.number().int().positive().default(fallback).describe(description);

/** A switch written true/false or 1/0, with its default and its description. */
const bool = (fallback: boolean, description: string) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1')
    .describe(description);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development').describe('Deployment mode'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port'),
  HOST: z.string().default('0.0.0.0').describe('Interface to listen on'),
  PUBLIC_ORIGIN: optionalUrl('Origin members reach the SPA at; defaults to http://localhost:PORT'),
  CORS_ORIGINS: csv.optional().describe('Comma-separated origins allowed by CORS and the CSRF origin check'),
  TRUST_PROXY: bool(false, 'Take the client IP from X-Forwarded-For (only behind a trusted proxy)'),
  TRUST_PROXY_HOPS: int(
    1,
    'With TRUST_PROXY: how many trusted proxies append to X-Forwarded-For; the client is that many entries from the right',
  ),
  DATABASE_URL: connectionUrl(
    /^(file:|postgres:\/\/|postgresql:\/\/)/,
    'must start with file:, postgres:// or postgresql://',
  ).describe('Absent or file: → SQLite; postgres:// → Postgres'),
  DATA_DIR: z.string().default('./data').describe('Where the SQLite file and the dev mail outbox live'),
  DB_POOL_MAX: int(10, 'Postgres pool size'),
  DB_IDLE_TIMEOUT_SECONDS: int(30, 'Close idle Postgres connections after this many seconds'),
  DB_CONNECT_TIMEOUT_SECONDS: int(10, 'Give up connecting to Postgres after this many seconds'),
  MIGRATE_ON_START: bool(true, 'Apply pending migrations at start (turn off where a release step does it)'),
  SEED_DEMO: bool(true, 'Seed demo data into an empty database (never in production)'),
  REDIS_URL: connectionUrl(/^rediss?:\/\//, 'must start with redis:// or rediss://').describe(
    'Absent → in-process store (one process only)',
  ),
  REDIS_PREFIX: z
    .string()
    .default('puffy:')
    .describe('Key prefix in Redis (several deployments may share one Redis)'),
  JWT_SIGNING_KEYS: csv
    .optional()
    .describe('kid:secret pairs, comma-separated; the first signs, all verify (rotation without sign-outs)'),
  APP_SECRET: optionalText('Secret for HMACs of codes and CSRF tokens'),
  RATE_LIMIT_IP_PER_MINUTE: int(600, 'Calls a minute one IP may make to any procedure'),
  RATE_LIMIT_USER_PER_MINUTE: int(300, 'Calls a minute one member may make to any procedure'),
  ACCESS_TOKEN_TTL_SECONDS: int(900, 'Lifetime of an access token (JWT)'),
  SESSION_TTL_SECONDS: int(2_592_000, 'Lifetime of a session (refresh-token family)'),
  CHALLENGE_TTL_SECONDS: int(300, 'How long a sign-in challenge may be answered'),
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
  SOLANA_RPC_URL: optionalUrl('Solana JSON-RPC endpoint (DAS preferred) for live holdings checks'),
  SOON_RPC_URL: optionalUrl('SOON JSON-RPC endpoint for live holdings checks'),
  TON_API_URL: optionalUrl('TON HTTP API (toncenter v3 style) for live holdings checks'),
  TON_API_KEY: optionalText('API key sent to TON_API_URL'),
  METRICS_TOKEN: optionalText('Bearer token /metrics requires; required in production'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Lowest level of the JSON log lines written to stdout'),
  BODY_LIMIT_BYTES: int(1_048_576, 'Largest request body accepted'),
  QUERY_COUNTS: bool(
    false,
    'Count SQL statements, transactions and Redis round trips and report them on /metrics, behind its token (pnpm loadtest turns it on)',
  ),
  TRPC_FAST_PATH: bool(
    true,
    'Answer /trpc through the fast node handler (false: only the stock fetch adapter, the reference)',
  ),
  SHUTDOWN_GRACE_MS: int(10_000, 'How long in-flight requests may take to finish at shutdown'),
  SHUTDOWN_CLOSE_TIMEOUT_MS: int(
    10_000,
    'After the grace period, how long closing the jobs, the store and the database may take before the process exits with status 1',
  ),
  RUN_WORKER: bool(
    true,
    'Run the jobs worker in this process (turn off on web instances when separate workers run)',
  ),
  JOBS_POLL_INTERVAL_MS: int(1000, 'How often an idle jobs worker looks for due jobs'),
  TON_CONNECT_UI: bool(
    true,
    "Offer TON Connect's wallet picker: the CSP allows inline styles, its own badges and the TON_CONNECT_BRIDGES",
  ),
  TON_CONNECT_WALLETS_URL: z
    .url()
    .default('https://config.ton.org/wallets-v2.json')
    .describe(
      'TON Connect wallets list the server fetches, caches and serves (icons included) from its own origin',
    ),
  TON_CONNECT_BRIDGES: csv
    .default([
      'https://bridge.tonapi.io',
      'https://walletbot.me',
      'https://tonconnectbridge.mytonwallet.org',
      'https://connect.tonhubapi.com',
    ])
    .refine((urls) => urls.every((url) => /^https?:\/\/[^\s/]+/.test(url)), {
      message: 'must be comma-separated http(s) origins',
    })
    .describe(
      'TON Connect bridges the page may connect to (CSP connect-src); wallets on other bridges are left out of the list',
    ),
  WEB_DIST_DIR: optionalText('Built SPA to serve; defaults to apps/web/dist'),
  MEDIA_HOSTS: csv.optional().describe('Extra https hosts allowed for images and media (CSP)'),
  REFERRAL_DEFAULT_MAX_USES: int(50, "Uses of a member's own referral code (referral.myCode)"),
  SMTP_URL: connectionUrl(/^smtps?:\/\//, 'must start with smtp:// or smtps://').describe(
    'SMTP server for outgoing mail (smtp[s]://user:pass@host:port); absent → the dev outbox folder',
  ),
  MAIL_FROM: z.string().default('Puffy <no-reply@localhost>').describe('Sender of outgoing mail'),
  X_CLIENT_ID: optionalText('X (Twitter) OAuth 2.0 client id; absent → X linking is off'),
  X_CLIENT_SECRET: optionalText('X OAuth 2.0 client secret (confidential clients)'),
  X_REDIRECT_URI: optionalUrl('Callback registered with X; defaults to PUBLIC_ORIGIN/auth/oauth-callback'),
  X_AUTHORIZE_URL: z.url().default('https://x.com/i/oauth2/authorize').describe('X authorize endpoint'),
  X_API_BASE_URL: z
    .url()
    .default('https://api.x.com')
    .describe('X API base (token at /2/oauth2/token, profile at /2/users/me)'),
  DISCORD_BOT_TOKEN: optionalText(
    'Discord bot token for checking server membership and roles; absent → Discord tasks are not offered',
  ),
  DISCORD_API_BASE_URL: z
    .url()
    .default('https://discord.com/api/v10')
    .describe('Discord REST API base (GET /guilds/{guild}/members/{user})'),
  TELEGRAM_BOT_TOKEN: optionalText(
    'Telegram bot token: verifies Login Widget data and asks getChatMember; absent → Telegram linking and tasks are off',
  ),
  TELEGRAM_BOT_USERNAME: optionalText('Username of that bot (without @), which the Login Widget names'),
  TELEGRAM_API_BASE_URL: z
    .url()
    .default('https://api.telegram.org')
    .describe('Telegram Bot API base (POST /bot<token>/getChatMember)'),
  TELEGRAM_AUTH_MAX_AGE_SECONDS: int(
    86_400,
    'How old Telegram Login Widget data may be (its auth_date) when a member links Telegram',
  ),
  SOLANA_USDT_MINT: base58Address
    .default('Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB')
    .describe('SPL mint of USDT that orders are paid in'),
  SOLANA_STORE_TREASURY_ADDRESS: base58Address
    .optional()
    .describe(
      'Store treasury wallet; order payments go to its USDT associated token account (required in production)',
    ),
  STORE_QUOTE_TTL_SECONDS: int(300, 'How long a storefront quote can be checked out'),
  ORDER_PAYMENT_WINDOW_SECONDS: int(1800, 'How long a new order waits for payment before it is cancelled'),
  ORDER_CONFIRMATION_WINDOW_SECONDS: int(
    3600,
    'How long a submitted order payment may take to verify at finalized before the order expires',
  ),
  ORDER_CONFIRMATION_RETRY_SECONDS: int(15, 'How often a not-yet-final order payment is checked again'),
  SOLANA_TREASURY_ADDRESS: base58Address
    .optional()
    .describe('Treasury wallet that receives NFT gas fees on Solana (required in production)'),
  SOON_TREASURY_ADDRESS: base58Address
    .optional()
    .describe('Treasury wallet that receives NFT gas fees on SOON; absent → SOON claims are off'),
  SOLANA_MINT_AUTHORITY_KEY: optionalText(
    'Base58 of the 64-byte secret key that signs NFT mints (required in production; generated per start in development)',
  ),
  NFT_PAYMENT_WINDOW_MINUTES: int(30, 'How long an NFT claim waits for its gas payment'),
  NFT_CONFIRMATION_WINDOW_SECONDS: int(
    900,
    'How long an accepted gas payment may take to finalize before it counts as dropped',
  ),
  NFT_RECHECK_SECONDS: int(15, 'How often a gas payment not visible or not final yet is checked again'),
  LOCAL_CHAIN_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(8899)
    .describe('Development only: port of the local Solana chain started when SOLANA_RPC_URL is not set'),
  APP_VERSION: z.string().default('0.1.0').describe('Release version reported by telemetry and logs'),
  GIT_COMMIT: optionalText('Commit the release was built from (set by the build)'),
  SENTRY_DSN: optionalUrl(
    'Error tracker (Sentry protocol, SaaS or self-hosted) the server and the SPA send exceptions to; absent → off',
  ),
  SENTRY_ENVIRONMENT: optionalText('Environment named in error reports (default: NODE_ENV)'),
  SENTRY_RELEASE: optionalText('Release named in error reports (default: APP_VERSION)'),
  SENTRY_AUTH_TOKEN: optionalText(
    "Build time: token with which the SPA's build uploads its source maps to the error tracker",
  ),
  SENTRY_ORG: optionalText('Build time: organisation the source maps are uploaded to'),
  SENTRY_PROJECT: optionalText('Build time: project the source maps are uploaded to'),
  SENTRY_URL: optionalUrl('Build time: address of a self-hosted error tracker (default: sentry.io)'),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(
    'OTLP/HTTP collector traces are exported to (at /v1/traces); absent → no tracing',
  ),
  OTEL_EXPORTER_OTLP_HEADERS: z
    .string()
    .optional()
    .refine((v) => !v || v.split(',').every((pair) => /^[^=\s]+=.+$/.test(pair.trim())), {
      message: 'must be key=value pairs, comma-separated',
    })
    .describe(
      "Headers sent with every trace export (key=value, comma-separated), e.g. the collector's token",
    ),
  OTEL_SERVICE_NAME: z.string().default('puffy-server').describe('Service name traces carry'),
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
  'DISCORD_BOT_TOKEN',
  'TELEGRAM_BOT_TOKEN',
  'SOLANA_MINT_AUTHORITY_KEY',
  'SENTRY_AUTH_TOKEN',
  'OTEL_EXPORTER_OTLP_HEADERS',
] as const;
