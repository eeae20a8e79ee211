export const ACCESS_COOKIE = 'puffy_at';
export const REFRESH_COOKIE = 'puffy_rt';

export interface CookieOptions {
  secure: boolean;
}

function serialize(
  name: string,
  value: string,
  maxAgeSeconds: number,
  path: string,
  options: CookieOptions,
): string {
  const parts = [
    `${name}=${value}`,
    `Path=${path}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** The refresh cookie only travels to the API, never with page or asset requests. */
export function sessionCookies(
  tokens: { accessToken: string; accessMaxAge: number; refreshToken: string; refreshMaxAge: number },
  options: CookieOptions,
): string[] {
  return [
    serialize(ACCESS_COOKIE, tokens.accessToken, tokens.accessMaxAge, '/', options),
    serialize(REFRESH_COOKIE, tokens.refreshToken, tokens.refreshMaxAge, '/trpc', options),
  ];
}

export function clearedCookies(options: CookieOptions): string[] {
  return [serialize(ACCESS_COOKIE, '', 0, '/', options), serialize(REFRESH_COOKIE, '', 0, '/trpc', options)];
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
