import { USER_INFO_LIST_LIMIT } from '@puffy/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../support/helpers';
import { memberClient } from '../support/signin';
import {
  createCampaign,
  signedInMember,
  startUserServer,
  type UserServer,
  variants,
} from '../support/user-harness';

describe.each(variants())('user.info on $label', (variant) => {
  let server: UserServer;
  beforeAll(async () => {
    server = await startUserServer(variant);
  });
  afterAll(() => server?.close());

  it('describes a new member with every field and empty lists', async () => {
    const member = await signedInMember(server.url);
    const info = await member.client.user.info.query();
    expect(info).toMatchObject({
      id: member.userId,
      walletAddress: member.wallet.address,
      walletAddressHex: null,
      chain: 'sol',
      evmWallets: [],
      tonWallets: [],
      twitter: null,
      name: null,
      avatarUrl: null,
      avatarLocked: false,
      email: null,
      discord: null,
      telegram: null,
      points: 0,
      referralCode: null,
    });
    for (const list of [
      'activities',
      'campaignActivities',
      'referrals',
      'nfts',
      'eligibilities',
      'products',
    ] as const) {
      expect(info[list]).toEqual({ items: [], hasMore: false });
    }
    expect(Date.parse(info.createdAt)).not.toBeNaN();
  });

  it('bounds long lists and says there are more', async () => {
    const referrer = await signedInMember(server.url);
    const { db, t } = server.deps.db;
    const [code] = await db
      .insert(t.referralCodes)
      .values({
        code: `REF${crypto.randomUUID().slice(0, 8)}`,
        type: 'unlimited',
        ownerUserId: referrer.userId,
      })
      .returning({ id: t.referralCodes.id, code: t.referralCodes.code });
    if (!code) throw new Error('code not created');
    const total = USER_INFO_LIST_LIMIT + 5;
    for (let i = 0; i < total; i += 1) {
      const [referee] = await db
        .insert(t.users)
        .values({ walletAddress: `referee-${crypto.randomUUID()}`, walletChain: 'sol' })
        .returning({ id: t.users.id });
      if (!referee) throw new Error('referee not created');
      await db.insert(t.referralRelations).values({
        codeId: code.id,
        referrerUserId: referrer.userId,
        refereeUserId: referee.id,
        scopeKey: 'global',
      });
    }
    const info = await referrer.client.user.info.query();
    expect(info.referrals.items).toHaveLength(USER_INFO_LIST_LIMIT);
    expect(info.referrals.hasMore).toBe(true);
    expect(info.referralCode).toBe(code.code);
  });

  it("shows the member's own referral code, not one issued to them for a campaign, on every database", async () => {
    const member = await signedInMember(server.url);
    const campaignId = await createCampaign(server.deps);
    const { db, t } = server.deps.db;
    await db.insert(t.referralCodes).values({
      code: `CAMP${crypto.randomUUID().slice(0, 8)}`,
      type: 'limited',
      campaignId,
      ownerUserId: member.userId,
      maxUses: 10,
    });
    const own = await member.client.referral.myCode.mutate();
    expect((await member.client.user.info.query()).referralCode).toBe(own.code);
  });

  it('is for signed-in members only', async () => {
    const error = await failure(memberClient(server.url).user.info.query());
    expect(error.data?.code).toBe('UNAUTHORIZED');
  });
});
