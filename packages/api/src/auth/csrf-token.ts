import { hmac } from './secrets';

/** Derived from the session, so it needs no storage and dies with the session. */
export const csrfTokenFor = (appSecret: string, sessionId: string): string =>
  hmac(appSecret, `csrf:${sessionId}`);
