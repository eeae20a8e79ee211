import { BadInput, completePartnerTask, type Deps, partnerKeyOf } from '@puffy/api';
import { ZId, ZPartnerCompletion } from '@puffy/contracts';
import type { Context } from 'hono';
import { z } from 'zod';
import { guardedRoutes, type HttpAccess } from './access';

/** The path's ids and the JSON body, read with their schemas; anything else is a 400 naming the fields. */
async function readCall(c: Context) {
  const ZPath = z.object({
    campaignId: z.coerce.number().pipe(ZId),
    activityId: z.coerce.number().pipe(ZId),
  });
  const path = ZPath.safeParse(c.req.param());
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new BadInput('Send a JSON body.', undefined, 'body_not_json');
  }
  const body = ZPartnerCompletion.safeParse(json);
  if (!path.success || !body.success) {
    const issues = [...(path.error?.issues ?? []), ...(body.error?.issues ?? [])];
    const fields: Record<string, string[]> = {};
    for (const issue of issues) {
      const field = issue.path.join('.') || 'body';
      fields[field] = [...(fields[field] ?? []), issue.message];
    }
    throw new BadInput('The request does not match the API.', fields, 'bad_request');
  }
  return { ids: path.data, body: body.data };
}

/**
 * The partner API, version 1 (docs/product/partners.md): plain REST under `/api/v1`, a partner key as
 * the bearer token. `POST .../completions` completes a "partner API" task for the member who signed in
 * with `wallet`; calling it again for the same member records nothing new (201 first, 200 after).
 */
export function partnerApiRoutes(options: { deps: Deps; access: HttpAccess }) {
  const app = guardedRoutes();
  app.post(
    '/api/v1/campaigns/:campaignId/tasks/:activityId/completions',
    options.access.partnerKey(),
    async (c) => {
      const key = await partnerKeyOf(options.deps, c.req.header('authorization'));
      const { ids, body } = await readCall(c);
      const answer = await completePartnerTask(options.deps, key, ids, body, c.get('requestId') ?? null);
      return c.json(answer, answer.created ? 201 : 200);
    },
  );
  return app;
}
