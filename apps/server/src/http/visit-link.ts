import { type Deps, followVisitLink } from '@puffy/api';
import { guardedRoutes } from './access';

/**
 * `GET /go/<token>`: the signed redirect of a "visit a link" task (docs/product/tasks.md). Public: the
 * token itself, signed for one member and one activity, is the credential. A tampered token is
 * refused (403), an expired one is gone (410); both change nothing.
 */
export function visitLinkRoutes(options: { deps: Deps }) {
  // Guarded only for its error map: an activity taken off the campaign answers 404, not 500.
  const app = guardedRoutes();
  app.get('/go/:token', async (c) => {
    const outcome = await followVisitLink(options.deps, c.req.param('token'));
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    if (!outcome.ok)
      return outcome.refusal === 'expired'
        ? c.text('This link has expired. Open the task again on the campaign page for a fresh one.', 410)
        : c.text('This link is not valid.', 403);
    return c.redirect(outcome.location, 302);
  });
  return app;
}
