import { type Deps, dryRunReferralCode, redeemReferralCode } from '@puffy/api';
import type { TReferralCodeType } from '@puffy/contracts';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { addActivity, createCampaign, insertMembers, pointsState } from '../support/activity-fixtures';

async function issueCode(
  deps: Deps,
  fields: {
    owner: string | null;
    type?: TReferralCodeType;
    campaignId?: number | null;
    maxUses?: number | null;
    level?: number;
    disabledAt?: Date;
  },
): Promise<string> {
  const { db, t } = deps.db;
  const code = `T${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`.toUpperCase();
  await db.insert(t.referralCodes).values({
    id: crypto.randomUUID(),
    code,
    type: fields.type ?? 'limited',
    ownerUserId: fields.owner,
    campaignId: fields.campaignId ?? null,
    maxUses: fields.maxUses === undefined ? 10 : fields.maxUses,
    level: fields.level ?? 0,
    disabledAt: fields.disabledAt,
    createdAt: deps.clock.now(),
  });
  return code;
}

const refusal = (reason: string, code: string) => ({ code, options: expect.objectContaining({ reason }) });

describe.each(testDatabases())('referral redemption on $label', (factory) => {
  let database: TestDatabase;
  let server: TestServer;
  let deps: Deps;

  beforeAll(async () => {
    database = await factory.create({ migrate: false });
    server = await startTestServer({ env: { DATABASE_URL: database.url } });
    deps = server.deps;
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  const redeem = (userId: string, code: string, campaignId?: number) =>
    redeemReferralCode(deps, userId, { code, campaignId }, null);

  it('lets exactly 50 of 500 concurrent redemptions of a 50-use code through', async () => {
    const [owner = '', ...members] = await insertMembers(deps, 501);
    const campaignId = await createCampaign(deps);
    await addActivity(deps, [campaignId], { kind: 'refer_friends', quantity: 50, points: 100 });
    const code = await issueCode(deps, { owner, campaignId, maxUses: 50 });
    const results = await Promise.allSettled(members.map((m) => redeem(m, code)));
    const accepted = results.filter((r) => r.status === 'fulfilled');
    expect(accepted).toHaveLength(50);
    for (const r of results) {
      if (r.status === 'rejected')
        expect(r.reason).toMatchObject(refusal('code_used_up', 'PRECONDITION_FAILED'));
    }
    const { db, t } = deps.db;
    const [row] = await db.select().from(t.referralCodes).where(eq(t.referralCodes.code, code));
    expect(row?.uses).toBe(50);
    const [relations] = await db
      .select({ n: count() })
      .from(t.referralRelations)
      .where(eq(t.referralRelations.referrerUserId, owner));
    expect(relations?.n).toBe(50);
    const audit = await db
      .select({ outcome: t.referralRedemptions.outcome, n: count() })
      .from(t.referralRedemptions)
      .where(eq(t.referralRedemptions.code, code))
      .groupBy(t.referralRedemptions.outcome);
    expect(Object.fromEntries(audit.map((a) => [a.outcome, a.n]))).toEqual({ accepted: 50, refused: 450 });
    // The 50th referral completed the referrer's "refer 50 friends" activity, once.
    expect(await pointsState(deps, owner, campaignId)).toMatchObject({ entries: 1, campaign: 100 });
  });

  it('refuses self-referral, a second referrer, and explains unknown and expired codes', async () => {
    const [owner = '', other = '', member = ''] = await insertMembers(deps, 3);
    const campaignId = await createCampaign(deps);
    const code = await issueCode(deps, { owner, campaignId });
    const otherCode = await issueCode(deps, { owner: other, campaignId });
    await expect(redeem(owner, code)).rejects.toMatchObject(refusal('self_referral', 'BAD_REQUEST'));
    expect(await redeem(member, code)).toMatchObject({ campaignId, alreadyApplied: false });
    expect(await redeem(member, code)).toMatchObject({ alreadyApplied: true });
    await expect(redeem(member, otherCode)).rejects.toMatchObject(refusal('already_referred', 'CONFLICT'));
    await expect(redeem(member, 'NOSUCHCODE')).rejects.toMatchObject({
      ...refusal('unknown_code', 'NOT_FOUND'),
      message: 'There is no referral code "NOSUCHCODE". Check the spelling and try again.',
    });
    const expired = await issueCode(deps, {
      owner,
      campaignId,
      disabledAt: new Date('2024-01-02T00:00:00Z'),
    });
    await expect(redeem(other, expired)).rejects.toMatchObject({
      ...refusal('code_expired', 'PRECONDITION_FAILED'),
      message: `The referral code "${expired}" expired on 2024-01-02.`,
    });
    const { db, t } = deps.db;
    const [uses] = await db
      .select({ uses: t.referralCodes.uses })
      .from(t.referralCodes)
      .where(eq(t.referralCodes.code, code));
    expect(uses?.uses).toBe(1);
    const refused = await db
      .select({ reason: t.referralRedemptions.reason })
      .from(t.referralRedemptions)
      .where(and(eq(t.referralRedemptions.outcome, 'refused'), eq(t.referralRedemptions.userId, member)));
    expect(refused.map((r) => r.reason).sort()).toEqual(['already_referred', 'unknown_code']);
  });

  it('refuses cycles, direct and longer, within a campaign', async () => {
    const [a = '', b = '', c = ''] = await insertMembers(deps, 3);
    const campaignId = await createCampaign(deps);
    const codeOf = async (owner: string) => issueCode(deps, { owner, type: 'unlimited', maxUses: null });
    const [codeA, codeB, codeC] = [await codeOf(a), await codeOf(b), await codeOf(c)];
    await redeem(b, codeA, campaignId); // A → B
    await expect(redeem(a, codeB, campaignId)).rejects.toMatchObject(refusal('referral_cycle', 'CONFLICT'));
    await redeem(c, codeB, campaignId); // A → B → C
    await expect(redeem(a, codeC, campaignId)).rejects.toMatchObject(refusal('referral_cycle', 'CONFLICT'));
    // Another campaign is another graph: B may bring A in there.
    const elsewhere = await createCampaign(deps);
    expect(await redeem(a, codeB, elsewhere)).toMatchObject({ campaignId: elsewhere });
  });

  it('refuses concurrent redemptions that would close a cycle between them', async () => {
    const [a = '', b = ''] = await insertMembers(deps, 2);
    const campaignId = await createCampaign(deps);
    const codeA = await issueCode(deps, { owner: a, maxUses: null, type: 'unlimited' });
    const codeB = await issueCode(deps, { owner: b, maxUses: null, type: 'unlimited' });
    const results = await Promise.allSettled([redeem(b, codeA, campaignId), redeem(a, codeB, campaignId)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('applies campaign, global and level rules', async () => {
    const [owner = '', m1 = '', m2 = '', m3 = ''] = await insertMembers(deps, 4);
    const campaignId = await createCampaign(deps);
    const otherCampaign = await createCampaign(deps);
    const campaignCode = await issueCode(deps, { owner, campaignId });
    await expect(redeem(m1, campaignCode, otherCampaign)).rejects.toMatchObject(
      refusal('wrong_campaign', 'BAD_REQUEST'),
    );
    expect(await redeem(m1, campaignCode)).toMatchObject({ campaignId });
    const global = await issueCode(deps, { owner, type: 'gunlimited', maxUses: null });
    expect(await redeem(m2, global, otherCampaign)).toMatchObject({ campaignId: otherCampaign });
    expect(await redeem(m2, global)).toMatchObject({ campaignId: null });
    await expect(redeem(m3, global, 987_654)).rejects.toMatchObject(
      refusal('campaign_unavailable', 'NOT_FOUND'),
    );
    const { db, t } = deps.db;
    const tiered = await createCampaign(deps);
    await db
      .insert(t.campaignEligibleMethods)
      .values({ campaignId: tiered, method: 'referral', config: { minLevel: 2 } });
    const low = await issueCode(deps, { owner, level: 1 });
    await expect(redeem(m3, low, tiered)).rejects.toMatchObject(
      refusal('level_too_low', 'PRECONDITION_FAILED'),
    );
    const high = await issueCode(deps, { owner, level: 2 });
    expect(await redeem(m3, high, tiered)).toMatchObject({ campaignId: tiered });
  });

  it('dry-runs without writing anything', async () => {
    const [owner = '', member = ''] = await insertMembers(deps, 2);
    const campaignId = await createCampaign(deps);
    const code = await issueCode(deps, { owner, campaignId, maxUses: 3 });
    const guest = await dryRunReferralCode(deps, null, { code });
    expect(guest).toMatchObject({ valid: true, reason: null, campaignId, remainingUses: 3, type: 'limited' });
    expect(await dryRunReferralCode(deps, owner, { code })).toMatchObject({
      valid: false,
      reason: 'self_referral',
    });
    expect(await dryRunReferralCode(deps, member, { code: 'NOPE1234' })).toMatchObject({
      valid: false,
      reason: 'unknown_code',
    });
    const { db, t } = deps.db;
    const [audit] = await db
      .select({ n: count() })
      .from(t.referralRedemptions)
      .where(eq(t.referralRedemptions.userId, member));
    expect(audit?.n).toBe(0);
  });
});
