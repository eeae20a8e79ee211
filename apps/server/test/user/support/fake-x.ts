import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface XUser {
  id: string;
  username: string;
  name: string;
  profile_image_url: string;
}

interface Grant {
  codeChallenge: string;
  redirectUri: string;
  clientId: string;
  user: XUser;
}

const CLIENT_ID = 'puffy-test-client';
const CLIENT_SECRET = 'puffy-test-client-secret';

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A post as X API v2 returns it with `tweet.fields=author_id,entities,referenced_tweets`. */
export interface XFakePost {
  id: string;
  author_id: string;
  text: string;
  entities?: { hashtags?: Array<{ tag: string }>; mentions?: Array<{ username: string }> };
  referenced_tweets?: Array<{ type: 'retweeted' | 'quoted' | 'replied_to'; id: string }>;
}

/** X's windows: 15 minutes, a number of calls per user and endpoint (x-rate-limit-* headers). */
const WINDOW_LIMIT = 15;

/**
 * A local server speaking X's OAuth 2.0 token endpoint (PKCE S256, confidential client, refresh
 * tokens that rotate), `GET /2/users/me`, and the X API v2 reads tasks are checked with (following,
 * liked_tweets, a user's tweets, one tweet), paginated with `meta.next_token` and rate-limited per
 * user and endpoint with x-rate-limit-limit / -remaining / -reset and 429, in X's JSON formats.
 * `approve` plays the member clicking "Authorize app" on X.
 */
