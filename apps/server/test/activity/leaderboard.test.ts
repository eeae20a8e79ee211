import { type AppRouter, creditPoints } from '@puffy/api';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { createCampaign, insertMembers } from '../support/activity-fixtures';
import { clientFor, failure } from '../support/helpers';
import { signInSolana } from '../support/signin';

describe.each(testDatabases())('campaign.leaderboard on $label', (factory) => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await factory.create({ migrate: false });
    server = await startTestServer({ env: { TRUST_PROXY: 'true', DATABASE_URL: database.url } });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  const credit = (userId: string, campaignId: number, points: number) =>
    server.deps.db.withTransaction((tx) =>
      creditPoints(server.deps, tx, {
        userId,
        campaignId,
        points,
        reason: 'test',
        sourceKey: `test:${crypto.randomUUID()}`,
      }),
    );

  it('ranks ties together (1, 2, 2, 4), orders a tie by user id, and gives the caller their rank', async () => {
    const { session } = await signInSolana(server.url);
    const me = session.user.id;
    const [top = '', tied = '', last = '', zero = ''] = await insertMembers(server.deps, 4);
    const campaignId = await createCampaign(server.deps);
    const other = await createCampaign(server.deps);
    await credit(top, campaignId, 50);
    await credit(me, campaignId, 20);
    await credit(me, campaignId, 10);
    await credit(tied, campaignId, 30);
    await credit(last, campaignId, 10);
    await credit(zero, campaignId, 5);
    await credit(zero, campaignId, -5);
    await credit(last, other, 100);

    const member = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': '10.30.0.1' },
    });
    const board = await member.campaign.leaderboard.query({ campaignId, limit: 10 });
    const tiedIds = [me, tied].sort().reverse();
    expect(board.items.map((e) => [e.rank, e.points, e.isMe])).toEqual([
      [1, 50, false],
      [2, 30, tiedIds[0] === me],
      [2, 30, tiedIds[1] === me],
      [4, 10, false],
    ]);
    expect(board.me).toEqual({ rank: 2, points: 30 });
    expect(board.items[0]?.walletShort).toMatch(/^.{4}….{4}$/);

    const top2 = await member.campaign.leaderboard.query({ campaignId, limit: 2 });
    expect(top2.items.map((e) => e.rank)).toEqual([1, 2]);

    const guest = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.30.0.2' } });
    const open = await guest.campaign.leaderboard.query({ campaignId });
    expect(open.me).toBeNull();
    expect(open.items).toHaveLength(4);

    // The global board sums every campaign.
    const global = await member.campaign.leaderboard.query({});
    expect(global.campaignId).toBeNull();
    expect(global.items.slice(0, 2).map((e) => [e.rank, e.points])).toEqual([
      [1, 110],
      [2, 50],
    ]);

    const error = await failure(guest.campaign.leaderboard.query({ campaignId: 9_999_999 }));
    expect(error.data?.code).toBe('NOT_FOUND');
  });

  it('ranks a member far down the board exactly, through every way user_points changes', async () => {
    const { session } = await signInSolana(server.url);
    const campaignId = await createCampaign(server.deps);
    const above = await insertMembers(server.deps, 1001);
    const { db, t } = server.deps.db;
    const now = new Date();
    const rows = above.map((userId) => ({
      userId,
      scopeKey: String(campaignId),
      points: 100,
      updatedAt: now,
    }));
    // Written straight into the aggregate, as a bulk load would: the rank histogram follows by trigger.
    for (let i = 0; i < rows.length; i += 250) await db.insert(t.userPoints).values(rows.slice(i, i + 250));
    await credit(session.user.id, campaignId, 1);
    const member = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': '10.30.0.4' },
    });
    const me = async () => (await member.campaign.leaderboard.query({ campaignId, limit: 3 })).me;
    expect(await me()).toEqual({ rank: 1002, points: 1 });
    const [late = ''] = await insertMembers(server.deps, 1);
    await credit(late, campaignId, 50);
    expect(await me()).toEqual({ rank: 1003, points: 1 });
    // A correction below the member's total, and a member deleted (cascading to user_points).
    await credit(late, campaignId, -50);
    expect(await me()).toEqual({ rank: 1002, points: 1 });
    await db.delete(t.users).where(eq(t.users.id, above[0] ?? ''));
    expect(await me()).toEqual({ rank: 1001, points: 1 });
    await credit(session.user.id, campaignId, 99);
    expect(await me()).toEqual({ rank: 1, points: 100 });
  });

  it('gives a member without points no rank', async () => {
    const { session } = await signInSolana(server.url);
    const campaignId = await createCampaign(server.deps);
    const member = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': '10.30.0.3' },
    });
    expect((await member.campaign.leaderboard.query({ campaignId })).me).toEqual({ rank: null, points: 0 });
  });
});

describe.each(testDatabases())('campaign.leaderboard pages on $label', (factory) => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await factory.create({ migrate: false });
    server = await startTestServer({ env: { TRUST_PROXY: 'true', DATABASE_URL: database.url } });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('walks the whole board through the cursor, each member once, ranks carried across pages', async () => {
    const campaignId = await createCampaign(server.deps);
    const members = await insertMembers(server.deps, 25);
    // 25 members, in ties of three: 3 × 100, 3 × 96, … so ties straddle the page breaks.
    const pointsOf = (i: number) => 100 - Math.floor(i / 3) * 4;
    const { db, t } = server.deps.db;
    await db.insert(t.userPoints).values(
      members.map((userId, i) => ({
        userId,
        scopeKey: String(campaignId),
        points: pointsOf(i),
        updatedAt: new Date(),
      })),
    );
    const guest = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.30.1.1' } });
    const first = await guest.campaign.leaderboard.query({ campaignId });
    expect(first.items).toHaveLength(20);
    const all = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await guest.campaign.leaderboard.query({ campaignId, cursor, limit: 2 });
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    const expectedPoints = members.map((_, i) => pointsOf(i));
    expect(all.map((e) => e.points)).toEqual(expectedPoints);
    // Competition ranks: one more than the members with strictly more points.
    expect(all.map((e) => e.rank)).toEqual(
      expectedPoints.map((p) => expectedPoints.filter((q) => q > p).length + 1),
    );
    const forged = await failure(
      guest.campaign.leaderboard.query({ campaignId, cursor: 'bm90IGEgY3Vyc29y' }),
    );
    expect(forged.data?.code).toBe('BAD_REQUEST');
  });
});
