import type { MailMessage } from '@puffy/api';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { createRateLimiter, type Store } from '@puffy/store';
import { createTestStore } from '@puffy/store/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, fixedClock } from '../../src';
import { discordCodeHash } from '../../src/discord/bot-codes';
import { redeemDiscordCode } from '../../src/discord/redeem';
import { EMAIL_CODE_MAX_TRIES, sendEmailCode, verifyEmailCode } from '../../src/user/email-codes';

const redisUrl = process.env.TEST_REDIS_URL;
const matrix = testDatabases().flatMap((factory) => [
  { factory, redis: false, label: factory.label },
  ...(redisUrl ? [{ factory, redis: true, label: `${factory.label} with Redis [redis]` }] : []),
]);

const reasonOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' && result.reason instanceof AppError
    ? result.reason.options.reason
    : 'fulfilled';

describe.each(matrix)('email and Discord codes under concurrency on $label', ({ factory, redis }) => {
  let database: TestDatabase;
  let store: Store;
  const sent: MailMessage[] = [];
  const clock = fixedClock(new Date('2026-05-01T10:00:00.000Z'));
  const deps = () => ({
    db: database.db,
    store,
    limiter: createRateLimiter(store),
    clock,
    mailer: { send: async (message: MailMessage) => void sent.push(message) },
    auth: { appSecret: 'codes-concurrency-test-secret-0123456789' },
    config: { publicOrigin: 'http://puffy.test' },
  });

  beforeAll(async () => {
    database = await factory.create();
    store = createTestStore({ redisUrl: redis ? redisUrl : undefined });
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  async function newMember(): Promise<string> {
    const { t } = database.db;
    const [row] = await database.db.db
      .insert(t.users)
      .values({ walletAddress: `wallet-${crypto.randomUUID()}`, walletChain: 'sol' })
      .returning({ id: t.users.id });
    if (!row) throw new Error('member not created');
    return row.id;
  }

  it('gives 300 concurrent wrong guesses exactly 5 comparisons, then the code is dead', async () => {
    const userId = await newMember();
    const email = `race-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await sendEmailCode(deps(), userId, email);
    const code = /code is (\d{6})/.exec(sent.at(-1)?.text ?? '')?.[1] ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, () => verifyEmailCode(deps(), userId, wrong)),
    );
    expect(results.filter((r) => reasonOf(r) === 'email_code_wrong')).toHaveLength(EMAIL_CODE_MAX_TRIES);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(0);
    await expect(verifyEmailCode(deps(), userId, code)).rejects.toThrow(/ask for a new one/i);
  });

  it('verifies a code once when 300 requests carry it at the same time', async () => {
    const userId = await newMember();
    const email = `once-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await sendEmailCode(deps(), userId, email);
    const code = /code is (\d{6})/.exec(sent.at(-1)?.text ?? '')?.[1] ?? '';
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, () => verifyEmailCode(deps(), userId, code)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const { t } = database.db;
    const [row] = await database.db.db
      .select({ email: t.users.email })
      .from(t.users)
      .where(eq(t.users.id, userId));
    expect(row?.email).toBe(email);
  });

  it('lets exactly one of 100 members redeem one Discord code', async () => {
    const { t } = database.db;
    const [campaign] = await database.db.db
      .insert(t.campaigns)
      .values({
        slug: `c-${crypto.randomUUID()}`,
        name: 'race',
        network: 'sol',
        vmType: 'svm',
        nftGasFeeLamports: 0n,
        // Discord codes work only while their campaign runs (docs/product/profile.md).
        isReady: true,
        isActive: true,
      })
      .returning({ id: t.campaigns.id });
    if (!campaign) throw new Error('campaign not created');
    const code = 'RACE2345';
    await database.db.db.insert(t.discordAuthCodes).values({
      campaignId: campaign.id,
      codeHash: discordCodeHash(deps(), code),
      discordUserId: '123456789012345678',
      discordUsername: 'racer',
      expiresAt: new Date(clock.now().getTime() + 60_000),
    });
    const members = await Promise.all(Array.from({ length: 100 }, () => newMember()));
    const results = await Promise.allSettled(
      members.map((userId) => redeemDiscordCode(deps(), userId, { campaignId: campaign.id, code })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const linked = await database.db.db
      .select({ id: t.users.id })
      .from(t.users)
      .where(eq(t.users.discordId, '123456789012345678'));
    expect(linked).toHaveLength(1);
  });
});
