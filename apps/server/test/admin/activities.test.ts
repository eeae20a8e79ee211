import { type AppRouter, completeActivity } from '@puffy/api';
import type { TAdminScope } from '@puffy/contracts';
import { testDatabases } from '@puffy/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { addActivity, createCampaign, insertMembers, pointsState } from '../support/activity-fixtures';
import { clientFor, failure } from '../support/helpers';
import { signInSolana } from '../support/signin';

type Client = ReturnType<typeof clientFor<AppRouter>>;

describe.each(testDatabases())('admin: activities held for review on $label', (database) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let campaignId: number;
  let reviewed: number;
  let instant: number;
  const operators: { client: Client; userId: string }[] = [];

  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    await created.db.close();
    server = await startTestServer({ env: { DATABASE_URL: created.url, TRUST_PROXY: 'true' } });
    campaignId = await createCampaign(server.deps);
    reviewed = await addActivity(server.deps, [campaignId], {
      kind: 'manual',
      initiatedByUser: true,
      points: 40,
      parameter: { review: true },
    });
    instant = await addActivity(server.deps, [campaignId], {
      kind: 'manual',
      initiatedByUser: true,
      points: 5,
    });
    for (let i = 0; i < 2; i++) operators.push(await operator(['campaigns']));
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  let ip = 0;
  /** A member made an operator holding exactly `scopes`, signed in afresh so the token carries them. */
  async function operator(scopes: TAdminScope[]): Promise<{ client: Client; userId: string }> {
    const first = await signInSolana(server.url);
    const { db, t } = server.deps.db;
    await db
      .update(t.users)
      .set({ role: 'admin', adminScopes: scopes })
      .where(eq(t.users.id, first.session.user.id));
    const { session } = await signInSolana(server.url, first.wallet);
    ip += 1;
    return {
      userId: session.user.id,
      client: clientFor<AppRouter>(server.url, {
        headers: { authorization: `Bearer ${session.accessToken}`, 'x-forwarded-for': `10.44.0.${ip}` },
      }),
    };
  }

  /** A member who submitted the reviewed activity (held) and the instant one (awarded at once). */
  async function submitter(): Promise<{ userId: string; userActivityId: string }> {
    const [userId = ''] = await insertMembers(server.deps, 1);
    await completeActivity(server.deps, userId, { campaignId, activityId: instant });
    const held = await completeActivity(server.deps, userId, {
      campaignId,
      activityId: reviewed,
      proof: { url: 'https://example.com/proof' },
    });
    expect(held.status).toBe('pending_review');
    const { db, t } = server.deps.db;
    const rows = await db.select().from(t.userActivities).where(eq(t.userActivities.userId, userId));
    const row = rows.find((r) => r.activityId === reviewed);
    return { userId, userActivityId: row?.id ?? '' };
  }

  /** Everything a decision could touch for one member: activities, ledger, aggregates, products. */
  async function memberState(userId: string) {
    const { db, t } = server.deps.db;
    const activities = await db.select().from(t.userActivities).where(eq(t.userActivities.userId, userId));
    return {
      activities: activities
        .map((a) => ({ id: a.id, status: a.status, points: a.points }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      points: await pointsState(server.deps, userId, campaignId),
      products: await db.select().from(t.userProducts).where(eq(t.userProducts.userId, userId)),
    };
  }

  /** Read from the table: reading it over the API needs the users scope, which reviewers lack. */
  const auditOf = async (userActivityId: string) => {
    const { db, t } = server.deps.db;
    return db.select().from(t.auditLog).where(eq(t.auditLog.targetId, userActivityId));
  };

  it('lists held completions oldest first, a page at a time, with what approval would award', async () => {
    const first = await submitter();
    const second = await submitter();
    // Submitted a minute apart, the second first in id order: the queue follows time, not ids.
    const { db, t } = server.deps.db;
    const [early, late] = [first, second].sort((a, b) => b.userActivityId.localeCompare(a.userActivityId));
    const now = Date.now();
    for (const [row, ago] of [
      [early, 120_000],
      [late, 60_000],
    ] as const)
      await db
        .update(t.userActivities)
        .set({ createdAt: new Date(now - ago) })
        .where(eq(t.userActivities.id, row?.userActivityId ?? ''));
    const admin = operators[0]?.client as Client;
    const page1 = await admin.admin.activities.pending.query({ limit: 1 });
    expect(page1.items).toHaveLength(1);
    expect(page1.items[0]).toMatchObject({
      userActivityId: early?.userActivityId,
      userId: early?.userId,
      chain: 'sol',
      activityId: reviewed,
      activityName: 'Activity manual',
      activityKind: 'manual',
      campaignId,
      campaignName: 'Test campaign',
      points: 40,
      proofUrl: 'https://example.com/proof',
    });
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await admin.admin.activities.pending.query({ limit: 1, cursor: page1.nextCursor ?? '' });
    expect(page2.items.map((i) => i.userActivityId)).toEqual([late?.userActivityId]);
    expect(page2.nextCursor).toBeNull();
    const newest = await admin.admin.activities.pending.query({ limit: 1, order: 'newest' });
    expect(newest.items.map((i) => i.userActivityId)).toEqual([late?.userActivityId]);
    const older = await admin.admin.activities.pending.query({
      limit: 1,
      order: 'newest',
      cursor: newest.nextCursor ?? '',
    });
    expect(older.items.map((i) => i.userActivityId)).toEqual([early?.userActivityId]);
    expect(older.nextCursor).toBeNull();
    const forged = await failure(admin.admin.activities.pending.query({ cursor: 'bm90IGEgY3Vyc29y' }));
    expect(forged.data?.code).toBe('BAD_REQUEST');
    // The instant activity never waits for review.
    const all = await admin.admin.activities.pending.query({});
    expect(all.items.every((i) => i.activityId === reviewed)).toBe(true);
    // Clear the queue for the tests below.
    for (const item of all.items)
      await admin.admin.activities.review.mutate({
        userActivityId: item.userActivityId,
        decision: 'reject',
        reason: 'Clearing the queue',
      });
    expect((await admin.admin.activities.pending.query({})).items).toEqual([]);
  });

  it('awards the points once when two operators approve at the same moment, and audits who did', async () => {
    const { userId, userActivityId } = await submitter();
    const before = await pointsState(server.deps, userId, campaignId);
    const decisions = await Promise.allSettled(
      operators.flatMap(({ client }) =>
        Array.from({ length: 3 }, () =>
          client.admin.activities.review.mutate({ userActivityId, decision: 'approve' }),
        ),
      ),
    );
    const won = decisions.filter((d) => d.status === 'fulfilled');
    expect(won).toEqual([
      { status: 'fulfilled', value: { userActivityId, status: 'completed', pointsAwarded: 40 } },
    ]);
    for (const lost of decisions.filter((d) => d.status === 'rejected'))
      expect((lost.reason as { data?: { code?: string; reason?: string } }).data).toMatchObject({
        code: 'CONFLICT',
        reason: 'already_reviewed',
      });
    const after = await pointsState(server.deps, userId, campaignId);
    expect(after.campaignLedgerSum - before.campaignLedgerSum).toBe(40);
    expect(after.campaignEntries - before.campaignEntries).toBe(1);
    expect(after.campaign).toBe(after.campaignLedgerSum);
    const audit = await auditOf(userActivityId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'activity.approved',
      after: { status: 'completed', pointsAwarded: 40, reason: null },
      before: { status: 'pending_review', userId, activityId: reviewed, campaignId },
    });
    expect(operators.map((o) => o.userId)).toContain(audit[0]?.actorUserId);
    expect(audit[0]?.requestId).toMatch(/.+/);
    const pending = await operators[0]?.client.admin.activities.pending.query({});
    expect(pending?.items.map((i) => i.userActivityId)).not.toContain(userActivityId);
  });

  it('rejects with a reason and changes nothing but the completion and the audit log', async () => {
    const { userId, userActivityId } = await submitter();
    const before = await memberState(userId);
    const admin = operators[1]?.client as Client;
    const result = await admin.admin.activities.review.mutate({
      userActivityId,
      decision: 'reject',
      reason: '  The link shows someone else’s post.  ',
    });
    expect(result).toEqual({ userActivityId, status: 'rejected', pointsAwarded: 0 });
    const after = await memberState(userId);
    expect(after.points).toEqual(before.points);
    expect(after.products).toEqual(before.products);
    expect(after.activities).toEqual(
      before.activities.map((a) => (a.id === userActivityId ? { ...a, status: 'rejected' } : a)),
    );
    const audit = await auditOf(userActivityId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: operators[1]?.userId,
      action: 'activity.rejected',
      after: { status: 'rejected', pointsAwarded: 0, reason: 'The link shows someone else’s post.' },
    });
    // Decided once: a later approval is refused and awards nothing.
    const again = await failure(
      admin.admin.activities.review.mutate({ userActivityId, decision: 'approve' }),
    );
    expect(again.data).toMatchObject({ code: 'CONFLICT', reason: 'already_reviewed' });
    expect((await memberState(userId)).points).toEqual(before.points);
  });

  it('refuses a rejection without a reason, and an unknown completion, changing nothing', async () => {
    const { userId, userActivityId } = await submitter();
    const before = await memberState(userId);
    const admin = operators[0]?.client as Client;
    const bare = await failure(
      admin.admin.activities.review.mutate({ userActivityId, decision: 'reject', reason: '  ' }),
    );
    expect(bare.data?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(bare.data)).toContain('Say why this submission is rejected.');
    const unknown = await failure(
      admin.admin.activities.review.mutate({ userActivityId: crypto.randomUUID(), decision: 'approve' }),
    );
    expect(unknown.data).toMatchObject({ code: 'NOT_FOUND', reason: 'completion_not_found' });
    expect(await memberState(userId)).toEqual(before);
    expect(await auditOf(userActivityId)).toEqual([]);
  });

  it('refuses members and operators without the campaigns scope', async () => {
    const { userActivityId } = await submitter();
    const member = await signInSolana(server.url);
    const memberClient = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${member.session.accessToken}`, 'x-forwarded-for': '10.44.1.1' },
    });
    const wrongScope = await operator(['orders', 'users', 'settings']);
    for (const client of [memberClient, wrongScope.client]) {
      const reason = client === memberClient ? 'not_admin' : 'missing_scope';
      expect((await failure(client.admin.activities.pending.query({}))).data).toMatchObject({
        code: 'FORBIDDEN',
        reason,
      });
      expect(
        (await failure(client.admin.activities.review.mutate({ userActivityId, decision: 'approve' }))).data,
      ).toMatchObject({ code: 'FORBIDDEN', reason });
    }
    const still = await operators[0]?.client.admin.activities.pending.query({});
    expect(still?.items.map((i) => i.userActivityId)).toContain(userActivityId);
  });
});
