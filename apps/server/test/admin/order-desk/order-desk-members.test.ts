import type { AppRouter, Deps } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, failure } from '../../support/helpers';
import { signInSolana } from '../../support/signin';
import {
  auditRows,
  bearer,
  createMember,
  createOrder,
  type DeskWorld,
  startDeskWorld,
} from './support/order-desk-fixtures';

describe.each(testDatabases())('admin members and products on $label', (factory) => {
  let world: DeskWorld;
  let deps: Deps;
  beforeAll(async () => {
    world = await startDeskWorld(factory);
    deps = world.deps;
  });
  afterAll(async () => {
    await world?.close();
  });

  it('looks a member up by wallet, linked wallet, email, X id or handle', async () => {
    const member = await createMember(deps, { email: 'Lookup.Me@example.com', twitterId: '4455667788' });
    const { t } = deps.db;
    await deps.db.db.update(t.users).set({ twitterHandle: 'LookupMe' }).where(eq(t.users.id, member.id));
    await deps.db.db
      .insert(t.userWallets)
      .values({ userId: member.id, chain: 'evm', address: '0xLinkedWallet01' });
    const lookup = async (query: string) =>
      (await world.admin.admin.members.lookup.query({ query })).map((u) => u.id);
    expect(await lookup(member.walletAddress)).toEqual([member.id]);
    expect(await lookup('0xLinkedWallet01')).toEqual([member.id]);
    expect(await lookup('lookup.me@EXAMPLE.com')).toEqual([member.id]);
    expect(await lookup('4455667788')).toEqual([member.id]);
    expect(await lookup('@lookupme')).toEqual([member.id]);
    expect(await lookup('nobody-at-all')).toEqual([]);
  });

  it("shows a member's standing: profile, sessions, orders by status and device passes", async () => {
    const signedIn = await signInSolana(world.server.url);
    const userId = signedIn.session.user.id;
    await createOrder(deps, { userId, status: 'confirmed' });
    await createOrder(deps, { userId, status: 'confirmed' });
    await createOrder(deps, { userId, status: 'cancelled' });
    await world.admin.admin.products.grantPass.mutate({ userId, reason: 'support ticket 12' });
    const standing = await world.admin.admin.members.standing.query({ userId });
    expect(standing).toMatchObject({
      role: 'user',
      activeSessions: 1,
      orders: { confirmed: 2, cancelled: 1 },
      devicePasses: { active: 1, used: 0, revoked: 0 },
    });
    expect(standing.info.walletAddress).toBe(signedIn.wallet.address);
    expect((await failure(world.admin.admin.members.standing.query({ userId: 'nobody' }))).data?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('locks and unlocks an avatar, each change audited', async () => {
    const member = await createMember(deps);
    await expect(
      world.admin.admin.members.setAvatarLock.mutate({ userId: member.id, locked: true }),
    ).resolves.toEqual({ userId: member.id, avatarLocked: true });
    const { t } = deps.db;
    const [row] = await deps.db.db.select().from(t.users).where(eq(t.users.id, member.id));
    expect(row?.avatarLocked).toBe(true);
    await world.admin.admin.members.setAvatarLock.mutate({ userId: member.id, locked: false });
    const audit = await auditRows(deps, member.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['user.avatar_locked', 'user.avatar_unlocked']);
  });

  it("revokes all of a member's sessions so their tokens stop working at once", async () => {
    const first = await signInSolana(world.server.url);
    const second = await signInSolana(world.server.url, first.wallet);
    const userId = first.session.user.id;
    const asMember = bearer(world.server.url, first.session.accessToken ?? '');
    await expect(asMember.user.info.query()).resolves.toMatchObject({ id: userId });
    const result = await world.admin.admin.members.revokeSessions.mutate({ userId });
    expect(result).toEqual({ userId, sessionsEnded: 2 });
    expect((await failure(asMember.user.info.query())).data?.code).toBe('UNAUTHORIZED');
    const refreshed = await failure(
      clientFor<AppRouter>(world.server.url).auth.refresh.mutate({
        refreshToken: second.session.refreshToken ?? '',
        delivery: 'body',
      }),
    );
    expect(refreshed.data?.code).toBe('UNAUTHORIZED');
    const [audit] = await auditRows(deps, userId, 'user.sessions_revoked');
    expect(audit?.before).toEqual({ activeSessions: 2 });
  });

  it('grants and revokes products; a granted device entitles the member to a pass they create', async () => {
    const signedIn = await signInSolana(world.server.url);
    const userId = signedIn.session.user.id;
    const asMember = bearer(world.server.url, signedIn.session.accessToken ?? '');
    expect((await asMember.device.pass.summary.query()).available).toBe(0);

    const grant = await world.admin.admin.products.grant.mutate({
      userId,
      productSku: 'device-vape',
      reason: 'replacement for a broken device',
    });
    expect(grant).toMatchObject({
      userId,
      productSku: 'device-vape',
      source: 'admin',
      grantedBy: world.adminId,
    });
    expect((await asMember.device.pass.summary.query()).available).toBe(1);

    await world.admin.admin.products.revoke.mutate({ grantId: grant.id, reason: 'granted by mistake' });
    expect((await asMember.device.pass.summary.query()).available).toBe(0);
    const again = await failure(
      world.admin.admin.products.revoke.mutate({ grantId: grant.id, reason: 'again' }),
    );
    expect(again.data?.code).toBe('CONFLICT');
    const unknown = await failure(
      world.admin.admin.products.grant.mutate({ userId, productSku: 'no-such-sku', reason: 'typo test' }),
    );
    expect(unknown.data?.code).toBe('NOT_FOUND');

    const listed = await world.admin.admin.products.ofMember.query({ userId });
    expect(listed.products).toHaveLength(1);
    expect(listed.products[0]?.revokedAt).not.toBeNull();
    const actions = (await auditRows(deps, userId)).map((a) => a.action).sort();
    expect(actions).toEqual(['product.granted', 'product.revoked']);
  });

  it('grants a device pass the member can use, and revokes an unused one', async () => {
    const signedIn = await signInSolana(world.server.url);
    const userId = signedIn.session.user.id;
    const pass = await world.admin.admin.products.grantPass.mutate({ userId, reason: 'influencer kit' });
    expect(pass).toMatchObject({ status: 'active', source: 'admin' });
    const asMember = bearer(world.server.url, signedIn.session.accessToken ?? '');
    const summary = await asMember.device.pass.summary.query();
    expect(summary.passes.map((p) => p.code)).toEqual([pass.code]);
    expect(summary.available).toBe(0);
    await expect(asMember.device.pass.validate.mutate({ code: pass.code })).resolves.toMatchObject({
      valid: true,
    });

    const revoked = await world.admin.admin.products.revokePass.mutate({ passId: pass.id, reason: 'leaked' });
    expect(revoked.status).toBe('revoked');
    const twice = await failure(
      world.admin.admin.products.revokePass.mutate({ passId: pass.id, reason: 'again' }),
    );
    expect(twice.data?.code).toBe('CONFLICT');
    expect((await auditRows(deps, userId)).map((a) => a.action).sort()).toEqual([
      'device_pass.granted',
      'device_pass.revoked',
    ]);
  });

  it('keeps members and products behind the users scope', async () => {
    const ordersOnly = await world.scopedAdmin(['orders']);
    const refusal = await failure(
      ordersOnly.admin.products.grantPass.mutate({ userId: 'x', reason: 'nope' }),
    );
    expect(refusal.data?.reason).toBe('missing_scope');
  });
});
