import { type AppRouter, completeActivity, recordActivityEvent, reviewActivityCompletion } from '@puffy/api';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { addActivity, createCampaign, insertMembers, linkX, pointsState } from '../support/activity-fixtures';
import { clientFor, failure } from '../support/helpers';
import { signInSolana } from '../support/signin';

describe.each(testDatabases())('activities and the points ledger on $label', (factory) => {
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

  it('awards a completion once under 200 concurrent calls', async () => {
    const deps = server.deps;
    const [userId = ''] = await insertMembers(deps, 1);
    const campaignId = await createCampaign(deps);
    const activityId = await addActivity(deps, [campaignId], {
      kind: 'manual',
      initiatedByUser: true,
      points: 25,
    });
    const results = await Promise.all(
      Array.from({ length: 200 }, () => completeActivity(deps, userId, { campaignId, activityId })),
    );
    expect(results.filter((r) => !r.alreadyCompleted)).toHaveLength(1);
    expect(results.reduce((sum, r) => sum + r.pointsAwarded, 0)).toBe(25);
    expect(await pointsState(deps, userId, campaignId)).toEqual({
      entries: 1,
      ledgerSum: 25,
      campaign: 25,
      global: 25,
      campaignEntries: 1,
      campaignLedgerSum: 25,
    });
    const { db, t } = deps.db;
    expect(await db.select().from(t.userActivities).where(eq(t.userActivities.userId, userId))).toHaveLength(
      1,
    );
  });

  it('completes automatic activities on their event once per campaign, under 200 concurrent events', async () => {
    const deps = server.deps;
    const [userId = ''] = await insertMembers(deps, 1);
    const first = await createCampaign(deps);
    const second = await createCampaign(deps);
    const ended = await createCampaign(deps, { endAt: new Date(deps.clock.now().getTime() - 1000) });
    // A global activity completes once, but earns the points of each campaign that lists it.
    const globalActivity = await addActivity(deps, [first, second, ended], {
      kind: 'sign_in',
      scope: 'global',
      points: 5,
    });
    const campaignActivity = await addActivity(deps, [first], { kind: 'sign_in', points: 7 });
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () =>
        deps.db.withTransaction((tx) => recordActivityEvent(deps, { userId, event: 'signed_in', tx })),
      ),
    );
    expect(outcomes.flat().reduce((sum, c) => sum + c.pointsAwarded, 0)).toBe(17);
    expect(await pointsState(deps, userId, first)).toMatchObject({
      entries: 3,
      ledgerSum: 17,
      campaign: 12,
      global: 17,
    });
    expect((await pointsState(deps, userId, second)).campaign).toBe(5);
    expect((await pointsState(deps, userId, ended)).campaign).toBe(0);
    const { db, t } = deps.db;
    const rows = await db.select().from(t.userActivities).where(eq(t.userActivities.userId, userId));
    expect(rows.map((r) => [r.activityId, r.scopeKey]).sort()).toEqual(
      [
        [globalActivity, 'global'],
        [campaignActivity, String(first)],
      ].sort(),
    );
  });

  it('completes "refer N friends" once the member has referred N', async () => {
    const deps = server.deps;
    const [referrer = '', ...friends] = await insertMembers(deps, 3);
    const campaignId = await createCampaign(deps);
    await addActivity(deps, [campaignId], { kind: 'refer_friends', quantity: 2, points: 40 });
    const { db, t } = deps.db;
    const [code] = await db
      .insert(t.referralCodes)
      .values({
        id: crypto.randomUUID(),
        code: `RF${crypto.randomUUID().slice(0, 8)}`.toUpperCase(),
        type: 'unlimited',
        ownerUserId: referrer,
        campaignId,
        createdAt: deps.clock.now(),
      })
      .returning();
    const relate = (friend: string) =>
      db.insert(t.referralRelations).values({
        id: crypto.randomUUID(),
        codeId: code?.id ?? '',
        referrerUserId: referrer,
        refereeUserId: friend,
        campaignId,
        scopeKey: String(campaignId),
        createdAt: deps.clock.now(),
      });
    await relate(friends[0] ?? '');
    const referred = () =>
      deps.db.withTransaction((tx) => recordActivityEvent(deps, { userId: referrer, event: 'referred', tx }));
    expect(await referred()).toEqual([]);
    await relate(friends[1] ?? '');
    const done = await referred();
    expect(done).toEqual([expect.objectContaining({ campaignId, pointsAwarded: 40 })]);
  });

  it('grants the product an activity entitles to, once, and lists it', async () => {
    const deps = server.deps;
    const { db, t } = deps.db;
    const sku = `device-${crypto.randomUUID().slice(0, 6)}`;
    await db
      .insert(t.rcProducts)
      .values({ sku, kind: 'device', variant: 'vape', name: 'Puffy device', priceCents: 9900n });
    const { session } = await signInSolana(server.url);
    const campaignId = await createCampaign(deps);
    const activityId = await addActivity(deps, [campaignId], {
      kind: 'manual',
      initiatedByUser: true,
      parameter: { grantsProductSku: sku },
    });
    await completeActivity(deps, session.user.id, { campaignId, activityId });
    await completeActivity(deps, session.user.id, { campaignId, activityId });
    const { listEligibleProducts } = await import('@puffy/api');
    const products = await listEligibleProducts(deps, session.user.id);
    expect(products).toEqual([
      expect.objectContaining({
        productSku: sku,
        productName: 'Puffy device',
        kind: 'device',
        source: 'activity',
        consumed: false,
      }),
    ]);
  });

  describe('activity.complete over HTTP', () => {
    let member: ReturnType<typeof clientFor<AppRouter>>;
    let userId: string;
    let campaignId: number;
    let xPost: number;
    let reviewed: number;
    let automatic: number;

    beforeAll(async () => {
      const { session } = await signInSolana(server.url);
      userId = session.user.id;
      member = clientFor<AppRouter>(server.url, {
        headers: { authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': '10.9.0.1' },
      });
      campaignId = await createCampaign(server.deps);
      xPost = await addActivity(server.deps, [campaignId], {
        kind: 'x_post',
        initiatedByUser: true,
        points: 15,
      });
      reviewed = await addActivity(server.deps, [campaignId], {
        kind: 'x_post',
        initiatedByUser: true,
        points: 20,
        parameter: { review: true },
      });
      automatic = await addActivity(server.deps, [campaignId], { kind: 'link_discord', points: 3 });
    });

    const reasonOf = async (call: Promise<unknown>) => {
      const error = await failure(call);
      return { code: error.data?.code, reason: error.data?.reason, message: error.message };
    };

    it('asks for a linked X account before a post', async () => {
      const url = 'https://x.com/puffyfan/status/1234567890';
      expect(
        await reasonOf(member.activity.complete.mutate({ campaignId, activityId: xPost, proof: { url } })),
      ).toMatchObject({
        code: 'PRECONDITION_FAILED',
        reason: 'x_not_linked',
      });
    });

    it('checks the post link for shape and author', async () => {
      await linkX(server.deps, userId, 'PuffyFan');
      const tryUrl = (url: string) =>
        reasonOf(member.activity.complete.mutate({ campaignId, activityId: xPost, proof: { url } }));
      for (const url of [
        'https://example.com/PuffyFan/status/1',
        'http://x.com/PuffyFan/status/1',
        'https://x.com/PuffyFan',
        'https://x.com/PuffyFan/likes/1',
        'https://x.com/PuffyFan/status/abc',
        'not a url',
      ]) {
        expect(await tryUrl(url), url).toMatchObject({ code: 'BAD_REQUEST', reason: 'proof_not_x_post' });
      }
      const other = await tryUrl('https://x.com/someone_else/status/1234567890');
      expect(other).toMatchObject({ code: 'BAD_REQUEST', reason: 'proof_wrong_author' });
      expect(other.message).toContain('@someone_else');
      expect(
        await reasonOf(member.activity.complete.mutate({ campaignId, activityId: xPost })),
      ).toMatchObject({
        code: 'BAD_REQUEST',
        reason: 'proof_missing',
      });
      expect(await pointsState(server.deps, userId, campaignId)).toMatchObject({ campaignEntries: 0 });
    });

    it("accepts the member's own post (any case, twitter.com, query ignored) once", async () => {
      const url = 'https://twitter.com/puffyfan/status/1234567890?s=20';
      const done = await member.activity.complete.mutate({ campaignId, activityId: xPost, proof: { url } });
      expect(done).toEqual({
        campaignId,
        activityId: xPost,
        status: 'completed',
        pointsAwarded: 15,
        alreadyCompleted: false,
      });
      const again = await member.activity.complete.mutate({ campaignId, activityId: xPost, proof: { url } });
      expect(again).toMatchObject({ pointsAwarded: 0, alreadyCompleted: true });
    });

    it('keeps a post for review without points when the activity asks for review', async () => {
      const url = 'https://x.com/PuffyFan/status/99';
      const held = await member.activity.complete.mutate({
        campaignId,
        activityId: reviewed,
        proof: { url },
      });
      expect(held).toMatchObject({ status: 'pending_review', pointsAwarded: 0 });
      expect(await pointsState(server.deps, userId, campaignId)).toMatchObject({ campaignLedgerSum: 15 });
    });

    it('refuses automatic activities and unknown ones', async () => {
      expect(
        await reasonOf(member.activity.complete.mutate({ campaignId, activityId: automatic })),
      ).toMatchObject({
        code: 'PRECONDITION_FAILED',
        reason: 'automatic_activity',
      });
      expect(
        await reasonOf(member.activity.complete.mutate({ campaignId, activityId: 999_999 })),
      ).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'activity_not_found',
      });
    });

    it("lists the activities with the member's state, and without it for guests", async () => {
      const list = await member.activity.list.query({ campaignId });
      expect(list.points).toBe(15);
      expect(list.items.map((i) => [i.activityId, i.status])).toEqual([
        [xPost, 'completed'],
        [reviewed, 'pending_review'],
        [automatic, 'not_started'],
      ]);
      const guest = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.9.0.2' } });
      const open = await guest.activity.list.query({ campaignId });
      expect(open.points).toBe(0);
      expect(open.items.every((i) => i.status === 'not_started')).toBe(true);
    });

    it('awards a reviewed post its points on approval, once', async () => {
      const { db, t } = server.deps.db;
      const [held] = await db
        .select({ id: t.userActivities.id })
        .from(t.userActivities)
        .where(and(eq(t.userActivities.userId, userId), eq(t.userActivities.activityId, reviewed)));
      const userActivityId = held?.id ?? '';
      const decisions = await Promise.allSettled(
        Array.from({ length: 5 }, () =>
          reviewActivityCompletion(server.deps, { userActivityId, approve: true }),
        ),
      );
      expect(decisions.filter((d) => d.status === 'fulfilled')).toEqual([
        { status: 'fulfilled', value: { status: 'completed', pointsAwarded: 20 } },
      ]);
      expect(await pointsState(server.deps, userId, campaignId)).toMatchObject({
        campaignLedgerSum: 35,
        campaign: 35,
      });
      const list = await member.activity.list.query({ campaignId });
      expect(list.items.find((i) => i.activityId === reviewed)?.status).toBe('completed');
    });

    it('refuses completions once the campaign has ended', async () => {
      const ended = await createCampaign(server.deps, { endAt: new Date(Date.now() - 60_000) });
      const manual = await addActivity(server.deps, [ended], { kind: 'manual', initiatedByUser: true });
      expect(
        await reasonOf(member.activity.complete.mutate({ campaignId: ended, activityId: manual })),
      ).toMatchObject({
        code: 'PRECONDITION_FAILED',
        reason: 'campaign_ended',
      });
    });
  });
});
