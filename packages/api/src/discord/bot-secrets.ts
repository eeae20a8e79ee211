import { seal, unseal } from '../platform/sealed';

/*
 * A campaign's Discord bot secret is stored sealed (the server must recompute HMACs, so a hash will
 * not do). Admin code that saves a secret uses `encryptBotSecret`; the bot endpoint uses
 * `decryptBotSecret`.
 */

const PURPOSE = 'discord-bot-secret';

export const encryptBotSecret = (appSecret: string, secret: string): string =>
  seal(appSecret, PURPOSE, secret);

/** The plain secret, or null when the value is not ours or was sealed under another APP_SECRET. */
export const decryptBotSecret = (appSecret: string, stored: string): string | null =>
  unseal(appSecret, PURPOSE, stored);
