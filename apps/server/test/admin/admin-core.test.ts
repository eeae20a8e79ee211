import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testSecrets } from '../../src/testing';
import { clientFor, failure } from '../support/helpers';
import { signInSolana, signInTon } from '../support/signin';
import { solanaWallet, tonWallet } from '../support/wallets';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../../..');

describe.each(testDatabases())('admin core on $label', (database) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let databaseUrl: string;
  const adminWallet = solanaWallet();
  const tonAdmin = tonWallet();
  let admin: ReturnType<typeof clientFor<AppRouter>>;
  let adminId: string;

  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    databaseUrl = created.url;
    await created.db.close();
    server = await startTestServer({
      env: {
        DATABASE_URL: created.url,
        TRUST_PROXY: 'true',
        // The TON admin is written in its raw form; sign-in stores the friendly one.
        ADMIN_WALLETS: `sol:${adminWallet.address},ton:${tonAdmin.address}`,
      },
    });
    const signedIn = await signInSolana(server.url, adminWallet);
    adminId = signedIn.session.user.id;
    admin = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${signedIn.session.accessToken}`, 'x-forwarded-for': '10.9.0.1' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  const bearer = (token: string) =>
    clientFor<AppRouter>(server.url, { headers: { authorization: `Bearer ${token}` } });

  it('makes configured wallets admins with every scope, whatever form the address was written in', async () => {
    const { session } = await signInTon(server.url, tonAdmin);
    expect(session.user.role).toBe('admin');
    expect(session.user.scopes.sort()).toEqual(['campaigns', 'orders', 'settings', 'users']);
  });

  it('grants scopes with an audit entry in the same change, and the member gets them at refresh', async () => {
    const member = await signInSolana(server.url);
    const result = await admin.admin.users.setScopes.mutate({
      userId: member.session.user.id,
      scopes: ['orders', 'campaigns'],
    });
    expect(result.user).toMatchObject({ role: 'admin', scopes: ['campaigns', 'orders'] });
    expect(result.sessionsEnded).toBe(0);

    const audit = await admin.admin.auditLog.query({ targetType: 'user', targetId: member.session.user.id });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      actorUserId: adminId,
      action: 'admin.scopes_set',
      before: { role: 'user', scopes: [] },
      after: { role: 'admin', scopes: ['campaigns', 'orders'] },
    });
    expect(audit.items[0]?.requestId).toMatch(/.+/);

    const events = await admin.admin.securityEvents.query({
      type: 'role_changed',
      userId: member.session.user.id,
    });
    expect(events.items).toHaveLength(1);

    const refreshed = await clientFor<AppRouter>(server.url).auth.refresh.mutate({
      refreshToken: member.session.refreshToken ?? '',
      delivery: 'body',
    });
    expect(refreshed.user.scopes).toEqual(['campaigns', 'orders']);
    // The new scope opens its doors; a scope not granted still does not.
    const orders = bearer(refreshed.accessToken ?? '');
    const refusal = await failure(orders.admin.auditLog.query({}));
    expect(refusal.data?.reason).toBe('missing_scope');
  });

  it('ends the sessions of a member who loses rights, so their tokens stop working at once', async () => {
    const member = await signInSolana(server.url);
    await admin.admin.users.setScopes.mutate({ userId: member.session.user.id, scopes: ['users'] });
    const promoted = await clientFor<AppRouter>(server.url).auth.refresh.mutate({
      refreshToken: member.session.refreshToken ?? '',
      delivery: 'body',
    });
    const asAdmin = bearer(promoted.accessToken ?? '');
    await expect(asAdmin.admin.users.search.query({})).resolves.toMatchObject({ items: expect.any(Array) });

    const revoked = await admin.admin.users.revokeAdmin.mutate({ userId: member.session.user.id });
    expect(revoked.user).toMatchObject({ role: 'user', scopes: [] });
    expect(revoked.sessionsEnded).toBeGreaterThanOrEqual(1);
    const refusal = await failure(asAdmin.admin.users.search.query({}));
    expect(refusal.data?.code).toBe('UNAUTHORIZED');
  });

  it('refuses to let an admin revoke themself, and changes nothing', async () => {
    const refusal = await failure(admin.admin.users.revokeAdmin.mutate({ userId: adminId }));
    expect(refusal.data?.code).toBe('BAD_REQUEST');
    const { db, t } = server.deps.db;
    const [row] = await db.select().from(t.users).where(eq(t.users.id, adminId));
    expect(row?.role).toBe('admin');
  });

  it('refuses an unknown member and an empty scope list with clear errors', async () => {
    expect(
      (await failure(admin.admin.users.setScopes.mutate({ userId: 'nobody', scopes: ['users'] }))).data?.code,
    ).toBe('NOT_FOUND');
    const empty = await failure(admin.admin.users.setScopes.mutate({ userId: adminId, scopes: [] }));
    expect(empty.data?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(empty.data)).toContain('Choose at least one scope');
  });

  it('pages through members newest first with a stable cursor, and refuses a forged cursor', async () => {
    const marker = `page-${crypto.randomUUID().slice(0, 8)}`;
    const { db, t } = server.deps.db;
    const base = Date.now();
    await db.insert(t.users).values(
      Array.from({ length: 25 }, (_, i) => ({
        id: `${marker}-${String(i).padStart(2, '0')}`,
        walletAddress: solanaWallet().address,
        walletChain: 'sol' as const,
        name: `${marker} member ${i}`,
        createdAt: new Date(base - i * 1000),
        updatedAt: new Date(base),
      })),
    );
    const first = await admin.admin.users.search.query({ query: marker });
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const second = await admin.admin.users.search.query({ query: marker, cursor: first.nextCursor ?? '' });
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((u) => u.id);
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => `${marker}-${String(i).padStart(2, '0')}`));
    const forged = await failure(admin.admin.users.search.query({ cursor: 'not-a-cursor' }));
    expect(forged.data?.code).toBe('BAD_REQUEST');
    const tooMany = await failure(admin.admin.users.search.query({ limit: 101 }));
    expect(tooMany.data?.code).toBe('BAD_REQUEST');
  });

  it('keeps the allowed media hosts valid and audited', async () => {
    const bad = await failure(
      admin.admin.settings.setMediaHosts.mutate({ hosts: ['https://cdn.example.com/x'] }),
    );
    expect(bad.data?.code).toBe('BAD_REQUEST');
    expect(await admin.admin.settings.mediaHosts.query()).toEqual({ hosts: [] });

    const set = await admin.admin.settings.setMediaHosts.mutate({
      hosts: ['CDN.Example.com', 'media.puffy.test'],
    });
    expect(set.hosts).toEqual(['cdn.example.com', 'media.puffy.test']);
    const audit = await admin.admin.auditLog.query({ targetType: 'settings' });
    expect(audit.items[0]).toMatchObject({ action: 'settings.media_hosts_set', after: set.hosts });
  });

  it('grants and revokes from the command line with `pnpm admin:grant`', async () => {
    const wallet = solanaWallet();
    const env = { ...process.env, ...testSecrets(), DATABASE_URL: databaseUrl, NODE_ENV: 'test' };
    const granted = await run('pnpm', ['-s', 'admin:grant', `sol:${wallet.address}`, 'orders'], {
      cwd: root,
      env,
    });
    expect(granted.stdout).toContain(`sol:${wallet.address} is now admin with orders`);
    const { db, t } = server.deps.db;
    const [row] = await db
      .select()
      .from(t.users)
      .where(and(eq(t.users.walletChain, 'sol'), eq(t.users.walletAddress, wallet.address)));
    expect(row).toMatchObject({ role: 'admin', adminScopes: ['orders'] });
    const cliAudit = await admin.admin.auditLog.query({ targetId: row?.id ?? '' });
    expect(cliAudit.items[0]).toMatchObject({ actorUserId: null, requestId: 'cli:admin-grant' });

    await run('pnpm', ['-s', 'admin:grant', `sol:${wallet.address}`, '--revoke'], { cwd: root, env });
    const [after] = await db
      .select()
      .from(t.users)
      .where(eq(t.users.id, row?.id ?? ''));
    expect(after?.role).toBe('user');

    const wrong = await failure(
      run('pnpm', ['-s', 'admin:grant', 'sol:not-a-wallet'], { cwd: root, env }).then(() => {
        throw new Error('expected a failure');
      }),
    ).catch((error: { stderr?: string }) => error);
    expect(String((wrong as { stderr?: string }).stderr)).toContain('is not chain:address');
    // Three runs of the command, each starting tsx and the api: up to half a minute each beside a full run.
  }, 180_000);
});
