import { randomUUID } from 'node:crypto';
import { appRouter, exportDataset, exportDatasetNames, listProcedures, type ProcedureInfo } from '@puffy/api';
import { type TAdminScope, ZAdminScope } from '@puffy/contracts';
import { eq } from 'drizzle-orm';
import { findTargetHandler, isMiddleware } from 'hono/utils/handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { type RouteAccess, routeAccessOf } from '../../src/http/access';
import { createMetrics } from '../../src/metrics';
import { startTestServer, type TestServer, testSecrets } from '../../src/testing';
import { signInSolana } from '../support/signin';
import { solanaWallet } from '../support/wallets';

type Identity = 'anonymous' | 'member' | 'otherMember' | 'narrowAdmin' | 'admin';

/**
 * Every procedure of the real router, called over HTTP as each identity. Authorization runs before
 * input parsing, so an empty input is enough to see whether the caller got past the door: the
 * kinds' own refusal reasons mean refused; anything else (a result, a 400 for the empty input, a
 * domain error) means let in.
 */
describe('authorization matrix', () => {
  let server: TestServer;
  const tokens: Partial<Record<Identity, string>> = {};
  const userIds: Partial<Record<Identity, string>> = {};
  const adminWallet = solanaWallet();
  const narrowAdminWallet = solanaWallet();

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        TRUST_PROXY: 'true',
        ADMIN_WALLETS: `sol:${adminWallet.address},sol:${narrowAdminWallet.address}`,
      },
    });
  });
  afterAll(() => server.close());

  /** A fresh session per call, so a procedure that signs out cannot spoil the next one. */
  async function tokenFor(identity: Identity): Promise<string | undefined> {
    if (identity === 'anonymous') return undefined;
    const wallet =
      identity === 'admin' ? adminWallet : identity === 'narrowAdmin' ? narrowAdminWallet : undefined;
    const { session } = await signInSolana(server.url, wallet);
    userIds[identity] ??= session.user.id;
    if (identity === 'narrowAdmin' && tokens.narrowAdmin === undefined) {
      // An operator without any scope the procedures need: "admin" alone must not be enough.
      const { db, t } = server.deps.db;
      await db.update(t.users).set({ adminScopes: [] }).where(eq(t.users.id, session.user.id));
      tokens.narrowAdmin = 'narrowed';
      return (await signInSolana(server.url, narrowAdminWallet)).session.accessToken;
    }
    return session.accessToken;
  }

  /** The procedure kind's own refusals; a public procedure may still answer 401 for a domain reason. */
  const DOOR = new Set(['sign_in_required', 'not_admin', 'missing_scope', 'not_self']);

  async function call(procedure: ProcedureInfo, identity: Identity, input: unknown): Promise<string> {
    return send(procedure, await tokenFor(identity), input);
  }

  async function send(procedure: ProcedureInfo, token: string | undefined, input: unknown): Promise<string> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-forwarded-for': `10.7.0.${Math.floor(Math.random() * 250)}`,
    };
    if (token) headers.authorization = `Bearer ${token}`;
    const url = `${server.url}/trpc/${procedure.path}`;
    const response =
      procedure.type === 'mutation'
        ? await fetch(url, { method: 'POST', headers, body: JSON.stringify(input) })
        : await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
    const body = (await response.json()) as { error?: { data?: { reason?: string | null } } };
    const reason = body.error?.data?.reason ?? '';
    return DOOR.has(reason) ? reason : `let in (${response.status})`;
  }

  const refused = (outcome: string) => DOOR.has(outcome);
  const procedures = listProcedures(appRouter).filter((p) => p.type !== 'subscription');

  it('covers every procedure of the router', () => {
    expect(procedures.length).toBeGreaterThan(0);
    for (const p of procedures) expect(p.meta?.kind, p.path).toBeDefined();
  });

  it.each(procedures)('$path ($meta.kind)', async (procedure) => {
    const kind = procedure.meta?.kind;
    const anonymous = await call(procedure, 'anonymous', {});
    if (kind === 'public') {
      expect(refused(anonymous)).toBe(false);
      return;
    }
    expect(anonymous).toBe('sign_in_required');
    const member = await call(procedure, 'member', {});
    if (kind === 'authed') {
      expect(refused(member)).toBe(false);
      return;
    }
    if (kind === 'admin') {
      expect(member).toBe('not_admin');
      expect(await call(procedure, 'narrowAdmin', {})).toBe('missing_scope');
      expect(refused(await call(procedure, 'admin', {}))).toBe(false);
      return;
    }
    if (kind === 'selfOrAdmin') {
      await tokenFor('otherMember');
      const someoneElse = { userId: userIds.otherMember };
      expect(await call(procedure, 'member', someoneElse)).toBe('not_self');
      expect(refused(await call(procedure, 'admin', someoneElse))).toBe(false);
      return;
    }
    throw new Error(`unknown kind ${String(kind)} on ${procedure.path}`);
  });

  /**
   * Where the door is one scope among several an operator could plausibly need, an operator holding
   * every other scope is refused: reviewing activities awards a campaign's points, so it is a
   * campaign matter.
   */
  const SCOPED: { prefix: string; scope: TAdminScope }[] = [
    { prefix: 'admin.activities.', scope: 'campaigns' },
    // The shop's catalog, prices and shipping are settings, not an order or campaign matter.
    { prefix: 'admin.store.', scope: 'settings' },
  ];

  it.each(SCOPED)(
    '$prefix* is refused to an operator without the $scope scope',
    async ({ prefix, scope }) => {
      const scoped = procedures.filter((p) => p.path.startsWith(prefix));
      expect(scoped.map((p) => p.path)).not.toEqual([]);
      const wallet = solanaWallet();
      const { session } = await signInSolana(server.url, wallet);
      const { db, t } = server.deps.db;
      const tokenWith = async (scopes: TAdminScope[]) => {
        await db
          .update(t.users)
          .set({ role: 'admin', adminScopes: scopes })
          .where(eq(t.users.id, session.user.id));
        return (await signInSolana(server.url, wallet)).session.accessToken;
      };
      const others = await tokenWith(ZAdminScope.options.filter((s) => s !== scope));
      const right = await tokenWith([scope]);
      for (const procedure of scoped) {
        expect(procedure.meta?.kind, procedure.path).toBe('admin');
        expect(await send(procedure, others, {}), procedure.path).toBe('missing_scope');
        expect(refused(await send(procedure, right, {})), procedure.path).toBe(false);
      }
    },
  );
});

