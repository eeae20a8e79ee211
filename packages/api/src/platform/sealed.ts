import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/*
 * Secrets the server must read back (a Discord bot's HMAC key, a member's X tokens) are stored sealed:
 * AES-256-GCM under a key derived from APP_SECRET for one purpose, so a value sealed for one use
 * cannot be opened as another.
 */

const VERSION = 'v1';

const keyOf = (appSecret: string, purpose: string) =>
  Buffer.from(hkdfSync('sha256', appSecret, 'puffy', purpose, 32));

export function seal(appSecret: string, purpose: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(appSecret, purpose), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    sealed.toString('base64url'),
  ].join(':');
}

/** The plain secret, or null when the value is not ours, or was sealed for another purpose or APP_SECRET. */
export function unseal(appSecret: string, purpose: string, stored: string): string | null {
  const [version, iv, tag, sealed] = stored.split(':');
  if (version !== VERSION || !iv || !tag || !sealed) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(appSecret, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}