export async function startFakeX() {
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, XUser>();
  const refreshTokens = new Map<string, XUser>();
  const requests: Array<{ path: string; form: URLSearchParams }> = [];
  const reads: string[] = [];
  const following = new Map<string, string[]>();
  const likes = new Map<string, string[]>();
  const posts = new Map<string, XFakePost>();
  const windows = new Map<string, { used: number; reset: number }>();
  let pageSize = 100;
  let forcedReset: number | null = null;

  function issue(user: XUser) {
    const accessToken = randomBytes(24).toString('base64url');
    const refreshToken = randomBytes(24).toString('base64url');
    tokens.set(accessToken, user);
    refreshTokens.set(refreshToken, user);
    return {
      token_type: 'bearer',
      expires_in: 7200,
      access_token: accessToken,
      refresh_token: refreshToken,
      scope: 'users.read tweet.read follows.read like.read offline.access',
    };
  }

  /** A page of `items` from `pagination_token` on, with X's meta. */
  function paged(items: unknown[], url: URL) {
    const size = Math.min(Number(url.searchParams.get('max_results') ?? 100), pageSize);
    const start = Number(url.searchParams.get('pagination_token') ?? 0);
    const data = items.slice(start, start + size);
    const next = start + size < items.length ? String(start + size) : undefined;
    return {
      ...(data.length > 0 ? { data } : {}),
      meta: { result_count: data.length, ...(next ? { next_token: next } : {}) },
    };
  }

  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://x.test');
    if (req.method === 'POST' && url.pathname === '/2/oauth2/token') {
      const form = new URLSearchParams(await readBody(req));
      requests.push({ path: url.pathname, form });
      const expectedAuth = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
      if (req.headers.authorization !== expectedAuth) return send(401, { error: 'invalid_client' });
      if (form.get('grant_type') === 'refresh_token') {
        // X rotates refresh tokens: the one just used stops working.
        const user = refreshTokens.get(form.get('refresh_token') ?? '');
        refreshTokens.delete(form.get('refresh_token') ?? '');
        if (!user)
          return send(400, {
            error: 'invalid_request',
            error_description: 'Value passed for the token was invalid.',
          });
        return send(200, issue(user));
      }
      const grant = grants.get(form.get('code') ?? '');
      grants.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (
        form.get('grant_type') !== 'authorization_code' ||
        !grant ||
        grant.codeChallenge !== challenge ||
        grant.redirectUri !== form.get('redirect_uri')
      ) {
        return send(400, {
          error: 'invalid_request',
          error_description: 'Value passed for the authorization code was invalid.',
        });
      }
      return send(200, issue(grant.user));
    }
    if (req.method === 'GET' && url.pathname === '/2/users/me') {
      const user = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (!user)
        return send(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
      return send(200, { data: user });
    }
    const reader = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    const route = url.pathname.match(/^\/2\/(users|tweets)\/(\d+)(?:\/(following|liked_tweets|tweets))?$/);
    if (req.method === 'GET' && route) {
      if (!reader)
        return send(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
      reads.push(url.pathname + url.search);
      const key = `${reader.id}:${route[1]}:${route[3] ?? 'one'}`;
      const now = Math.floor(Date.now() / 1000);
      const window = windows.get(key) ?? { used: 0, reset: now + 900 };
      if (window.reset <= now) Object.assign(window, { used: 0, reset: now + 900 });
      windows.set(key, window);
      const reset = forcedReset ?? window.reset;
      const exhausted = forcedReset !== null || window.used >= WINDOW_LIMIT;
      if (!exhausted) window.used += 1;
      res.setHeader('x-rate-limit-limit', String(WINDOW_LIMIT));
      res.setHeader('x-rate-limit-remaining', String(exhausted ? 0 : WINDOW_LIMIT - window.used));
      res.setHeader('x-rate-limit-reset', String(reset));
      if (exhausted)
        return send(429, {
          title: 'Too Many Requests',
          detail: 'Too Many Requests',
          type: 'about:blank',
          status: 429,
        });
      const id = route[2] ?? '';
      if (route[1] === 'tweets') {
        const post = posts.get(id);
        return post
          ? send(200, { data: post })
          : send(200, {
              errors: [
                {
                  value: id,
                  detail: `Could not find tweet with id: [${id}].`,
                  title: 'Not Found Error',
                  resource_type: 'tweet',
                  type: 'https://api.twitter.com/2/problems/resource-not-found',
                },
              ],
            });
      }
      if (route[3] === 'following')
        return send(
          200,
          paged(
            (following.get(id) ?? []).map((uid) => ({
              id: uid,
              username: `user${uid}`,
              name: `User ${uid}`,
            })),
            url,
          ),
        );
      if (route[3] === 'liked_tweets')
        return send(
          200,
          paged(
            (likes.get(id) ?? []).map((pid) => ({ id: pid, text: `post ${pid}` })),
            url,
          ),
        );
      if (route[3] === 'tweets')
        return send(200, paged([...posts.values()].filter((p) => p.author_id === id).reverse(), url));
    }
    send(404, { title: 'Not Found Error', status: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    requests,
    env: {
      X_CLIENT_ID: CLIENT_ID,
      X_CLIENT_SECRET: CLIENT_SECRET,
      X_AUTHORIZE_URL: `${baseUrl}/i/oauth2/authorize`,
      X_API_BASE_URL: baseUrl,
    },
    /** The member approves on X: returns the `code` X would send to the callback page. */
    approve(authorizeUrl: string, user: XUser): { code: string; state: string } {
      const url = new URL(authorizeUrl);
      const code = randomBytes(16).toString('base64url');
      grants.set(code, {
        codeChallenge: url.searchParams.get('code_challenge') ?? '',
        redirectUri: url.searchParams.get('redirect_uri') ?? '',
        clientId: url.searchParams.get('client_id') ?? '',
        user,
      });
      return { code, state: url.searchParams.get('state') ?? '' };
    },
    /** Paths and queries of the API v2 reads, in order. */
    reads,
    follow(user: XUser, accountId: string) {
      following.set(user.id, [...(following.get(user.id) ?? []), accountId]);
    },
    unfollow(user: XUser, accountId: string) {
      following.set(
        user.id,
        (following.get(user.id) ?? []).filter((id) => id !== accountId),
      );
    },
    /** Accounts the user follows before the ones the test cares about (pages to read through). */
    followMany(user: XUser, count: number) {
      const ids = Array.from({ length: count }, (_, i) => String(9_000_000 + i));
      following.set(user.id, [...ids, ...(following.get(user.id) ?? [])]);
    },
    like(user: XUser, postId: string) {
      likes.set(user.id, [...(likes.get(user.id) ?? []), postId]);
    },
    post(post: XFakePost) {
      posts.set(post.id, post);
    },
    deletePost(id: string) {
      posts.delete(id);
    },
    /** Items per page from now on (X's max_results still caps it). */
    setPageSize(size: number) {
      pageSize = size;
    },
    /** Every read answers 429 with this reset (Unix seconds) until `unthrottle`. */
    throttle(resetUnixSeconds: number) {
      forcedReset = resetUnixSeconds;
    },
    unthrottle() {
      forcedReset = null;
    },
    /** Access tokens stop working (as when they expire); refresh tokens still do. */
    expireAccessTokens() {
      tokens.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let userCounter = 0;
export function xUser(): XUser {
  userCounter += 1;
  const id = String(1_000_000_000 + Math.floor(Math.random() * 1e9) + userCounter);
  return {
    id,
    username: `puffyfan${userCounter}`,
    name: `Puffy Fan ${userCounter}`,
    profile_image_url: `https://pbs.twimg.com/profile_images/${id}/avatar_normal.jpg`,
  };
}
