export { type ActivityEvent, recordActivityEvent } from './activity/events';
export { completePartnerTask } from './activity/kinds/partner-api';
export { answerQuiz } from './activity/kinds/quiz';
export { followVisitLink, signVisitLink, type VisitOutcome } from './activity/kinds/visit-link';
export { leaderboard } from './activity/leaderboard';
export { creditPoints, type PointsCredit } from './activity/ledger';
export { listEligibleProducts } from './activity/products';
export { reviewActivityCompletion } from './activity/review';
export { completeActivity } from './activity/service';
export type { SocialConfig } from './activity/social/config';
export { queueCampaignRecheck, recheckCompletion } from './activity/social/recheck';
export { verifySocialTask } from './activity/social/verify';
export { uploadSnapshotFile } from './admin/campaign-desk/snapshots';
export {
  csvField,
  csvLine,
  type ExportDataset,
  exportDataset,
  exportDatasetNames,
  registerExportDataset,
} from './admin/exports';
export { grantAdminToWallet } from './admin/grant-wallet';
export { watchAllowedMediaHosts } from './admin/media-hosts';
export { issuePartnerKey, revokePartnerKey } from './admin/partner-keys/service';
export type { AuthConfig } from './auth/config';
export { csrfTokenFor } from './auth/csrf-token';
export { safeEqual } from './auth/secrets';
export { resolveSession } from './auth/session-resolver';
export type { ApiConfig, Deps } from './deps';
export { botSignature, issueDiscordCodeForBot } from './discord/bot-codes';
export { decryptBotSecret, encryptBotSecret } from './discord/bot-secrets';
export { allJobDefinitions, allJobs, registerJobs } from './jobs';
export { absoluteMediaUrl, type NftMetadata, nftMetadata, publicNft } from './nft/public';
export type { EmailKind } from './notification/emails';
export { type EmailJob, queueEmail, sendEmail } from './notification/service';
export { localAddressValidator } from './order/address';
export { type ConfirmOutcome, confirmOrderPayment } from './order/confirm';
export { settleOrderReports } from './order/reports';
export { settleUnpaidOrder, type UnpaidOutcome } from './order/unpaid';
export { PARTNER_RATE_RULE, type PartnerKey, partnerKeyOf } from './partners/keys';
export { type PaymentRecord, recordPayment, updatePayment } from './payment/record';
export { type Clock, fixedClock, systemClock } from './platform/clock';
export * from './platform/errors';
export { type JobRegistration, jobRegistration } from './platform/job-registry';
export { type Logger, silentLogger } from './platform/logger';
export type { Mailer, MailMessage } from './platform/mail';
export { announcePublicEdit, publicEditGeneration } from './platform/public-edits';
export { callerRequestIdOf } from './platform/security-events';
export type {
  AssetMinter,
  MintAssetRequest,
  MintedAsset,
  PromotionConfig,
  SvmNetwork,
} from './promotion/config';
export { assetSeedOf, type MintOutcome, mintNft } from './promotion/mint';
export { expireUnpaidClaim, type SettleOutcome, settleGasPayment } from './promotion/settle';
export { mayTransition, NFT_TRANSITIONS } from './promotion/transitions';
export { dryRunReferralCode, redeemReferralCode } from './referral/redeem';
export { type AppRouter, appRouter } from './router';
export { closeSeason, seasonCloseJob } from './season/close';
export { importSnapshot } from './snapshot/import';
export type { AddressValidator, StorefrontConfig } from './store/config';
export { eligibleProducts } from './store/eligibility';
export { assertSameSite, operatorWith, signedIn } from './trpc/access';
export {
  type Context,
  createContext,
  noSession,
  type RequestInfo,
  type ResponseControl,
  type Session,
  type SessionResolver,
} from './trpc/context';
export { asAppError, httpErrorBody, httpStatusOf } from './trpc/error-status';
export { createCallerFactory, type Meta, router } from './trpc/init';
export { listProcedures, type ProcedureInfo } from './trpc/introspect';
export { defaultRules } from './trpc/middleware/rate-limit';
export {
  adminProcedure,
  authedProcedure,
  publicProcedure,
  selfOrAdminProcedure,
  startsWithRequestScope,
} from './trpc/procedures';
export { publicCacheControl } from './trpc/public-cache';
export { type ProcedureSpan, setProcedureSpan } from './trpc/tracing';
export type { TwitterOAuthConfig } from './user/twitter-config';
