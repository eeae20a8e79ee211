import type { TAdminScope } from '@puffy/contracts';
import { csrfTokenFor } from '../auth/csrf-token';
import { safeEqual } from '../auth/secrets';
import type { Deps } from '../deps';
import { Forbidden, Unauthorized } from '../platform/errors';
import type { RequestInfo, Session } from './context';

/*
 * The door every caller meets, whether it comes through a tRPC procedure kind (middleware/auth.ts,
 * middleware/csrf.ts) or a plain HTTP route (apps/server/src/http/access.ts): one implementation, so a
 * rule cannot be tightened on one side and forgotten on the other. Each throws the AppError that
 * says why, with a stable reason the authorization matrix tests read.
 */

/** The caller's session; refuses a caller who is not signed in. */
export function signedIn(session: Session | null): Session {
  if (!session) throw new Unauthorized('Sign in to continue.', 'sign_in_required');
  return session;
}

/** The caller's session when it is an operator's holding `scope` (any operator when none is named). */
export function operatorWith(session: Session | null, scope?: TAdminScope): Session {
  const signed = signedIn(session);
  if (signed.role !== 'admin') throw new Forbidden('This needs an operator account.', 'not_admin');
  if (scope && !signed.scopes.includes(scope)) {
    throw new Forbidden(`This needs the "${scope}" admin scope.`, 'missing_scope', { scope });
  }
  return signed;
}

/**
 * A request that changes or spends something must come from our own origin (Origin, or
 * Sec-Fetch-Site when a browser sends no Origin), and one authenticated by a cookie must also carry
 * the session's CSRF token, which a page on another site can neither read nor attach. Bearer calls
 * need no token: no page can make the browser attach an Authorization header.
 */
export function assertSameSite(
  deps: { config: Pick<Deps['config'], 'allowedOrigins'>; auth: Pick<Deps['auth'], 'appSecret'> },
  req: Pick<RequestInfo, 'header'>,
  session: Pick<Session, 'via' | 'sessionId'> | null,
): void {
  const origin = req.header('origin');
  const fetchSite = req.header('sec-fetch-site');
  if (origin && !deps.config.allowedOrigins.includes(origin)) {
    throw new Forbidden('This request came from a page we do not know.', 'bad_origin');
  }
  if (!origin && fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw new Forbidden('This request came from another site.', 'bad_origin');
  }
  if (session?.via === 'cookie') {
    const presented = req.header('x-csrf-token') ?? '';
    if (!safeEqual(presented, csrfTokenFor(deps.auth.appSecret, session.sessionId))) {
      throw new Forbidden('Your session token is missing or stale. Reload the page and try again.', 'csrf');
    }
  }
}
