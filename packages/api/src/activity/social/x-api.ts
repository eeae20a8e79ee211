import { z } from 'zod';
import type { Deps } from '../../deps';
import { PreconditionFailed } from '../../platform/errors';
import { askService, type ServiceAnswer, ServiceThrottled } from './answer';
import type { SocialVerifier } from './verifier';
import { xAccessToken } from './x-tokens';

/*
 * X API v2 reads with the member's own token (docs/product/social-tasks.md). Every answer carries
 * x-rate-limit-remaining and x-rate-limit-reset (Unix seconds); a 429, or an exhausted window with
 * pages still to read, becomes ServiceThrottled until that reset.
 */

type XDeps = Pick<Deps, 'db' | 'clock' | 'auth' | 'store' | 'twitter'>;

/** How many pages a list is read before the check says "not found": X's own windows are small. */
const MAX_PAGES = 5;
/** X's windows are 15 minutes; used when a 429 comes without its reset header. */
const DEFAULT_WINDOW_SECONDS = 15 * 60;

export interface XMember {
  userId: string;
  /** The member's X user id from linking. */
  xUserId: string;
}

function resetOf(deps: Pick<Deps, 'clock'>, answer: ServiceAnswer): Date {
  const reset = Number(answer.headers.get('x-rate-limit-reset'));
  const now = deps.clock.now().getTime();
  return Number.isFinite(reset) && reset * 1000 > now
    ? new Date(reset * 1000)
    : new Date(now + DEFAULT_WINDOW_SECONDS * 1000);
}

const windowOf = (answer: ServiceAnswer) => ({
  remaining: answer.headers.get('x-rate-limit-remaining'),
  reset: answer.headers.get('x-rate-limit-reset'),
});

async function get(deps: XDeps, member: XMember, path: string, query: Record<string, string>) {
  const config = deps.twitter;
  if (!config) throw new PreconditionFailed('X tasks are not available on this server.', 'x_not_configured');
  const url = `${config.apiBaseUrl}${path}?${new URLSearchParams(query)}`;
  const ask = (token: string) =>
    askService('X', url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  let token = await xAccessToken(deps, member.userId);
  let answer = await ask(token);
  if (answer.status === 401) {
    token = await xAccessToken(deps, member.userId, token);
    answer = await ask(token);
  }
  if (answer.status === 429)
    throw new ServiceThrottled('X', resetOf(deps, answer), { status: 429, path, ...windowOf(answer) });
  if (answer.status === 401 || answer.status === 403)
    throw new PreconditionFailed(
      'X did not let us read this with your account. Link your X account again.',
      'x_reauthorize',
    );
  return answer;
}

const ZPage = z.object({
  data: z.array(z.record(z.string(), z.unknown())).optional(),
  meta: z.object({ next_token: z.string().optional(), result_count: z.number().optional() }).optional(),
});

export interface XSearch {
  found: boolean;
  answer: Record<string, unknown>;
}

/**
 * Reads a paginated list of the member's (following, liked posts, own posts) until `match` finds an
 * item, the list ends, or MAX_PAGES were read. An exhausted window with pages left throttles the check.
 */
export async function searchXList(
  deps: XDeps,
  member: XMember,
  path: string,
  query: Record<string, string>,
  match: (item: Record<string, unknown>) => boolean,
): Promise<XSearch> {
  let nextToken: string | undefined;
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const answer = await get(
      deps,
      member,
      path,
      nextToken ? { ...query, pagination_token: nextToken } : query,
    );
    const parsed = ZPage.safeParse(answer.body);
    if (answer.status !== 200 || !parsed.success)
      return { found: false, answer: { status: answer.status, path, body: answer.body } };
    const hit = parsed.data.data?.find(match);
    if (hit) return { found: true, answer: { status: 200, path, page, item: hit, ...windowOf(answer) } };
    nextToken = parsed.data.meta?.next_token;
    if (!nextToken) return { found: false, answer: { status: 200, path, pages: page, ...windowOf(answer) } };
    if (answer.headers.get('x-rate-limit-remaining') === '0')
      throw new ServiceThrottled('X', resetOf(deps, answer), {
        status: 200,
        path,
        page,
        ...windowOf(answer),
      });
  }
  return { found: false, answer: { status: 200, path, pages: MAX_PAGES, truncated: true } };
}

const ZPost = z.object({
  data: z
    .object({
      id: z.string(),
      author_id: z.string().optional(),
      text: z.string().optional(),
      entities: z
        .object({
          hashtags: z.array(z.object({ tag: z.string() })).optional(),
          mentions: z.array(z.object({ username: z.string() })).optional(),
        })
        .optional(),
    })
    .optional(),
});
export type XPost = NonNullable<z.infer<typeof ZPost>['data']>;

/** One post with its author and entities; null when X has no such post (deleted, or never existed). */
export async function readXPost(deps: XDeps, member: XMember, postId: string) {
  const path = `/2/tweets/${postId}`;
  const answer = await get(deps, member, path, { 'tweet.fields': 'author_id,entities,created_at' });
  const parsed = ZPost.safeParse(answer.body);
  const post = answer.status === 200 && parsed.success ? (parsed.data.data ?? null) : null;
  return { post, answer: { status: answer.status, path, body: answer.body } };
}

/**
 * A task found in one of the member's X lists (`/2/users/:member/<list>`): the kind says which list,
 * what to ask for, and which item is the one it wants, from its parameter.
 */
export function xListCheck(
  list: 'following' | 'liked_tweets' | 'tweets',
  query: Record<string, string>,
  wanted: (parameter: unknown) => (item: Record<string, unknown>) => boolean,
): SocialVerifier {
  return {
    service: 'x',
    async check(deps, input) {
      const match = wanted(input.parameter);
      const member = { userId: input.userId, xUserId: input.accountId };
      const search = await searchXList(deps, member, `/2/users/${input.accountId}/${list}`, query, match);
      return { passed: search.found, answer: search.answer };
    },
  };
}
