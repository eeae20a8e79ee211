import { type DestinationStream, type Logger as PinoLogger, pino } from 'pino';

/**
 * Tokens, cookies, the Authorization and CSRF headers, and every code (email, OAuth, Discord, pass)
 * are censored wherever they appear in a logged object, to the depth we log. Error reports use the
 * same list (observability/redact.ts).
 */
export const SENSITIVE_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-csrf-token',
  'x-bot-signature',
  'token',
  'accessToken',
  'refreshToken',
  'csrfToken',
  'code',
  'codeVerifier',
  'passCode',
  'secret',
  'password',
  'signature',
  'proof',
  'privateKey',
];

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of SENSITIVE_KEYS) {
    const k = /^[a-zA-Z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    const join = (prefix: string) => (k.startsWith('[') ? `${prefix}${k}` : `${prefix}.${k}`);
    paths.push(k.startsWith('[') ? `${k}` : k, join('*'), join('*.*'), join('*.*.*'));
  }
  return paths;
}

/** Query parameters that carry codes or tokens are censored before a URL reaches a log line. */
const SENSITIVE_QUERY = /([?&](?:token|code|state|code_verifier|pass|secret)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SENSITIVE_QUERY, '$1[Redacted]');
}

export function createLogger(
  options: { level: string; base?: Record<string, unknown> },
  destination?: DestinationStream,
): PinoLogger {
  return pino(
    {
      level: options.level,
      base: { service: 'puffy-server', ...options.base },
      redact: { paths: redactPaths(), censor: '[Redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

export type { PinoLogger };
