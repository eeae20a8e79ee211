import { recheckCompletion } from '@puffy/api';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addActivity, createCampaign } from '../support/activity-fixtures';
import { failure, reasonOf } from '../support/helpers';
import {
  type Member,
  signedInMember,
  startUserServer,
  type UserServer,
  variants,
} from '../support/user-harness';
import { startFakeX, type XUser, xUser } from '../user/support/fake-x';
import { startFakeDiscord } from './support/fake-discord';
import { startFakeTelegram } from './support/fake-telegram';

const BRAND = { accountId: '1500000000000000001', handle: 'puffy' };
const GUILD = '800000000000000001';
const ROLE = '800000000000000777';
const CHAT = '@puffy_community';

describe.each(variants())('tasks checked with X, Discord and Telegram on $label', (variant) => {
  let server: UserServer;
  let x: Awaited<ReturnType<typeof startFakeX>>;
  let discord: Awaited<ReturnType<typeof startFakeDiscord>>;
  let telegram: Awaited<ReturnType<typeof startFakeTelegram>>;
  beforeAll(async () => {
    [x, discord, telegram] = await Promise.all([startFakeX(), startFakeDiscord(), startFakeTelegram()]);
    server = await startUserServer(variant, {
      ...x.env,
      ...discord.env,
      ...telegram.env,
      JOBS_POLL_INTERVAL_MS: '200',
    });
    discord.addGuild(GUILD);
    telegram.addChat(CHAT);
  });
  afterAll(async () => {
    await server?.close();
    await Promise.all([x?.close(), discord?.close(), telegram?.close()]);
  });

  async function linkX(member: Member): Promise<XUser> {
    const user = xUser();
    const { authorizeUrl } = await member.client.user.twitter.start.mutate();
    await member.client.user.twitter.complete.mutate(x.approve(authorizeUrl, user));
    return user;
  }

  async function task(
    kind: Parameters<typeof addActivity>[2]['kind'],
    parameter: Record<string, unknown>,
    points = 25,
  ) {
    const campaignId = await createCampaign(server.deps);
    const activityId = await addActivity(server.deps, [campaignId], {
      kind,
      parameter,
      points,
      initiatedByUser: true,
    });
    return { campaignId, activityId };
  }

  async function pointsOf(userId: string, campaignId: number) {
    const { db, t } = server.deps.db;
    const [row] = await db
      .select({ points: t.userPoints.points })
      .from(t.userPoints)
      .where(and(eq(t.userPoints.userId, userId), eq(t.userPoints.scopeKey, String(campaignId))));
    return row?.points ?? 0;
  }

  async function completionOf(userId: string, activityId: number) {
    const { db, t } = server.deps.db;
    const [row] = await db
      .select()
      .from(t.userActivities)
      .where(and(eq(t.userActivities.userId, userId), eq(t.userActivities.activityId, activityId)));
    return row;
  }

  async function checksOf(userId: string, activityId: number) {
    const { db, t } = server.deps.db;
    return db
      .select()
      .from(t.activityChecks)
      .where(and(eq(t.activityChecks.userId, userId), eq(t.activityChecks.activityId, activityId)))
      .orderBy(t.activityChecks.checkedAt);
  }

  it('keeps the X tokens sealed, checks a follow page by page, and reverses it when undone', async () => {
    const member = await signedInMember(server.url);
    const user = await linkX(member);
    const { db, t } = server.deps.db;
    const [stored] = await db.select().from(t.xTokens).where(eq(t.xTokens.userId, member.userId));
    expect(stored?.accessToken).toMatch(/^v1:/);
    expect(stored?.refreshToken).toMatch(/^v1:/);
    expect(x.requests.at(-1)?.form.get('grant_type')).toBe('authorization_code');

    const { campaignId, activityId } = await task('x_follow', BRAND);
    const before = await member.client.activity.verify.mutate({ campaignId, activityId });
    expect(before).toMatchObject({ outcome: 'not_done', pointsAwarded: 0 });

    x.setPageSize(100);
    x.followMany(user, 250);
    x.follow(user, BRAND.accountId);
    const done = await member.client.activity.verify.mutate({ campaignId, activityId });
    expect(done).toMatchObject({ outcome: 'completed', pointsAwarded: 25, retryAt: null });
    expect(
      x.reads.filter((r) => r.startsWith(`/2/users/${user.id}/following`)).length,
    ).toBeGreaterThanOrEqual(4);
    expect(await pointsOf(member.userId, campaignId)).toBe(25);
    const again = await member.client.activity.verify.mutate({ campaignId, activityId });
    expect(again).toMatchObject({ outcome: 'completed', pointsAwarded: 0 });
    const evidence = await checksOf(member.userId, activityId);
    expect(evidence.map((c) => c.outcome)).toEqual(['failed', 'passed']);
    expect(evidence[1]?.answer).toMatchObject({ status: 200, item: { id: BRAND.accountId } });

    // Undone before the snapshot: the re-check revokes it and the ledger takes the points back.
    x.unfollow(user, BRAND.accountId);
    const completion = await completionOf(member.userId, activityId);
    const recheck = await recheckCompletion(server.deps, completion?.id ?? '', null);
    expect(recheck).toEqual({ userActivityId: completion?.id, status: 'revoked', pointsReversed: 25 });
    expect(await pointsOf(member.userId, campaignId)).toBe(0);
    expect((await completionOf(member.userId, activityId))?.status).toBe('revoked');
    const list = await member.client.activity.list.query({ campaignId });
    expect(list.items[0]?.status).toBe('revoked');
    const ledger = await db.select().from(t.pointsLedger).where(eq(t.pointsLedger.userId, member.userId));
    expect(ledger.map((e) => e.points).sort()).toEqual([-25, 25]);
    // A second re-check of a revoked completion changes nothing.
    expect((await recheckCompletion(server.deps, completion?.id ?? '', null)).pointsReversed).toBe(0);

    // Followed again: verified again, credited again under its own key.
    x.follow(user, BRAND.accountId);
    const back = await member.client.activity.verify.mutate({ campaignId, activityId });
    expect(back).toMatchObject({ outcome: 'completed', pointsAwarded: 25 });
    expect(await pointsOf(member.userId, campaignId)).toBe(25);
  });

  it('checks likes, reposts and a post with a hashtag or mention by its author', async () => {
    const member = await signedInMember(server.url);
    const user = await linkX(member);
    const like = await task('x_like', { postId: '1700000000000000001' });
    const repost = await task('x_repost', { postId: '1700000000000000001' });
    const tagged = await task('x_tag_post', { hashtag: '#PuffyDrop', mention: '@puffy' });
    expect((await member.client.activity.verify.mutate(like)).outcome).toBe('not_done');
    x.like(user, '1700000000000000001');
    expect((await member.client.activity.verify.mutate(like)).outcome).toBe('completed');

    expect((await member.client.activity.verify.mutate(repost)).outcome).toBe('not_done');
    x.post({
      id: '1700000000000000050',
      author_id: user.id,
      text: 'RT @puffy: drop',
      referenced_tweets: [{ type: 'retweeted', id: '1700000000000000001' }],
    });
    expect((await member.client.activity.verify.mutate(repost)).outcome).toBe('completed');

    const someoneElse = xUser();
    x.post({
      id: '1700000000000000060',
      author_id: someoneElse.id,
      text: '#puffydrop @puffy',
      entities: { hashtags: [{ tag: 'puffydrop' }], mentions: [{ username: 'Puffy' }] },
    });
    const notMine = await member.client.activity.verify.mutate({
      ...tagged,
      proof: { url: `https://x.com/${someoneElse.username}/status/1700000000000000060` },
    });
    expect(notMine.outcome).toBe('not_done');
    x.post({
      id: '1700000000000000061',
      author_id: user.id,
      text: 'no tag here',
      entities: { mentions: [{ username: 'puffy' }] },
    });
    const untagged = await member.client.activity.verify.mutate({
      ...tagged,
      proof: { url: `https://x.com/${user.username}/status/1700000000000000061` },
    });
    expect(untagged.outcome).toBe('not_done');
    x.post({
      id: '1700000000000000062',
      author_id: user.id,
      text: '#PuffyDrop with @puffy',
      entities: { hashtags: [{ tag: 'PuffyDrop' }], mentions: [{ username: 'puffy' }] },
    });
    const good = await member.client.activity.verify.mutate({
      ...tagged,
      proof: { url: `https://x.com/${user.username}/status/1700000000000000062` },
    });
    expect(good).toMatchObject({ outcome: 'completed', pointsAwarded: 25 });
    // Deleted before the re-check: it stops counting.
    x.deletePost('1700000000000000062');
    const completion = await completionOf(member.userId, tagged.activityId);
    expect((await recheckCompletion(server.deps, completion?.id ?? '', null)).status).toBe('revoked');
  });

  it('refreshes an expired X token once, with the rotated refresh token', async () => {
    const member = await signedInMember(server.url);
    const user = await linkX(member);
    x.like(user, '1700000000000000099');
    const like = await task('x_like', { postId: '1700000000000000099' });
    x.expireAccessTokens();
    const outcome = await member.client.activity.verify.mutate(like);
    expect(outcome.outcome).toBe('completed');
    const refreshes = x.requests.filter((r) => r.form.get('grant_type') === 'refresh_token');
    expect(refreshes).toHaveLength(1);
  });

  it('queues a throttled X check until x-rate-limit-reset and completes it then', async () => {
    const member = await signedInMember(server.url);
    const user = await linkX(member);
    x.follow(user, BRAND.accountId);
    const { campaignId, activityId } = await task('x_follow', BRAND);
    const reset = Math.floor(Date.now() / 1000) + 2;
    x.throttle(reset);
    const checking = await member.client.activity.verify.mutate({ campaignId, activityId });
    expect(checking).toMatchObject({ outcome: 'checking', pointsAwarded: 0 });
    expect(checking.retryAt).toBe(new Date(reset * 1000).toISOString());
    expect((await checksOf(member.userId, activityId)).map((c) => c.outcome)).toEqual(['throttled']);
    // A second press while throttled asks X again and is throttled again; one job waits either way.
    x.unthrottle();
    const deadline = Date.now() + 25_000;
    let status = 'not_started';
    while (Date.now() < deadline && status !== 'completed') {
      await new Promise((r) => setTimeout(r, 250));
      status = (await member.client.activity.list.query({ campaignId })).items[0]?.status ?? status;
    }
    expect(status).toBe('completed');
    expect(await pointsOf(member.userId, campaignId)).toBe(25);
    expect((await checksOf(member.userId, activityId)).map((c) => [c.trigger, c.outcome])).toEqual([
      ['member', 'throttled'],
      ['retry', 'passed'],
    ]);
  });

  it('checks Discord membership and roles with the bot, and queues when Discord rate-limits', async () => {
    const member = await signedInMember(server.url);
    const joined = await task('discord_member', { guildId: GUILD, guildName: 'Puffy' });
    const role = await task('discord_role', {
      guildId: GUILD,
      guildName: 'Puffy',
      roleId: ROLE,
      roleName: 'OG',
    });
    const unlinked = await failure(member.client.activity.verify.mutate(joined));
    expect(reasonOf(unlinked)).toBe('discord_not_linked');
    const discordId = String(900_000_000_000 + Math.floor(Math.random() * 1e9));
    const { db, t } = server.deps.db;
    await db.update(t.users).set({ discordId }).where(eq(t.users.id, member.userId));

    expect((await member.client.activity.verify.mutate(joined)).outcome).toBe('not_done');
    discord.join(GUILD, discordId, []);
    expect((await member.client.activity.verify.mutate(joined)).outcome).toBe('completed');
    expect((await member.client.activity.verify.mutate(role)).outcome).toBe('not_done');
    discord.join(GUILD, discordId, [ROLE]);
    expect((await member.client.activity.verify.mutate(role)).outcome).toBe('completed');
    const evidence = await checksOf(member.userId, role.activityId);
    expect(evidence.at(-1)?.answer).toMatchObject({ status: 200, roles: [ROLE] });

    discord.leave(GUILD, discordId);
    const completion = await completionOf(member.userId, joined.activityId);
    expect(await recheckCompletion(server.deps, completion?.id ?? '', null)).toMatchObject({
      status: 'revoked',
      pointsReversed: 25,
    });

    discord.rateLimit(1.5);
    try {
      const throttled = await member.client.activity.verify.mutate(joined);
      expect(throttled.outcome).toBe('checking');
      expect(Date.parse(throttled.retryAt ?? '') - server.clock.now().getTime()).toBe(2000);
    } finally {
      discord.rateLimit(null);
    }
  });

  it('links Telegram through signed Login Widget data: bad hash, stale, taken and raced', async () => {
    const [member, other] = await Promise.all([signedInMember(server.url), signedInMember(server.url)]);
    const nowSeconds = Math.floor(server.clock.now().getTime() / 1000);
    const tgId = 500_000_000 + Math.floor(Math.random() * 1e8);
    const forged = telegram.login({ id: tgId, first_name: 'Puffy' }, nowSeconds, '1:not-our-bot');
    expect(reasonOf(await failure(member.client.user.telegram.link.mutate(forged)))).toBe(
      'telegram_bad_hash',
    );
    const tampered = { ...telegram.login({ id: tgId, first_name: 'Puffy' }, nowSeconds), id: tgId + 1 };
    expect(reasonOf(await failure(member.client.user.telegram.link.mutate(tampered)))).toBe(
      'telegram_bad_hash',
    );
    const stale = telegram.login({ id: tgId, first_name: 'Puffy' }, nowSeconds - 86_401);
    expect(reasonOf(await failure(member.client.user.telegram.link.mutate(stale)))).toBe('telegram_stale');
    expect((await member.client.user.info.query()).telegram).toBeNull();

    const good = telegram.login({ id: tgId, first_name: 'Puffy', username: 'puffyfan' }, nowSeconds - 60);
    expect(await member.client.user.telegram.link.mutate(good)).toEqual({
      telegram: { id: String(tgId), username: 'puffyfan' },
    });
    expect((await member.client.user.info.query()).telegram).toEqual({
      id: String(tgId),
      username: 'puffyfan',
    });
    const taken = await failure(other.client.user.telegram.link.mutate(good));
    expect(reasonOf(taken)).toBe('telegram_taken');

    const racers = await Promise.all(Array.from({ length: 5 }, () => signedInMember(server.url)));
    const shared = telegram.login({ id: tgId + 7, first_name: 'Shared' }, nowSeconds);
    const results = await Promise.allSettled(racers.map((r) => r.client.user.telegram.link.mutate(shared)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const { db, t } = server.deps.db;
    expect(
      await db
        .select()
        .from(t.users)
        .where(eq(t.users.telegramId, String(tgId + 7))),
    ).toHaveLength(1);
  });

  it('counts a Telegram join by getChatMember status, and revokes a kicked member', async () => {
    const member = await signedInMember(server.url);
    const tgId = 600_000_000 + Math.floor(Math.random() * 1e8);
    const nowSeconds = Math.floor(server.clock.now().getTime() / 1000);
    const join = await task('telegram_join', { chatId: CHAT, chatTitle: 'Puffy community' });
    expect(reasonOf(await failure(member.client.activity.verify.mutate(join)))).toBe('telegram_not_linked');
    await member.client.user.telegram.link.mutate(telegram.login({ id: tgId, first_name: 'P' }, nowSeconds));

    expect((await member.client.activity.verify.mutate(join)).outcome).toBe('not_done');
    telegram.set(CHAT, tgId, 'left');
    expect((await member.client.activity.verify.mutate(join)).outcome).toBe('not_done');
    telegram.set(CHAT, tgId, 'restricted', false);
    expect((await member.client.activity.verify.mutate(join)).outcome).toBe('not_done');
    telegram.set(CHAT, tgId, 'restricted', true);
    expect((await member.client.activity.verify.mutate(join)).outcome).toBe('completed');
    // The link earned a task: it stays.
    expect(reasonOf(await failure(member.client.user.telegram.unlink.mutate()))).toBe('telegram_locked');

    telegram.set(CHAT, tgId, 'kicked');
    const completion = await completionOf(member.userId, join.activityId);
    expect(await recheckCompletion(server.deps, completion?.id ?? '', null)).toMatchObject({
      status: 'revoked',
    });
    expect(await pointsOf(member.userId, join.campaignId)).toBe(0);

    telegram.set(CHAT, tgId, 'administrator');
    telegram.rateLimit(3);
    try {
      expect((await member.client.activity.verify.mutate(join)).outcome).toBe('checking');
    } finally {
      telegram.rateLimit(null);
    }
  });

  it('refuses to complete a checked task through activity.complete', async () => {
    const member = await signedInMember(server.url);
    const like = await task('x_like', { postId: '1700000000000000123' });
    const refused = await failure(member.client.activity.complete.mutate(like));
    expect(reasonOf(refused)).toBe('verify_task');
  });
});
