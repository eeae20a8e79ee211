import { type AppRouter, closeSeason, creditPoints, seasonCloseJob } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { createCampaign, insertMembers } from '../support/activity-fixtures';
import { clientFor, failure } from '../support/helpers';
import { signInSolana } from '../support/signin';
import { solanaWallet } from '../support/wallets';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(testDatabases())('seasons on $label', (database) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const adminWallet = solanaWallet();
  let admin: ReturnType<typeof clientFor<AppRouter>>;
  let campaignId: number;
  // Seasons may not overlap, so each test takes its own stretch of time, far from the others'.
  let slot = 0;
  const window = (length = HOUR) => {
    slot += 1;
    const start = Date.now() - HOUR + slot * 100 * HOUR;
    return { startsAt: start, endsAt: start + length };
  };

  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    await created.db.close();
    server = await startTestServer({
      env: { DATABASE_URL: created.url, TRUST_PROXY: 'true', ADMIN_WALLETS: `sol:${adminWallet.address}` },
    });
    const signedIn = await signInSolana(server.url, adminWallet);
    admin = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${signedIn.session.accessToken}`, 'x-forwarded-for': '10.22.0.1' },
    });
    campaignId = await createCampaign(server.deps);
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  const credit = (userId: string, points: number) =>
    server.deps.db.withTransaction((tx) =>
      creditPoints(server.deps, tx, {
        userId,
        campaignId,
        points,
        reason: 'test',
        sourceKey: crypto.randomUUID(),
      }),
    );
  /** Moves a season's end into the past, as time passing would (its window starts two hours back). */
  const endNow = async (seasonId: number) => {
    const { db, t } = server.deps.db;
    const now = Date.now();
    await db
      .update(t.seasons)
      .set({ startsAt: new Date(now - 2 * HOUR), endsAt: new Date(now - 1) })
      .where(eq(t.seasons.id, seasonId));
  };
  /** A season that is running now: its window is moved around the present. */
  const runningSeason = async (name: string) => {
    const w = window();
    const season = await admin.admin.seasons.create.mutate({
      name,
      startsAt: iso(w.startsAt),
      endsAt: iso(w.endsAt + 10 * HOUR),
    });
    const { db, t } = server.deps.db;
    await db
      .update(t.seasons)
      .set({ startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR) })
      .where(eq(t.seasons.id, season.id));
    return season;
  };

  it('creates and edits seasons with an audit entry each, and refuses overlaps and bad dates', async () => {
    const w = window();
    const season = await admin.admin.seasons.create.mutate({
      name: ' Spring ',
      startsAt: iso(w.startsAt),
      endsAt: iso(w.endsAt),
    });
    expect(season).toMatchObject({ name: 'Spring', status: 'open', closedAt: null });

    const overlap = await failure(
      admin.admin.seasons.create.mutate({
        name: 'Clash',
        startsAt: iso(w.startsAt + 1000),
        endsAt: iso(w.endsAt + HOUR),
      }),
    );
    expect(overlap.data?.code).toBe('BAD_REQUEST');
    expect(overlap.message).toContain('Spring');
    const backwards = await failure(
      admin.admin.seasons.create.mutate({
        name: 'Back',
        startsAt: iso(w.endsAt + 5 * HOUR),
        endsAt: iso(w.endsAt + 4 * HOUR),
      }),
    );
    expect(backwards.data?.code).toBe('BAD_REQUEST');

    const edited = await admin.admin.seasons.update.mutate({
      seasonId: season.id,
      fields: { name: 'Spring 2027', startsAt: iso(w.startsAt), endsAt: iso(w.endsAt + HOUR) },
    });
    expect(edited.endsAt).toBe(iso(w.endsAt + HOUR));
    const { db, t } = server.deps.db;
    const audits = await db
      .select({ action: t.auditLog.action })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.targetType, 'season'), eq(t.auditLog.targetId, String(season.id))));
    expect(audits.map((a) => a.action).sort()).toEqual(['season.create', 'season.update']);
    expect((await admin.season.list.query()).map((s) => s.name)).toContain('Spring 2027');

    const member = await signInSolana(server.url);
    const asMember = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${member.session.accessToken}`, 'x-forwarded-for': '10.22.0.2' },
    });
    const refused = await failure(
      asMember.admin.seasons.create.mutate({
        name: 'Mine',
        startsAt: iso(w.startsAt),
        endsAt: iso(w.endsAt),
      }),
    );
    expect(refused.data?.code).toBe('FORBIDDEN');
  });

  it('counts points in the open season beside the all-time total, and freezes the standings at its end', async () => {
    const [a = '', b = '', c = ''] = await insertMembers(server.deps, 3);
    await credit(a, 5); // before the season: all-time only
    const season = await runningSeason('Summer');
    const movedStart = await failure(
      admin.admin.seasons.update.mutate({
        seasonId: season.id,
        fields: { name: 'Summer', startsAt: iso(Date.now() - 5 * HOUR), endsAt: iso(Date.now() + HOUR) },
      }),
    );
    expect(movedStart.message).toContain('started');
    await credit(b, 30);
    await credit(a, 20);
    await credit(c, 30);
    await credit(a, 10);

    const guest = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.22.0.3' } });
    const live = await guest.season.leaderboard.query({ seasonId: season.id });
    expect(live.season.status).toBe('open');
    expect(live.items.map((e) => [e.rank, e.points])).toEqual([
      [1, 30],
      [1, 30],
      [1, 30],
    ]);
    const allTime = await guest.campaign.leaderboard.query({ campaignId });
    expect(allTime.items[0]?.points).toBe(35);

    await endNow(season.id);
    await credit(c, 100); // after the end: all-time only
    expect(await closeSeason(server.deps, season.id)).toEqual({ closed: true, standings: 3 });
    expect(await closeSeason(server.deps, season.id)).toEqual({ closed: false, standings: 0 });

    const frozen = await guest.season.leaderboard.query({ seasonId: season.id, limit: 2 });
    expect(frozen.season.status).toBe('closed');
    expect(frozen.items.map((e) => [e.rank, e.points])).toEqual([
      [1, 30],
      [1, 30],
    ]);
    const rest = await guest.season.leaderboard.query({
      seasonId: season.id,
      limit: 2,
      cursor: frozen.nextCursor ?? '',
    });
    expect(rest.items.map((e) => [e.rank, e.points])).toEqual([[1, 30]]);
    expect(rest.nextCursor).toBeNull();

    // Ties keep one rank; the places go by who reached the total first: b, then c, then a.
    const standings = await admin.admin.seasons.standings.query({ seasonId: season.id });
    expect(standings.items.map((s) => [s.place, s.rank, s.points, s.userId])).toEqual([
      [1, 1, 30, b],
      [2, 1, 30, c],
      [3, 1, 30, a],
    ]);

    // A closed season cannot be edited.
    const closedEdit = await failure(
      admin.admin.seasons.update.mutate({
        seasonId: season.id,
        fields: { name: 'Again', startsAt: iso(Date.now() - 3 * HOUR), endsAt: iso(Date.now() + HOUR) },
      }),
    );
    expect(closedEdit.data?.code).toBe('CONFLICT');
    const missing = await failure(guest.season.leaderboard.query({ seasonId: 9_999_999 }));
    expect(missing.data?.code).toBe('NOT_FOUND');
  });

  it('closes a season with its job at the end time', async () => {
    const [member = ''] = await insertMembers(server.deps, 1);
    const season = await runningSeason('Short');
    await credit(member, 7);
    const { db, t } = server.deps.db;
    // The job was queued for the end the season was created with; the end is now, so queue again.
    const end = Date.now() + 1500;
    await db
      .update(t.seasons)
      .set({ endsAt: new Date(end) })
      .where(eq(t.seasons.id, season.id));
    await server.deps.db.withTransaction((tx) =>
      server.deps.jobs.queue.enqueue(
        seasonCloseJob,
        { seasonId: season.id },
        { tx, startAfter: new Date(end), singletonKey: `season-close:${season.id}:${end}` },
      ),
    );
    const deadline = Date.now() + 60_000;
    let status = 'open';
    while (status === 'open' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      const [row] = await db
        .select({ status: t.seasons.status })
        .from(t.seasons)
        .where(eq(t.seasons.id, season.id));
      status = row?.status ?? 'missing';
    }
    expect(status).toBe('closed');
    const rows = await db.select().from(t.seasonStandings).where(eq(t.seasonStandings.seasonId, season.id));
    expect(rows.map((r) => [r.userId, r.points, r.place])).toEqual([[member, 7, 1]]);
  });

  it('closes once when closed twice at once, and loses no credit that raced the close', async () => {
    const members = await insertMembers(server.deps, 20);
    const season = await runningSeason('Race');
    await Promise.all(members.map((m) => credit(m, 1)));
    await endNow(season.id);
    const racing = members.map((m) => credit(m, 1));
    const closes = await Promise.all([
      closeSeason(server.deps, season.id),
      closeSeason(server.deps, season.id),
    ]);
    await Promise.all(racing);
    expect(closes.filter((c) => c.closed)).toHaveLength(1);
    const { db, t } = server.deps.db;
    const frozen = await db.select().from(t.seasonStandings).where(eq(t.seasonStandings.seasonId, season.id));
    const totals = await db
      .select({ userId: t.userPoints.userId, points: t.userPoints.points })
      .from(t.userPoints)
      .where(eq(t.userPoints.scopeKey, `season:${season.id}`));
    // The snapshot is exactly the season's totals: a credit counted for the season before the close
    // is in it, and none was counted after.
    expect(new Map(frozen.map((r) => [r.userId, r.points]))).toEqual(
      new Map(totals.map((r) => [r.userId, r.points])),
    );
    expect(frozen).toHaveLength(20);
  });
});
