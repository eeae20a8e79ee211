import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, rawRows, violatedConstraint } from '../../src/index';
import { type TestDatabase, testDatabases } from '../../src/testing';
import { createCampaign, createUser, errorText, rejection, uniq } from '../support/database';

async function createPromotion(db: Db) {
  const [promotion] = await db.db
    .insert(db.t.promotions)
    .values({ name: 'Pass', symbol: 'PASS', network: 'sol' })
    .returning();
  if (!promotion) throw new Error('no promotion');
  return promotion;
}

describe.each(testDatabases())('constraints on $label', ({ create }) => {
  let h: TestDatabase;
  beforeAll(async () => {
    h = await create();
  });
  afterAll(async () => {
    await h?.drop();
  });

  it('audit_log refuses UPDATE and DELETE', async () => {
    const { db, t } = h.db;
    const [row] = await db
      .insert(t.auditLog)
      .values({ action: 'campaign.update', targetType: 'campaign', targetId: '1' })
      .returning();
    if (!row) throw new Error('no audit row');
    const update = await rejection(
      db.update(t.auditLog).set({ action: 'tampered' }).where(eq(t.auditLog.id, row.id)),
    );
    expect(errorText(update)).toContain('audit_log is append-only');
    expect(violatedConstraint(update)?.kind).toBe('trigger');
    const remove = await rejection(db.delete(t.auditLog).where(eq(t.auditLog.id, row.id)));
    expect(errorText(remove)).toContain('audit_log is append-only');
    const [after] = await db.select().from(t.auditLog).where(eq(t.auditLog.id, row.id));
    expect(after?.action).toBe('campaign.update');
  });

  it('a wallet is unique per chain, on users and on user_wallets', async () => {
    const address = uniq('wallet');
    const user = await createUser(h.db, { walletChain: 'sol', walletAddress: address });
    const duplicate = await rejection(createUser(h.db, { walletChain: 'sol', walletAddress: address }));
    expect(violatedConstraint(duplicate)).toEqual({ kind: 'unique', constraint: 'users_wallet_unique' });
    await expect(createUser(h.db, { walletChain: 'evm', walletAddress: address })).resolves.toBeDefined();

    const { db, t } = h.db;
    const other = await createUser(h.db);
    await db.insert(t.userWallets).values({ userId: user.id, chain: 'ton', address });
    const stolen = await rejection(
      db.insert(t.userWallets).values({ userId: other.id, chain: 'ton', address }),
    );
    expect(violatedConstraint(stolen)).toEqual({ kind: 'unique', constraint: 'user_wallets_wallet_unique' });
  });

  it('an X account links to one user only', async () => {
    const twitterId = uniq('x');
    await createUser(h.db, { twitterId });
    const second = await rejection(createUser(h.db, { twitterId }));
    expect(violatedConstraint(second)).toEqual({ kind: 'unique', constraint: 'users_twitter_id_unique' });
  });

  it('a transaction hash pays for one thing only', async () => {
    const { db, t } = h.db;
    const payment = {
      purpose: 'nft_gas' as const,
      network: 'sol' as const,
      transactionHash: uniq('tx'),
      payer: 'payer',
      recipient: 'treasury',
      amount: 10_000_000n,
      expectedAmount: 10_000_000n,
      status: 'pending' as const,
    };
    await db.insert(t.payments).values(payment);
    const again = await rejection(db.insert(t.payments).values({ ...payment, purpose: 'order' }));
    expect(violatedConstraint(again)).toEqual({
      kind: 'unique',
      constraint: 'payments_transaction_hash_unique',
    });
    const skipped = await db
      .insert(t.payments)
      .values(payment)
      .onConflictDoNothing()
      .returning({ id: t.payments.id });
    expect(skipped).toEqual([]);
  });

  it('a member holds at most one NFT per promotion, and sequence numbers are never shared', async () => {
    const { db, t } = h.db;
    const [user, other, campaign, promotion] = await Promise.all([
      createUser(h.db),
      createUser(h.db),
      createCampaign(h.db),
      createPromotion(h.db),
    ]);
    const nft = {
      userId: user.id,
      promotionId: promotion.id,
      campaignId: campaign.id,
      network: 'sol' as const,
      gasFeeLamports: 1n,
    };
    await db.insert(t.userNfts).values({ ...nft, sequence: 1 });
    const second = await rejection(db.insert(t.userNfts).values({ ...nft, sequence: 2 }));
    expect(violatedConstraint(second)).toEqual({
      kind: 'unique',
      constraint: 'user_nfts_member_promotion_unique',
    });
    const sameNumber = await rejection(
      db.insert(t.userNfts).values({ ...nft, userId: other.id, sequence: 1 }),
    );
    expect(violatedConstraint(sameNumber)).toEqual({
      kind: 'unique',
      constraint: 'user_nfts_sequence_unique',
    });
  });

  it('a status outside its enum is refused by a CHECK constraint', async () => {
    const { db, t } = h.db;
    const [user, campaign, promotion] = await Promise.all([
      createUser(h.db),
      createCampaign(h.db),
      createPromotion(h.db),
    ]);
    const bogus = await rejection(
      db.insert(t.userNfts).values({
        userId: user.id,
        promotionId: promotion.id,
        campaignId: campaign.id,
        network: 'sol',
        sequence: 1,
        gasFeeLamports: 1n,
        status: 'stolen' as 'new',
      }),
    );
    expect(violatedConstraint(bogus)).toEqual({ kind: 'check', constraint: 'user_nfts_status_check' });
  });

  it('a referral code cannot be used more than max_uses times', async () => {
    const { db, t } = h.db;
    const [code] = await db
      .insert(t.referralCodes)
      .values({ code: uniq('CODE'), type: 'limited', maxUses: 2 })
      .returning();
    if (!code) throw new Error('no code');
    const use = () =>
      db
        .update(t.referralCodes)
        .set({ uses: sql`${t.referralCodes.uses} + 1` })
        .where(eq(t.referralCodes.id, code.id))
        .returning({ uses: t.referralCodes.uses });
    expect(await use()).toEqual([{ uses: 1 }]);
    expect(await use()).toEqual([{ uses: 2 }]);
    const third = await rejection(use());
    expect(violatedConstraint(third)).toEqual({ kind: 'check', constraint: 'referral_codes_uses_check' });
    const [after] = await db.select().from(t.referralCodes).where(eq(t.referralCodes.id, code.id));
    expect(after?.uses).toBe(2);
  });

  it('foreign keys are enforced', async () => {
    const { db, t } = h.db;
    const orphan = await rejection(
      db.insert(t.sessions).values({
        userId: 'no-such-user',
        refreshHash: 'h',
        lastUsedAt: new Date(),
        expiresAt: new Date(),
      }),
    );
    expect(violatedConstraint(orphan)?.kind).toBe('foreign_key');
  });

  it('violatedConstraint answers null for errors that are not constraint violations', async () => {
    expect(violatedConstraint(new Error('plain'))).toBeNull();
    const syntax = await rejection(h.db.db.select().from(h.db.t.users).where(sql`not valid sql (`));
    expect(violatedConstraint(syntax)).toBeNull();
  });
});

describe.each(testDatabases().filter((d) => d.name === 'postgres'))('audit_log on $label', ({ create }) => {
  it('refuses TRUNCATE too', async () => {
    const h = await create();
    try {
      await h.db.db.insert(h.db.t.auditLog).values({ action: 'x', targetType: 'y' });
      const truncate = await rejection(rawRows(h.db, sql`truncate audit_log`, h.db.db));
      expect(errorText(truncate)).toContain('audit_log is append-only: TRUNCATE refused');
      expect(await h.db.db.select().from(h.db.t.auditLog)).toHaveLength(1);
    } finally {
      await h.drop();
    }
  });
});
