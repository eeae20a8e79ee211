import { z } from 'zod';
import { ZSocialServices } from './social-tasks';

export const ZSystemVersion = z.object({
  name: z.literal('puffy-reward-center'),
  version: z.string(),
  commit: z.string().nullable(),
  environment: z.enum(['development', 'test', 'production']),
  database: z.enum(['sqlite', 'postgres']),
  store: z.enum(['memory', 'redis']),
  serverTime: z.iso.datetime(),
  /** Outside production, when the server runs a local Solana node: its JSON-RPC URL (development wallet). */
  devChainUrl: z.url().nullable(),
  /** Members can link an X account here (X_CLIENT_ID is set); without it X activities cannot be done. */
  xLinking: z.boolean(),
  /** The services this server checks tasks with; a service it cannot check has its tasks not offered. */
  socialServices: ZSocialServices,
  /** Where the SPA reports its crashes (SENTRY_DSN is set); null when error reports are off. */
  errorTracking: z.object({ dsn: z.url(), environment: z.string(), release: z.string() }).nullable(),
});
export type TSystemVersion = z.infer<typeof ZSystemVersion>;
