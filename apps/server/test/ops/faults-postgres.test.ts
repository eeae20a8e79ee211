import { createDb, rawRows } from '@puffy/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { type OwnPostgres, ownPostgres } from '../support/own-services';
import { signInSolana } from '../support/signin';
import { solanaWallet } from '../support/wallets';

/** Postgres stopped (as a crash) under a load of sign-ins and started again, on a cluster of the test's own. */
describe('Postgres stopped under load and restarted [pg]', () => {
  let pg: OwnPostgres;
  let server: TestServer;

  beforeAll(async () => {
    pg = await ownPostgres();
    server = await startTestServer({
      env: {
        DATABASE_URL: pg.url,
        TRUST_PROXY: 'true',
        DB_CONNECT_TIMEOUT_SECONDS: '2',
        RATE_LIMIT_IP_PER_MINUTE: '100000',
      },
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await pg?.dispose();
  });

  const readiness = async () => {
    const response = await fetch(`${server.url}/ready`);
    return { status: response.status, body: (await response.json()) as { checks: Record<string, string> } };
  };
  async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (await check().catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${what} within ${timeoutMs} ms`);
  }

  it('loses no acknowledged sign-in, half-writes nothing, reports honestly and reconnects by itself', async () => {
    const acknowledged: Array<{ userId: string; address: string; sessionId: string }> = [];
    const readyWhileDown: number[] = [];
    const failedWallets = new Map<string, ReturnType<typeof solanaWallet>>();
    let failures = 0;
    let pgDown = false;
    let loading = true;
    const worker = async () => {
      while (loading) {
        try {
          const wallet = solanaWallet();
          failedWallets.set(wallet.address, wallet);
          const { session } = await signInSolana(server.url, wallet);
          failedWallets.delete(wallet.address);
          const sessionId = (session.refreshToken ?? '').split('.')[0] ?? '';
          acknowledged.push({ userId: session.user.id, address: wallet.address, sessionId });
        } catch {
          failures += 1;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, worker));

    await until('no sign-in succeeded before the outage', async () => acknowledged.length >= 10);
    await pg.stop('immediate');
    pgDown = true;
    await until('/ready did not report the database', async () => {
      const r = await readiness();
      readyWhileDown.push(r.status);
      return r.status === 503 && r.body.checks.database !== 'ok' && r.body.checks.store === 'ok';
    });
    const failuresBefore = failures;
    await until('sign-ins did not fail while Postgres was down', async () => failures > failuresBefore);
    await pg.start();
    pgDown = false;
    await until('/ready did not recover by itself', async () => (await readiness()).status === 200);
    const countAfterRestart = acknowledged.length;
    await until('sign-ins did not succeed again', async () => acknowledged.length >= countAfterRestart + 10);
    loading = false;
    await load;
    expect(pgDown).toBe(false);
    expect(readyWhileDown.filter((s) => s === 200).length).toBeLessThanOrEqual(1);

    const check = createDb({ url: pg.url, pool: { max: 1 } });
    try {
      const ids = acknowledged.map((a) => a.userId);
      const users = await rawRows(check, sql`select id, wallet_address from users`, check.db);
      const known = new Map(users.map((u) => [String(u.id), String(u.wallet_address)]));
      const lost = acknowledged.filter((a) => known.get(a.userId) !== a.address);
      expect(lost).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
      const sessions = await rawRows(check, sql`select id, user_id from sessions`, check.db);
      const sessionOwner = new Map(sessions.map((s) => [String(s.id), String(s.user_id)]));
      expect(acknowledged.filter((a) => sessionOwner.get(a.sessionId) !== a.userId)).toEqual([]);
      // Nothing half-written: a member is written with its primary wallet in one transaction. A member
      // whose sign-in failed after that commit and before its session was written has no session yet;
      // that is a consistent state (the same as a member whose sessions all ended), and the next
      // sign-in of that wallet finds the member and completes it. Folding both into one transaction
      // would nest transactions (the member's and the admin promotion's), which SQLite's lock forbids.
      const walletless = await rawRows(
        check,
        sql`select u.id from users u where not exists (select 1 from user_wallets w where w.user_id = u.id and w.address = u.wallet_address)`,
        check.db,
      );
      expect(walletless).toEqual([]);
      const sessionless = await rawRows(
        check,
        sql`select u.wallet_address from users u where not exists (select 1 from sessions s where s.user_id = u.id)`,
        check.db,
      );
      for (const row of sessionless) {
        const address = String(row.wallet_address);
        expect(acknowledged.some((a) => a.address === address)).toBe(false);
        const wallet = failedWallets.get(address);
        if (!wallet) throw new Error(`member ${address} has no session and was never signing in`);
        const retried = await signInSolana(server.url, wallet);
        expect(retried.session.user.walletAddress).toBe(address);
      }
      const stillSessionless = await rawRows(
        check,
        sql`select u.id from users u where not exists (select 1 from sessions s where s.user_id = u.id)`,
        check.db,
      );
      expect(stillSessionless).toEqual([]);
    } finally {
      await check.close();
    }
  });
});
