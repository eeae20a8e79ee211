import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../support/helpers';
import {
  createCampaign,
  type Member,
  signedInMember,
  startUserServer,
  type UserServer,
  variants,
} from '../support/user-harness';
import { startFakeX, type XUser, xUser } from './support/fake-x';

const reasonOf = (error: Awaited<ReturnType<typeof failure>>) =>
  (error.data as { reason?: string } | undefined)?.reason;

describe.each(variants())('X (Twitter) linking on $label', (variant) => {
  let server: UserServer;
  let x: Awaited<ReturnType<typeof startFakeX>>;
  beforeAll(async () => {
    x = await startFakeX();
    server = await startUserServer(variant, x.env);
  });
  afterAll(async () => {
    await server?.close();
    await x?.close();
  });

  async function authorize(member: Member, user: XUser) {
    const { authorizeUrl } = await member.client.user.twitter.start.mutate();
    return x.approve(authorizeUrl, user);
  }

  it('starts with PKCE (S256) and state, and links the X account from the callback', async () => {
    const member = await signedInMember(server.url);
    const { authorizeUrl, expiresAt } = await member.client.user.twitter.start.mutate();
    const url = new URL(authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${x.baseUrl}/i/oauth2/authorize`);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe(x.env.X_CLIENT_ID);
    expect(url.searchParams.get('redirect_uri')).toBe(`${server.url}/auth/oauth-callback`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(16);
    expect(Date.parse(expiresAt) - server.clock.now().getTime()).toBe(10 * 60 * 1000);

    const user = xUser();
    const linked = await member.client.user.twitter.complete.mutate(x.approve(authorizeUrl, user));
    expect(linked.twitter).toEqual({ id: user.id, handle: user.username, locked: false });
    const info = await member.client.user.info.query();
    expect(info.twitter).toEqual({ id: user.id, handle: user.username, locked: false });
    expect(info.name).toBe(user.name);
    expect(info.avatarUrl).toBe(user.profile_image_url);
    expect(await member.client.user.twitterLock.query()).toEqual({
      linked: true,
      locked: false,
      reason: null,
    });
    const verifier = x.requests.at(-1)?.form.get('code_verifier');
    expect(verifier).toMatch(/^[\w-]{43,128}$/);
  });

  it('refuses a replayed state', async () => {
    const member = await signedInMember(server.url);
    const callback = await authorize(member, xUser());
    await member.client.user.twitter.complete.mutate(callback);
    const replay = await failure(member.client.user.twitter.complete.mutate(callback));
    expect(replay.data?.code).toBe('CONFLICT');
    expect(reasonOf(replay)).toBe('oauth_state_used');
  });

  it('refuses a state older than 10 minutes (fixed clock) and an unknown state', async () => {
    const member = await signedInMember(server.url);
    const callback = await authorize(member, xUser());
    server.clock.advance(10 * 60 * 1000 + 1000);
    try {
      const expired = await failure(member.client.user.twitter.complete.mutate(callback));
      expect(reasonOf(expired)).toBe('oauth_state_expired');
    } finally {
      server.clock.advance(-(10 * 60 * 1000 + 1000));
    }
    const unknown = await failure(
      member.client.user.twitter.complete.mutate({ code: 'whatever', state: 'a'.repeat(43) }),
    );
    expect(unknown.data?.code).toBe('PRECONDITION_FAILED');
    expect((await member.client.user.info.query()).twitter).toBeNull();
  });

  it('refuses a state another member started, and a code X rejects', async () => {
    const [owner, thief] = await Promise.all([signedInMember(server.url), signedInMember(server.url)]);
    const stolen = await failure(thief.client.user.twitter.complete.mutate(await authorize(owner, xUser())));
    expect(stolen.data?.code).toBe('FORBIDDEN');
    const { state } = await authorize(owner, xUser());
    const rejected = await failure(
      owner.client.user.twitter.complete.mutate({ code: 'not-a-real-code', state }),
    );
    expect(rejected.data?.code).toBe('BAD_REQUEST');
    expect((await owner.client.user.info.query()).twitter).toBeNull();
  });

  it('links one X account to one member only', async () => {
    const [first, second] = await Promise.all([signedInMember(server.url), signedInMember(server.url)]);
    const shared = xUser();
    await first.client.user.twitter.complete.mutate(await authorize(first, shared));
    const taken = await failure(second.client.user.twitter.complete.mutate(await authorize(second, shared)));
    expect(taken.data?.code).toBe('CONFLICT');
    expect(reasonOf(taken)).toBe('x_taken');
    expect((await second.client.user.info.query()).twitter).toBeNull();
  });

  it('lets exactly one of several members racing for one X account link it', async () => {
    const members = await Promise.all(Array.from({ length: 6 }, () => signedInMember(server.url)));
    const shared = xUser();
    const callbacks = await Promise.all(members.map((m) => authorize(m, shared)));
    const results = await Promise.allSettled(
      members.map((m, i) => m.client.user.twitter.complete.mutate(callbacks[i] ?? { code: '', state: '' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const { t } = server.deps.db;
    const owners = await server.deps.db.db.select().from(t.users).where(eq(t.users.twitterId, shared.id));
    expect(owners).toHaveLength(1);
  });

  it('unlinks an unlocked link, and then the account is free again', async () => {
    const [first, second] = await Promise.all([signedInMember(server.url), signedInMember(server.url)]);
    const user = xUser();
    await first.client.user.twitter.complete.mutate(await authorize(first, user));
    expect(await first.client.user.twitter.unlink.mutate()).toEqual({ ok: true });
    expect(await first.client.user.twitterLock.query()).toEqual({
      linked: false,
      locked: false,
      reason: null,
    });
    const relinked = await second.client.user.twitter.complete.mutate(await authorize(second, user));
    expect(relinked.twitter.id).toBe(user.id);
  });

  it('locks the link once it earned an activity: no unlink, no change', async () => {
    const { t } = server.deps.db;
    const campaignId = await createCampaign(server.deps);
    const [activity] = await server.deps.db.db
      .insert(t.activities)
      .values({ scope: 'campaign', kind: 'link_x', name: 'Link your X account' })
      .returning({ id: t.activities.id });
    if (!activity) throw new Error('activity not created');
    await server.deps.db.db
      .insert(t.campaignActivities)
      .values({ campaignId, activityId: activity.id, points: 10 });

    const member = await signedInMember(server.url);
    const linked = await member.client.user.twitter.complete.mutate(await authorize(member, xUser()));
    expect(linked.twitter.locked).toBe(true);
    const lock = await member.client.user.twitterLock.query();
    expect(lock).toMatchObject({ linked: true, locked: true });
    expect(lock.reason).toBeTruthy();
    const unlink = await failure(member.client.user.twitter.unlink.mutate());
    expect(reasonOf(unlink)).toBe('x_locked');
    const change = await failure(member.client.user.twitter.start.mutate());
    expect(reasonOf(change)).toBe('x_locked');
    expect((await member.client.user.info.query()).points).toBe(10);
  });

  it('keeps an avatar an admin locked', async () => {
    const member = await signedInMember(server.url);
    const { t } = server.deps.db;
    await server.deps.db.db
      .update(t.users)
      .set({ avatarUrl: 'https://cdn.puffy.test/moderated.png', avatarLocked: true })
      .where(eq(t.users.id, member.userId));
    await member.client.user.twitter.complete.mutate(await authorize(member, xUser()));
    const info = await member.client.user.info.query();
    expect(info).toMatchObject({ avatarUrl: 'https://cdn.puffy.test/moderated.png', avatarLocked: true });
  });
});