/**
 * The plain HTTP routes (those outside tRPC) that anyone may call, or that check a token of their own
 * (`/metrics`). `/trpc/*` is every procedure, checked above. Any other route must declare its access
 * with the middlewares of apps/server/src/http/access.ts and have requests in GUARDED_REQUESTS.
 */
const PUBLIC_HTTP_ROUTES = [
  'GET /health',
  'GET /ready',
  'GET /metrics',
  'GET /robots.txt',
  'GET /sitemap.xml',
  'GET /tonconnect-manifest.json',
  'GET /tonconnect/wallets.json',
  'GET /tonconnect/icons/:name',
  'GET /nft/:id',
  'GET /nft/:id/metadata.json',
  'ALL /trpc/*',
  // The signed token in the path is the credential (docs/product/tasks.md); tested in task-kinds.test.ts.
  'GET /go/:token',
];

interface GuardedRequest {
  /** The route as the app lists it: method and path pattern. */
  route: string;
  label: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** The admin scope this request needs (an export names its own). */
  scope?: TAdminScope;
}

const EXPORT_ROUTE = 'GET /admin/exports/:file{[a-z-]+\\.(csv|json)}';
const UPLOAD_ROUTE = 'POST /admin/snapshots/:id{[0-9a-f-]{36}}/upload';

/** At least one request for every guarded route; one per export, since each export needs its own scope. */
const GUARDED_REQUESTS: GuardedRequest[] = [
  ...exportDatasetNames().map(
    (name): GuardedRequest => ({
      route: EXPORT_ROUTE,
      label: `GET /admin/exports/${name}.csv`,
      method: 'GET',
      path: `/admin/exports/${name}.csv`,
      scope: exportDataset(name)?.scope,
    }),
  ),
  {
    route: UPLOAD_ROUTE,
    label: 'POST /admin/snapshots/:id/upload',
    method: 'POST',
    path: `/admin/snapshots/${randomUUID()}/upload`,
    body: 'wallet,chain\n',
    scope: 'campaigns',
  },
  {
    route: 'POST /bot/discord/codes',
    label: 'POST /bot/discord/codes',
    method: 'POST',
    path: '/bot/discord/codes',
    body: JSON.stringify({ campaignId: 1, discordUserId: '123456789012345678', discordUsername: 'someone' }),
  },
  {
    route: 'POST /api/v1/campaigns/:campaignId/tasks/:activityId/completions',
    label: 'POST /api/v1/campaigns/:campaignId/tasks/:activityId/completions',
    method: 'POST',
    path: '/api/v1/campaigns/1/tasks/1/completions',
    body: JSON.stringify({ wallet: '11111111111111111111111111111111' }),
  },
];

