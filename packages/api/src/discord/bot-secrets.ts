import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/*
 * A campaign's Discord bot secret is stored encrypted (the server must recompute HMACs, so a hash will
 * not do): AES-256-GCM under a key derived from APP_SECRET. Admin code that saves a secret uses
 * `encryptBotSecret`; the bot endpoint uses `decryptBotSecret`.
 */

const VERSION = 'v1';

const keyOf = (appSecret: string) =>
  Buffer.from(hkdfSync('sha256', appSecret, 'puffy', 'discord-bot-secret', 32));

export function encryptBotSecret(appSecret: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(appSecret), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    sealed.toString('base64url'),
  ].join(':');
}

/** The plain secret, or null when the value is not ours or was sealed under another APP_SECRET. */
export function decryptBotSecret(appSecret: string, stored: string): string | null {
  const [version, iv, tag, sealed] = stored.split(':');
  if (version !== VERSION || !iv || !tag || !sealed) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(appSecret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}
