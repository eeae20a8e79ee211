import { randomBytes, randomUUID } from 'node:crypto';
import type { AppRouter, Deps } from '@puffy/api';
import type { TOrderStatus } from '@puffy/contracts';
import type { TestDatabaseFactory } from '@puffy/db/testing';
import bs58 from 'bs58';
import { and, eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../../../src/testing';
import { clientFor } from '../../../support/helpers';
import { signInSolana } from '../../../support/signin';
import { solanaWallet } from '../../../support/wallets';

export type Client = ReturnType<typeof clientFor<AppRouter>>;

/** A random base58 string of 64 bytes: the shape of a Solana transaction signature. */
export const signature = (): string => bs58.encode(randomBytes(64));

export interface DeskWorld {
  server: TestServer;
  deps: Deps;
  admin: Client;
  /** The same admin, one HTTP request per call (for races: a batch is capped in size). */
  unbatched: Client;
  adminId: string;
  /** A client signed in as a fresh admin holding only these scopes. */
  scopedAdmin(scopes: Array<'campaigns' | 'orders' | 'users' | 'settings'>): Promise<Client>;
  close(): Promise<void>;
}

let ipCounter = 0;
export const bearer = (url: string, token: string, batch = true): Client => {
  ipCounter += 1;
  return clientFor<AppRouter>(url, {
    batch,
    headers: {
      authorization: `Bearer ${token}`,
      'x-forwarded-for': `10.44.${ipCounter >> 8}.${ipCounter & 255}`,
    },
  });
};

/** A real server on a fresh database of the dialect, seeded with the demo catalog, with an admin. */
export async function startDeskWorld(factory: TestDatabaseFactory): Promise<DeskWorld> {
  const database = await factory.create();
  await database.db.close();
  const adminWallet = solanaWallet();
  const server = await startTestServer({
    env: {
      DATABASE_URL: database.url,
      TRUST_PROXY: 'true',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'silent',
      ADMIN_WALLETS: `sol:${adminWallet.address}`,
    },
  });
  const signedIn = await signInSolana(server.url, adminWallet);
  const adminId = signedIn.session.user.id;
  return {
    server,
    deps: server.deps,
    admin: bearer(server.url, signedIn.session.accessToken ?? ''),
    unbatched: bearer(server.url, signedIn.session.accessToken ?? '', false),
    adminId,
    async scopedAdmin(scopes) {
      const wallet = solanaWallet();
      const first = await signInSolana(server.url, wallet);
      const { db, t } = server.deps.db;
      await db
        .update(t.users)
        .set({ role: 'admin', adminScopes: scopes })
        .where(eq(t.users.id, first.session.user.id));
      const again = await signInSolana(server.url, wallet);
      return bearer(server.url, again.session.accessToken ?? '');
    },
    close: async () => {
      await server.close();
      await database.drop();
    },
  };
}

/** A member row with a verified email (so order emails have somewhere to go). */
export async function createMember(deps: Deps, options: { email?: string; twitterId?: string } = {}) {
  const { t } = deps.db;
  const wallet = solanaWallet();
  const [user] = await deps.db.db
    .insert(t.users)
    .values({
      walletAddress: wallet.address,
      walletChain: 'sol',
      email: options.email ?? `m-${randomUUID().slice(0, 8)}@example.com`,
      twitterId: options.twitterId ?? null,
    })
    .returning();
  if (!user) throw new Error('member not created');
  return user;
}

export interface OrderFixture {
  userId: string;
  status?: TOrderStatus;
  sku?: string;
  country?: string;
  name?: string;
  email?: string;
  warnings?: string[];
  createdAt?: Date;
  paymentTxHash?: string | null;
}

/** An order as checkout would have written it (quote, order, one item, address), in any status. */
export async function createOrder(deps: Deps, f: OrderFixture): Promise<string> {
  const { db, t } = deps.db;
  const at = f.createdAt ?? new Date();
  const [product] = await db
    .select()
    .from(t.rcProducts)
    .where(eq(t.rcProducts.sku, f.sku ?? 'device-vape'))
    .limit(1);
  if (!product) throw new Error('catalog not seeded');
  return deps.db.withTransaction(async (tx) => {
    const [quote] = await tx
      .insert(t.quotes)
      .values({
        userId: f.userId,
        payload: {},
        totalCents: 9900n,
        rulesHash: 'test',
        expiresAt: at,
        createdAt: at,
      })
      .returning({ id: t.quotes.id });
    if (!quote) throw new Error('quote not created');
    const [order] = await tx
      .insert(t.orders)
      .values({
        userId: f.userId,
        status: f.status ?? 'confirmed',
        quoteId: quote.id,
        subtotalCents: 9900n,
        discountCents: 0n,
        shippingCents: 0n,
        totalCents: 9900n,
        reference: randomUUID(),
        idempotencyKey: randomUUID(),
        requestHash: 'test',
        payBefore: at,
        paymentTxHash: f.paymentTxHash === undefined ? signature() : f.paymentTxHash,
        addressWarnings: f.warnings ?? [],
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: t.orders.id });
    if (!order) throw new Error('order not created');
    await tx.insert(t.orderItems).values({
      orderId: order.id,
      productId: product.id,
      kind: product.kind,
      variant: product.variant ?? 'vape',
      quantity: 1,
      unitPriceCents: 9900n,
    });
    await tx.insert(t.shippingAddresses).values({
      orderId: order.id,
      name: f.name ?? 'Ada Lovelace',
      email: f.email ?? 'ada@example.com',
      phone: '+1 415 555 2671',
      line1: '1 Market St',
      city: 'San Francisco',
      postalCode: '94105',
      country: f.country ?? 'US',
    });
    return order.id;
  });
}

export async function orderStatus(deps: Deps, orderId: string): Promise<string | undefined> {
  const o = deps.db.t.orders;
  const [row] = await deps.db.db.select({ status: o.status }).from(o).where(eq(o.id, orderId));
  return row?.status;
}

export async function auditRows(deps: Deps, targetId: string, action?: string) {
  const a = deps.db.t.auditLog;
  return deps.db.db
    .select()
    .from(a)
    .where(and(eq(a.targetId, targetId), action ? eq(a.action, action) : undefined));
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The email the worker sent (or is sending) for this order event, once it exists. */
export async function emailFor(deps: Deps, kind: string, orderId: string) {
  const n = deps.db.t.notifications;
  return waitFor(async () => {
    const [row] = await deps.db.db
      .select()
      .from(n)
      .where(eq(n.dedupeKey, `${kind}:${orderId}`));
    return row;
  });
}
