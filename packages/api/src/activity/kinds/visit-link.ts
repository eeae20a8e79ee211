import { createHmac, timingSafeEqual } from 'node:crypto';
import { type TTaskInput, type TTaskView, ZVisitLinkParameter } from '@puffy/contracts';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { isRunning, visibleCampaign } from '../catalog';
import { completeActivityOnce } from '../completion';
import { taskActivity, taskCompletion } from './task-activity';

/*
 * "Visit a link" (docs/product/tasks.md): the member opens our redirect, `/go/<token>`, signed for
 * them and the activity; the redirect records the visit once and sends them on to the operator's
 * address. The token is the claims in base64url, a dot, and HMAC-SHA256 over them with the app secret.
 */

/** How long a signed link stays good: long enough to open it later the same day. */
export const VISIT_LINK_TTL_SECONDS = 24 * 60 * 60;

const ZClaims = z.object({
  u: z.string().min(1),
  a: z.number().int().positive(),
  c: z.number().int().positive(),
  /** Expiry, unix seconds. */
  e: z.number().int(),
});
type Claims = z.infer<typeof ZClaims>;

/** A purpose prefix, so this MAC can never be mistaken for one the app secret makes elsewhere. */
const mac = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`puffy.visit-link.v1.${payload}`).digest();

export function signVisitLink(secret: string, claims: Claims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

export type VisitLinkReading =
  | { ok: true; userId: string; activityId: number; campaignId: number }
  | { ok: false; refusal: 'tampered' | 'expired' };

/** Checks the MAC in constant time before reading anything the token says, then the expiry. */
export function readVisitLink(secret: string, token: string, now: Date): VisitLinkReading {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, refusal: 'tampered' };
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, refusal: 'tampered' };
  let claims: Claims;
  try {
    claims = ZClaims.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, refusal: 'tampered' };
  }
  if (claims.e * 1000 <= now.getTime()) return { ok: false, refusal: 'expired' };
  return { ok: true, userId: claims.u, activityId: claims.a, campaignId: claims.c };
}

const loadLink = (deps: Pick<Deps, 'db'>, ids: TTaskInput) =>
  taskActivity(deps, ids, 'visit_link', ZVisitLinkParameter);

/** The link as `activity.task` shows it: where it goes, and the member's own signed redirect. */
export async function visitLinkView(
  deps: Pick<Deps, 'db' | 'clock' | 'auth' | 'config'>,
  userId: string | null,
  input: TTaskInput,
): Promise<TTaskView> {
  const link = await loadLink(deps, input);
  const expires = Math.floor(deps.clock.now().getTime() / 1000) + VISIT_LINK_TTL_SECONDS;
  const go = userId
    ? `${deps.config.publicOrigin}/go/${signVisitLink(deps.auth.appSecret, {
        u: userId,
        a: input.activityId,
        c: input.campaignId,
        e: expires,
      })}`
    : null;
  return { kind: 'visit_link', host: new URL(link.task.url).host, go };
}

export type VisitOutcome =
  | { ok: true; location: string; counted: boolean }
  | { ok: false; refusal: 'tampered' | 'expired' };

/**
 * `GET /go/<token>`: records the visit (once, however often or concurrently the link is opened) and
 * answers where to send the member. Outside the campaign's window the member still gets there; the
 * visit just does not count.
 */
export async function followVisitLink(
  deps: Pick<Deps, 'db' | 'clock' | 'auth'>,
  token: string,
): Promise<VisitOutcome> {
  const now = deps.clock.now();
  const reading = readVisitLink(deps.auth.appSecret, token, now);
  if (!reading.ok) return reading;
  const link = await loadLink(deps, reading);
  const campaign = await visibleCampaign(deps, deps.db.db, reading.campaignId);
  if (!isRunning(campaign, now)) return { ok: true, location: link.task.url, counted: false };
  await completeActivityOnce(
    deps,
    taskCompletion(link, reading.userId, { visit: { url: link.task.url }, checkedAt: now.toISOString() }),
  );
  return { ok: true, location: link.task.url, counted: true };
}
