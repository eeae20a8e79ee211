import type { HoldingsReader } from '@puffy/chains';
import type { Db } from '@puffy/db';
import type { Jobs } from '@puffy/jobs';
import type { RateLimiter, Store } from '@puffy/store';
import type { SocialConfig } from './activity/social/config';
import type { AuthConfig } from './auth/config';
import type { Clock } from './platform/clock';
import type { Logger } from './platform/logger';
import type { Mailer } from './platform/mail';
import type { PromotionConfig } from './promotion/config';
import type { StorefrontConfig } from './store/config';
import type { TwitterOAuthConfig } from './user/twitter-config';

/** What the API needs to know about the deployment; the server's config module builds it. */
export interface ApiConfig {
  environment: 'development' | 'test' | 'production';
  version: string;
  commit: string | null;
  publicOrigin: string;
  /** Origins allowed to make cookie-authenticated state changes (CSRF origin check). */
  allowedOrigins: string[];
  /** Default limits every procedure gets; stricter ones live in the procedures' meta. */
  rateLimits: { ipPerMinute: number; userPerMinute: number };
  /** Development only: the local Solana node's JSON-RPC URL, which the SPA's development wallet pays through. */
  devChainUrl: string | null;
  /** `defaultMaxUses`: how many times a member's own code (referral.myCode) may be used. */
  referrals: { defaultMaxUses: number };
  /** The error tracker the SPA reports crashes to (SENTRY_DSN), announced by system.version. */
  errorTracking?: { dsn: string; environment: string; release: string } | null;
}

/**
 * Everything a service may touch, passed in rather than imported: that is what lets every service
 * run in tests against real SQLite/Postgres/Redis with a fixed clock.
 */
export interface Deps {
  db: Db;
  store: Store;
  limiter: RateLimiter;
  logger: Logger;
  clock: Clock;
  config: ApiConfig;
  auth: AuthConfig;
  /** Queue (enqueue inside the change's transaction) and, in worker processes, the worker. */
  jobs: Jobs;
  mailer: Mailer;
  /** X OAuth 2.0 for linking X accounts; null when the deployment has no X client. */
  twitter: TwitterOAuthConfig | null;
  /** The Discord and Telegram bots checked tasks and Telegram linking use; null services are off. */
  social: SocialConfig;
  /** Live NFT holdings checks (timeouts, retries, breaker); used when a campaign has no snapshot. */
  holdings: HoldingsReader;
  /** The storefront's payment target, windows, Solana RPC and address validator. */
  storefront: StorefrontConfig;
  /** Gas-fee networks (RPC and treasury), payment windows and the NFT minter. */
  promotion: PromotionConfig;
}
