import { csrfTokenFor, type Deps, type Session, safeEqual } from '@puffy/api';

/**
 * Why a request outside tRPC that spends or changes something must be refused as cross-site, or null
 * when it may go on. The same rules as the console's mutations (packages/api/src/trpc/middleware/csrf.ts):
 * a browser request comes from our origin, and a cookie session presents its CSRF token, which a
 * cross-site page can neither read nor attach. A bearer call needs neither: no page can make the
 * browser attach an Authorization header.
 */
export function crossSiteRefusal(
  deps: Pick<Deps, 'config' | 'auth'>,
  session: Pick<Session, 'via' | 'sessionId'>,
  header: (name: string) => string | undefined,
): 'bad_origin' | 'csrf' | null {
  const origin = header('origin');
  const fetchSite = header('sec-fetch-site');
  if (origin && !deps.config.allowedOrigins.includes(origin)) return 'bad_origin';
  if (!origin && fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return 'bad_origin';
  if (
    session.via === 'cookie' &&
    !safeEqual(header('x-csrf-token') ?? '', csrfTokenFor(deps.auth.appSecret, session.sessionId))
  )
    return 'csrf';
  return null;
}
