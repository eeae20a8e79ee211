export { isPrivateAddress, publicOnlyLookup } from './address';
export {
  DELIVERY_TIMEOUT_MS,
  type DeliverOptions,
  type DeliveryOutcome,
  type DeliveryTarget,
  deliverOnce,
} from './deliver';
export { type EndpointRules, endpointUrlProblem } from './endpoint';
export {
  messageBody,
  type TWebhookEvent,
  WEBHOOK_EVENTS,
  type WebhookMessage,
  ZWebhookEvent,
} from './events';
export { type EndpointSecret, type NextStep, nextStep, ROTATION_OVERLAP_MS, signingSecrets } from './plan';
export { MAX_RETRIES, retryDelaySeconds } from './schedule';
export { newWebhookSecret, signature, signatureHeader, WebhookSecretError } from './signature';
