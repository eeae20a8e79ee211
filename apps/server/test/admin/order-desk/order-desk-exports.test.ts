import { testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInSolana } from '../../support/signin';
import { createMember, createOrder, type DeskWorld, startDeskWorld } from './support/order-desk-fixtures';

describe.each(testDatabases())('orders desk exports on $label', (factory) => {
  let world: DeskWorld;
  let token: string;
  beforeAll(async () => {
    world = await startDeskWorld(factory);
    // An admin holding only the orders scope: the exports of this desk must need no more.
    const member = await signInSolana(world.server.url);
    const { db, t } = world.deps.db;
    await db
      .update(t.users)
      .set({ role: 'admin', adminScopes: ['orders'] })
      .where(eq(t.users.id, member.session.user.id));
    token = (await signInSolana(world.server.url, member.wallet)).session.accessToken ?? '';
  });
  afterAll(async () => {
    await world?.close();
  });

  const download = (file: string, bearerToken = token) =>
    fetch(`${world.server.url}/admin/exports/${file}`, {
      headers: { authorization: `Bearer ${bearerToken}` },
    });

  it('streams every order as CSV with formula cells escaped, and the warnings view as its own export', async () => {
    const member = await createMember(world.deps);
    const plain = await createOrder(world.deps, { userId: member.id, name: '=HYPERLINK("http://evil")' });
    const warned = await createOrder(world.deps, { userId: member.id, warnings: ['no such postal code'] });

    const all = await download('orders.csv');
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toContain('text/csv');
    const text = await all.text();
    expect(text.split('\r\n')[0]).toBe(
      'id,created_at,status,user_id,wallet_address,total_usdt,skus,name,email,country,address_warnings,transaction_hash,cancel_reason',
    );
    expect(text).toContain(plain);
    expect(text).toContain(warned);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);

    const warnings = await (await download('orders-address-warnings.json')).json();
    expect(warnings).toEqual([
      expect.objectContaining({ id: warned, address_warnings: 'no such postal code', total_usdt: '99.00' }),
    ]);
  });

  it('exports the treasury problems, and refuses an admin without the orders scope', async () => {
    const treasury = await download('treasury.csv');
    expect(treasury.status).toBe(200);
    expect((await treasury.text()).split('\r\n')[0]).toContain('refund_amount');

    const usersOnly = await signInSolana(world.server.url);
    const { db, t } = world.deps.db;
    await db
      .update(t.users)
      .set({ role: 'admin', adminScopes: ['users'] })
      .where(eq(t.users.id, usersOnly.session.user.id));
    const narrow = (await signInSolana(world.server.url, usersOnly.wallet)).session.accessToken ?? '';
    expect((await download('orders.csv', narrow)).status).toBe(403);
  });
});
