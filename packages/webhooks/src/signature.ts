import { createHmac, randomBytes } from 'node:crypto';

/**
 * Signing as the Standard Webhooks specification has it, so partners can check deliveries with its
 * libraries (docs/product/webhooks.md): HMAC-SHA256 keyed with the secret's bytes over
 * `<webhook-id>.<webhook-timestamp>.<body>`, sent as `v1,<base64>`.
 */
const PREFIX = 'whsec_';

export class WebhookSecretError extends Error {}

/** A new endpoint secret: 32 random bytes, base64, behind the `whsec_` prefix. Shown once. */
export const newWebhookSecret = (): string => `${PREFIX}${randomBytes(32).toString('base64')}`;

function keyOf(secret: string): Buffer {
  const key = secret.startsWith(PREFIX) ? Buffer.from(secret.slice(PREFIX.length), 'base64') : undefined;
  if (!key || key.length < 24 || key.length > 64) {
    throw new WebhookSecretError('a webhook secret is "whsec_" and 24 to 64 bytes in base64');
  }
  return key;
}

export function signature(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`, 'utf8');
  return `v1,${mac.digest('base64')}`;
}

/**
 * The `webhook-signature` header: one signature per active secret, space-separated. While a secret is
 * being rotated both the old and the new one sign, so a receiver still holding the old secret keeps
 * verifying until it switches.
 */
export function signatureHeader(
  secrets: readonly string[],
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  if (secrets.length === 0)
    throw new WebhookSecretError('an endpoint needs at least one secret to sign with');
  return secrets.map((secret) => signature(secret, id, timestampSeconds, body)).join(' ');
}