/** The refusals of the access checks the tRPC kinds and the HTTP middlewares share. */
const HTTP_DOOR = new Set(['sign_in_required', 'not_admin', 'missing_scope', 'csrf', 'bad_origin']);

/**
 * Every plain HTTP route of the app, called as each kind of caller: the same door as a procedure's
 * (session, scope, same-site and CSRF), with the same refusals and statuses.
 */
describe('authorization matrix of the plain HTTP routes', () => {
  let server: TestServer;
  let origin: string;
  /** What each route of the app declares, read from the app the server runs. */
  const declared = new Map<string, RouteAccess | null>();
  let forwarded = 0;
  /** Each sign-in from its own address, so the sign-in limits per address never get in the way. */
  const nextIp = () => {
    forwarded += 1;
    return `10.9.${forwarded >> 8}.${forwarded & 255}`;
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: 'true' } });
    origin = server.deps.config.publicOrigin;
    const app = createApp({
      config: loadConfig({ ...testSecrets(), NODE_ENV: 'test' }),
      deps: server.deps,
      metrics: createMetrics(),
    });
    for (const route of app.routes) {
      const key = `${route.method} ${route.path}`;
      const access = routeAccessOf(route.handler);
      if (access) declared.set(key, access);
      else if (!isMiddleware(findTargetHandler(route.handler)) && !declared.has(key)) declared.set(key, null);
    }
  });
  afterAll(() => server.close());

  async function trpcCall<T>(path: string, input: unknown, headers: Record<string, string>) {
    const response = await fetch(`${server.url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { result: { data: T } };
    return { response, data: body.result.data };
  }

  /** Signs a wallet in the way the console does (cookies and a CSRF token) or as an API client does. */
  async function signIn(wallet: ReturnType<typeof solanaWallet>, delivery: 'cookie' | 'body') {
    const headers = { 'x-forwarded-for': nextIp() };
    const { data: challenge } = await trpcCall<{ challengeId: string; message: string }>(
      'auth.challenge',
      { chain: 'sol', address: wallet.address },
      headers,
    );
    const { response, data } = await trpcCall<{ accessToken?: string; csrfToken: string }>(
      'auth.verify',
      {
        challengeId: challenge.challengeId,
        proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
        delivery,
      },
      headers,
    );
    const cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    return { bearer: data.accessToken ?? '', cookie, csrfToken: data.csrfToken };
  }

  /** A member made an operator holding exactly `scopes`, signed in both ways. */
  async function operator(scopes: TAdminScope[]) {
    const wallet = solanaWallet();
    const { session } = await signInSolana(server.url, wallet);
    const { db, t } = server.deps.db;
    await db
      .update(t.users)
      .set({ role: 'admin', adminScopes: scopes })
      .where(eq(t.users.id, session.user.id));
    const { cookie, csrfToken } = await signIn(wallet, 'cookie');
    return { bearer: (await signIn(wallet, 'body')).bearer, cookie, csrfToken };
  }

  /** The status and the refusal reason (if any) of one request. */
  async function send(request: GuardedRequest, headers: Record<string, string>) {
    const response = await fetch(`${server.url}${request.path}`, {
      method: request.method,
      headers: { 'x-forwarded-for': nextIp(), ...headers },
      body: request.body,
    });
    const text = await response.text();
    let reason: string | null = null;
    try {
      reason = (JSON.parse(text) as { error?: { reason?: string | null } }).error?.reason ?? null;
    } catch {
      // A file or a stream: nobody was refused.
    }
    return { status: response.status, reason };
  }

  const letIn = (outcome: { status: number; reason: string | null }) =>
    outcome.status !== 401 && outcome.status !== 403 && !HTTP_DOOR.has(outcome.reason ?? '');

  it('lists every plain HTTP route: public, or declaring its access and called below', () => {
    const open = [...declared].filter(([, access]) => !access).map(([route]) => route);
    const guarded = [...declared].filter(([, access]) => access).map(([route]) => route);
    expect(open.sort()).toEqual([...PUBLIC_HTTP_ROUTES].sort());
    expect(guarded.sort()).toEqual([...new Set(GUARDED_REQUESTS.map((r) => r.route))].sort());
    for (const request of GUARDED_REQUESTS) {
      const access = declared.get(request.route);
      if (access?.kind === 'admin' && access.scope !== 'per-request')
        expect(request.scope, request.label).toBe(access.scope);
      if (access?.kind === 'admin') expect(request.scope, request.label).toBeDefined();
    }
  });

  it.each(GUARDED_REQUESTS)('$label', async (request) => {
    const access = declared.get(request.route);
    if (access?.kind === 'signedBot') {
      // A session opens nothing here: only the campaign's signature does.
      const someOperator = await operator([...ZAdminScope.options]);
      expect(await send(request, {})).toEqual({ status: 401, reason: 'bot_unsigned' });
      expect(await send(request, { authorization: `Bearer ${someOperator.bearer}` })).toEqual({
        status: 401,
        reason: 'bot_unsigned',
      });
      expect(
        await send(request, {
          'x-bot-timestamp': String(Math.floor(Date.now() / 1000)),
          'x-bot-signature': 'a'.repeat(64),
        }),
      ).toEqual({ status: 401, reason: 'bot_signature' });
      return;
    }
    if (access?.kind === 'partnerKey') {
      // Neither a session nor an operator's cookie opens the partner API: only a partner key does.
      const someOperator = await operator([...ZAdminScope.options]);
      expect(await send(request, {})).toEqual({ status: 401, reason: 'no_key' });
      expect(await send(request, { authorization: `Bearer ${someOperator.bearer}` })).toEqual({
        status: 401,
        reason: 'no_key',
      });
      expect(
        await send(request, { cookie: someOperator.cookie, 'x-csrf-token': someOperator.csrfToken }),
      ).toEqual({ status: 401, reason: 'no_key' });
      expect(
        await send(request, { authorization: `Bearer puffy_pk${'a'.repeat(16)}_${'A'.repeat(43)}` }),
      ).toEqual({ status: 401, reason: 'unknown_key' });
      return;
    }
    if (access?.kind !== 'admin' || !request.scope)
      throw new Error(`no access declared for ${request.label}`);
    const scope = request.scope;

    expect(await send(request, {})).toEqual({ status: 401, reason: 'sign_in_required' });
    const member = await signIn(solanaWallet(), 'body');
    expect(await send(request, { authorization: `Bearer ${member.bearer}` })).toEqual({
      status: 403,
      reason: 'not_admin',
    });
    const wrongScope = await operator(ZAdminScope.options.filter((s) => s !== scope));
    expect(await send(request, { authorization: `Bearer ${wrongScope.bearer}` })).toEqual({
      status: 403,
      reason: 'missing_scope',
    });

    const right = await operator([scope]);
    const fromConsole = { cookie: right.cookie, 'x-csrf-token': right.csrfToken };
    // What a link, a form or a script on another site makes the browser send: the cookie, no header.
    expect(await send(request, { cookie: right.cookie })).toEqual({ status: 403, reason: 'csrf' });
    expect(await send(request, { cookie: right.cookie, 'x-csrf-token': 'stale' })).toEqual({
      status: 403,
      reason: 'csrf',
    });
    expect(await send(request, { ...fromConsole, 'sec-fetch-site': 'cross-site' })).toEqual({
      status: 403,
      reason: 'bad_origin',
    });
    expect(await send(request, { ...fromConsole, origin: 'https://evil.example.net' })).toEqual({
      status: 403,
      reason: 'bad_origin',
    });
    expect(
      await send(request, { authorization: `Bearer ${right.bearer}`, 'sec-fetch-site': 'cross-site' }),
    ).toEqual({ status: 403, reason: 'bad_origin' });

    expect(letIn(await send(request, { ...fromConsole, origin, 'sec-fetch-site': 'same-origin' }))).toBe(
      true,
    );
    expect(letIn(await send(request, { authorization: `Bearer ${right.bearer}` }))).toBe(true);
  });
});
