import { appRouter, listProcedures, type ProcedureInfo } from '@puffy/api';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing';
import { signInSolana } from './signin';
import { solanaWallet } from './wallets';

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
    const token = await tokenFor(identity);
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
});
