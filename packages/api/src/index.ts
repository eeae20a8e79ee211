export {
  csvField,
  csvLine,
  type ExportDataset,
  exportDataset,
  exportDatasetNames,
  registerExportDataset,
} from './admin/exports';
export type { AuthConfig } from './auth/config';
export { resolveSession } from './auth/session-resolver';
export type { ApiConfig, Deps } from './deps';
export { allJobDefinitions, allJobs, registerJobs } from './jobs';
export { type Clock, fixedClock, systemClock } from './platform/clock';
export * from './platform/errors';
export { type JobRegistration, jobRegistration } from './platform/job-registry';
export { type Logger, silentLogger } from './platform/logger';
export type { Mailer, MailMessage } from './platform/mail';
export { type AppRouter, appRouter } from './router';
export {
  type Context,
  createContext,
  noSession,
  type RequestInfo,
  type ResponseControl,
  type Session,
  type SessionResolver,
} from './trpc/context';
export { createCallerFactory, type Meta, router } from './trpc/init';
export { listProcedures, type ProcedureInfo } from './trpc/introspect';
export { defaultRules } from './trpc/middleware/rate-limit';
export { adminProcedure, authedProcedure, publicProcedure, selfOrAdminProcedure } from './trpc/procedures';
export { grantAdminToWallet } from './admin/grant-wallet';
