import {
  AppError,
  type AppRouter,
  answerQuiz,
  completeActivity,
  type Deps,
  issuePartnerKey,
  PARTNER_RATE_RULE,
  revokePartnerKey,
  signVisitLink,
} from '@puffy/api';
import { createLocalSolanaChain, type LocalSolanaChain } from '@puffy/chains/local-chain';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { Keypair, PublicKey, SystemProgram, Transaction, TransactionInstruction } from '@solana/web3.js';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { addActivity, createCampaign, pointsState } from '../support/activity-fixtures';
import { clientFor } from '../support/helpers';

const MEMO_PROGRAM_ID = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';

/** The code and reason of a service call's refusal. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; reason: string | undefined }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, reason: error.options.reason };
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A member written straight to the database with one Solana wallet (the sign-in is tested elsewhere). */
async function memberWithWallet(deps: Deps, address = Keypair.generate().publicKey.toBase58()) {
  const { db, t } = deps.db;
  const now = deps.clock.now();
  const id = crypto.randomUUID();
  await db
    .insert(t.users)
    .values({ id, walletChain: 'sol', walletAddress: address, createdAt: now, updatedAt: now });
  await db
    .insert(t.userWallets)
    .values({ id: crypto.randomUUID(), userId: id, chain: 'sol', address, isPrimary: true, createdAt: now });
  return { userId: id, address };
}

const QUIZ = {
  questions: [
    { prompt: 'Which network mints the NFT?', choices: ['TON', 'Solana', 'Bitcoin'], correct: [1] },
    {
      prompt: 'Which of these are wallets?',
      choices: ['Phantom', 'Excel', 'MetaMask', 'Paint'],
      correct: [0, 2],
      multiple: true,
    },
  ],
  passPercent: 100,
  maxAttempts: 3,
};
const RIGHT = [[1], [0, 2]];
const WRONG = [[0], [0, 2]];

describe.each(testDatabases())('self-checking task kinds on $label', (factory) => {
  let database: TestDatabase;
  let server: TestServer;
  let chain: LocalSolanaChain;
  let deps: Deps;

  beforeAll(async () => {
    database = await factory.create({ migrate: false });
    chain = await createLocalSolanaChain({ now: () => new Date() });
    server = await startTestServer({
      env: { TRUST_PROXY: 'true', DATABASE_URL: database.url, SOLANA_RPC_URL: chain.url },
    });
    deps = server.deps;
  });
  afterAll(async () => {
    await server?.close();
    await chain?.close();
    await database?.drop();
  });

  const attemptRows = async (userId: string, activityId: number) => {
    const { db, t } = deps.db;
    return db
      .select()
      .from(t.quizAttempts)
      .where(and(eq(t.quizAttempts.userId, userId), eq(t.quizAttempts.activityId, activityId)));
  };

  describe('quiz', () => {
    let campaignId: number;
    let activityId: number;
    beforeAll(async () => {
      campaignId = await createCampaign(deps);
      activityId = await addActivity(deps, [campaignId], {
        kind: 'quiz',
        initiatedByUser: true,
        points: 30,
        parameter: QUIZ,
      });
    });

    it('sends the questions but never the right answers over the wire', async () => {
      const input = encodeURIComponent(JSON.stringify({ campaignId, activityId }));
      for (const path of [
        `activity.task?input=${input}`,
        `activity.list?input=${encodeURIComponent(JSON.stringify({ campaignId }))}`,
      ]) {
        const body = await (await fetch(`${server.url}/trpc/${path}`)).text();
        expect(body).not.toMatch(/"correct"|"parameter"/);
      }
      const view = await clientFor<AppRouter>(server.url).activity.task.query({ campaignId, activityId });
      expect(view).toEqual({
        kind: 'quiz',
        questions: QUIZ.questions.map((q, index) => ({
          index,
          prompt: q.prompt,
          choices: q.choices,
          multiple: q.multiple ?? false,
        })),
        passPercent: 100,
        maxAttempts: 3,
        attemptsUsed: 0,
        lastResult: null,
      });
    });

    it('spends at most the attempt limit when a member fires many attempts at once', async () => {
      const { userId } = await memberWithWallet(deps);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, () =>
          answerQuiz(deps, userId, { campaignId, activityId, answers: WRONG }),
        ),
      );
      const kept = outcomes.filter((o) => o.status === 'fulfilled');
      expect(kept).toHaveLength(3);
      for (const o of outcomes)
        if (o.status === 'rejected')
          expect(o.reason).toMatchObject({
            code: 'PRECONDITION_FAILED',
            options: { reason: 'quiz_no_attempts_left' },
          });
      expect((await attemptRows(userId, activityId)).map((r) => r.attempt).sort()).toEqual([1, 2, 3]);
      // The result says how many were right and how many a pass needs, never which.
      expect(kept[0]?.status === 'fulfilled' && kept[0].value.result).toEqual({
        correct: 1,
        total: 2,
        needed: 2,
        passed: false,
      });
      expect(await refusal(answerQuiz(deps, userId, { campaignId, activityId, answers: RIGHT }))).toEqual({
        code: 'PRECONDITION_FAILED',
        reason: 'quiz_no_attempts_left',
      });
      expect((await pointsState(deps, userId, campaignId)).campaign).toBe(0);
    });

    it('a pass completes the quiz once with its points, however many passing attempts race', async () => {
      const { userId } = await memberWithWallet(deps);
      const first = await answerQuiz(deps, userId, { campaignId, activityId, answers: WRONG });
      expect(first).toMatchObject({ status: 'not_started', attemptsUsed: 1, pointsAwarded: 0 });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, () => answerQuiz(deps, userId, { campaignId, activityId, answers: RIGHT })),
      );
      const passed = outcomes.filter((o) => o.status === 'fulfilled');
      expect(passed).toHaveLength(1);
      expect(passed[0]?.status === 'fulfilled' && passed[0].value).toMatchObject({
        status: 'completed',
        attemptsUsed: 2,
        pointsAwarded: 30,
        result: { correct: 2, total: 2, passed: true },
      });
      for (const o of outcomes)
        if (o.status === 'rejected')
          expect(o.reason).toMatchObject({ options: { reason: 'quiz_already_done' } });
      expect(await attemptRows(userId, activityId)).toHaveLength(2);
      expect(await pointsState(deps, userId, campaignId)).toMatchObject({ entries: 1, campaign: 30 });
      const { db, t } = deps.db;
      const [row] = await db.select().from(t.userActivities).where(eq(t.userActivities.userId, userId));
      expect(row?.data).toMatchObject({ quiz: { attempt: 2, correct: 2, total: 2 } });
    });

    it('answers that do not fit the questions spend no attempt; activity.complete refuses a quiz', async () => {
      const { userId } = await memberWithWallet(deps);
      for (const answers of [[[1]], [[1, 2], [0]], [[5], [0]], [[], [0]]])
        expect(await refusal(answerQuiz(deps, userId, { campaignId, activityId, answers }))).toEqual({
          code: 'BAD_REQUEST',
          reason: 'quiz_answers_invalid',
        });
      expect(await attemptRows(userId, activityId)).toHaveLength(0);
      expect(await refusal(completeActivity(deps, userId, { campaignId, activityId }))).toEqual({
        code: 'PRECONDITION_FAILED',
        reason: 'task_completes_elsewhere',
      });
    });
  });

  describe('visit a link', () => {
    const target = 'https://partner.example.org/welcome?from=puffy';
    let campaignId: number;
    let activityId: number;
    beforeAll(async () => {
      campaignId = await createCampaign(deps);
      activityId = await addActivity(deps, [campaignId], {
        kind: 'visit_link',
        initiatedByUser: true,
        points: 5,
        parameter: { url: target },
      });
    });

    it('counts a member once through the signed redirect, even opened many times at once', async () => {
      const { userId } = await memberWithWallet(deps);
      const token = signVisitLink(deps.auth.appSecret, {
        u: userId,
        a: activityId,
        c: campaignId,
        e: Math.floor(Date.now() / 1000) + 600,
      });
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${server.url}/go/${token}`, { redirect: 'manual' })),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(302);
        expect(answer.headers.get('location')).toBe(target);
      }
      expect(await pointsState(deps, userId, campaignId)).toMatchObject({ entries: 1, campaign: 5 });
      const { db, t } = deps.db;
      const rows = await db.select().from(t.userActivities).where(eq(t.userActivities.userId, userId));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.data).toMatchObject({ visit: { url: target } });
    });

    it('refuses a tampered or expired link and records nothing', async () => {
      const { userId } = await memberWithWallet(deps);
      const other = await memberWithWallet(deps);
      const claims = { u: userId, a: activityId, c: campaignId, e: Math.floor(Date.now() / 1000) + 600 };
      const good = signVisitLink(deps.auth.appSecret, claims);
      const [payload, mac] = good.split('.');
      const forOther = Buffer.from(JSON.stringify({ ...claims, u: other.userId })).toString('base64url');
      const flipped = `${mac?.slice(0, -2)}${mac?.endsWith('AA') ? 'BB' : 'AA'}`;
      for (const token of [`${forOther}.${mac}`, `${payload}.${flipped}`, `${payload}`, `${good}.x`]) {
        const answer = await fetch(`${server.url}/go/${token}`, { redirect: 'manual' });
        expect(answer.status, token).toBe(403);
      }
      const signedBySomeoneElse = signVisitLink('another-secret', claims);
      expect((await fetch(`${server.url}/go/${signedBySomeoneElse}`, { redirect: 'manual' })).status).toBe(
        403,
      );
      const expired = signVisitLink(deps.auth.appSecret, { ...claims, e: Math.floor(Date.now() / 1000) - 1 });
      expect((await fetch(`${server.url}/go/${expired}`, { redirect: 'manual' })).status).toBe(410);
      for (const id of [userId, other.userId])
        expect((await pointsState(deps, id, campaignId)).entries).toBe(0);
    });

    it('gives a signed-in member their own redirect and a guest none', async () => {
      const guest = await clientFor<AppRouter>(server.url).activity.task.query({ campaignId, activityId });
      expect(guest).toEqual({ kind: 'visit_link', host: 'partner.example.org', go: null });
      expect(JSON.stringify(guest)).not.toContain('welcome');
    });
  });

  describe('on-chain action', () => {
    const payer = Keypair.generate();
    const elsewhere = Keypair.generate().publicKey;

    function send(instructions: TransactionInstruction[]): string {
      const tx = new Transaction({ feePayer: payer.publicKey, recentBlockhash: chain.latestBlockhash() });
      tx.add(...instructions);
      tx.sign(payer);
      return chain.send(tx);
    }
    const memo = (text: string) =>
      new TransactionInstruction({
        programId: new PublicKey(MEMO_PROGRAM_ID),
        keys: [{ pubkey: payer.publicKey, isSigner: true, isWritable: false }],
        data: Buffer.from(text),
      });

    let userId: string;
    beforeAll(async () => {
      chain.airdrop(payer.publicKey.toBase58(), 1_000_000_000n);
      ({ userId } = await memberWithWallet(deps, payer.publicKey.toBase58()));
    });

    it('finds the member’s transaction to the program, with the minimum spent, inside the window', async () => {
      const campaignId = await createCampaign(deps, { startAt: new Date(Date.now() - 60 * 60_000) });
      const activityId = await addActivity(deps, [campaignId], {
        kind: 'onchain_tx',
        initiatedByUser: true,
        points: 50,
        parameter: { programId: MEMO_PROGRAM_ID, minLamports: '1000000' },
      });
      expect(await refusal(completeActivity(deps, userId, { campaignId, activityId }))).toEqual({
        code: 'PRECONDITION_FAILED',
        reason: 'onchain_not_found',
      });
      // A memo alone spends only the fee: the program is right, the amount is not.
      send([memo('gm')]);
      // A transfer of enough SOL without the program does not count either.
      send([
        SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: elsewhere, lamports: 3_000_000 }),
      ]);
      expect(await refusal(completeActivity(deps, userId, { campaignId, activityId }))).toEqual({
        code: 'PRECONDITION_FAILED',
        reason: 'onchain_not_found',
      });
      const signature = send([
        memo('puffy quest'),
        SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: elsewhere, lamports: 2_000_000 }),
      ]);
      const done = await completeActivity(deps, userId, { campaignId, activityId });
      expect(done).toMatchObject({ status: 'completed', pointsAwarded: 50, alreadyCompleted: false });
      const { db, t } = deps.db;
      const [row] = await db.select().from(t.userActivities).where(eq(t.userActivities.userId, userId));
      expect(row?.data).toMatchObject({
        onchain: {
          network: 'sol',
          wallet: payer.publicKey.toBase58(),
          signature,
          programId: MEMO_PROGRAM_ID,
          spentLamports: String(2_000_000 + 5_000),
        },
      });
      expect(chain.calls).toContain('getSignaturesForAddress');
    });

    it('does not count a transaction from before the campaign started', async () => {
      // Block times are whole seconds: the campaign starts after the last transaction's second.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const campaignId = await createCampaign(deps, { startAt: new Date() });
      const activityId = await addActivity(deps, [campaignId], {
        kind: 'onchain_tx',
        initiatedByUser: true,
        parameter: { programId: MEMO_PROGRAM_ID },
      });
      expect(await refusal(completeActivity(deps, userId, { campaignId, activityId }))).toEqual({
        code: 'PRECONDITION_FAILED',
        reason: 'onchain_not_found',
      });
    });
  });

  describe('partner API', () => {
    const operator = { userId: null, requestId: null };
    let campaignId: number;
    let activityId: number;
    const call = (token: string | null, body: unknown, ids = { campaignId, activityId }) =>
      fetch(`${server.url}/api/v1/campaigns/${ids.campaignId}/tasks/${ids.activityId}/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const answerOf = async (response: Response) => ({
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & { error?: { reason?: string } },
    });

    beforeAll(async () => {
      campaignId = await createCampaign(deps);
      activityId = await addActivity(deps, [campaignId], { kind: 'partner_api', points: 15 });
    });

    it('completes the task once for a member, however often the partner calls, each call audited', async () => {
      const { token } = await issuePartnerKey(deps, operator, {
        name: 'Game studio',
        scopes: ['tasks:complete'],
        campaignIds: [campaignId],
        expiresAt: null,
      });
      const { userId, address } = await memberWithWallet(deps);
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          call(token, { wallet: address, reference: 'match-42' }).then(answerOf),
        ),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(9);
      expect(answers.find((a) => a.status === 201)?.body).toEqual({
        campaignId,
        activityId,
        status: 'completed',
        created: true,
        pointsAwarded: 15,
      });
      expect(await pointsState(deps, userId, campaignId)).toMatchObject({ entries: 1, campaign: 15 });
      const { db, t } = deps.db;
      const audit = await db.select().from(t.auditLog).where(eq(t.auditLog.action, 'partner.task_completed'));
      expect(audit.filter((a) => (a.after as { userId?: string }).userId === userId)).toHaveLength(10);
    });

    it('refuses a missing, unknown, revoked or out-of-grant key, a bad body and an unknown wallet', async () => {
      const { address } = await memberWithWallet(deps);
      const other = await createCampaign(deps);
      const { token, key } = await issuePartnerKey(deps, operator, {
        name: 'Wallet app',
        scopes: ['tasks:complete'],
        campaignIds: [campaignId],
        expiresAt: null,
      });
      const readOnly = await issuePartnerKey(deps, operator, {
        name: 'Reader',
        scopes: ['eligibility:read'],
        campaignIds: null,
        expiresAt: null,
      });
      const reasonOf = async (r: Promise<Response>) => {
        const a = await answerOf(await r);
        return [a.status, a.body.error?.reason];
      };
      expect(await reasonOf(call(null, { wallet: address }))).toEqual([401, 'no_key']);
      const [, id] = token.split('_');
      expect(await reasonOf(call(`puffy_${id}_${'A'.repeat(43)}`, { wallet: address }))).toEqual([
        401,
        'unknown_key',
      ]);
      expect(await reasonOf(call(readOnly.token, { wallet: address }))).toEqual([403, 'key_scope']);
      expect(await reasonOf(call(token, { wallet: address }, { campaignId: other, activityId }))).toEqual([
        403,
        'key_campaign',
      ]);
      expect(await reasonOf(call(token, { wallet: 'short' }))).toEqual([400, 'bad_request']);
      expect(await reasonOf(call(token, { wallet: Keypair.generate().publicKey.toBase58() }))).toEqual([
        404,
        'member_not_found',
      ]);
      await revokePartnerKey(deps, operator, { keyId: key.id });
      expect(await reasonOf(call(token, { wallet: address }))).toEqual([403, 'key_revoked']);
      const { db, t } = deps.db;
      const refusals = await db.select().from(t.auditLog).where(eq(t.auditLog.targetId, key.id));
      expect(refusals.map((r) => r.action).sort()).toEqual([
        'partner.refused',
        'partner.refused',
        'partner_key.issued',
        'partner_key.revoked',
      ]);
      expect(JSON.stringify(refusals)).not.toContain(token.slice(`puffy_${key.id}_`.length));
    });

    it('limits each key per minute', async () => {
      const { address } = await memberWithWallet(deps);
      const { token, key } = await issuePartnerKey(deps, operator, {
        name: 'Busy partner',
        scopes: ['tasks:complete'],
        campaignIds: null,
        expiresAt: null,
      });
      for (let i = 0; i < PARTNER_RATE_RULE.points; i++)
        await deps.limiter.consume(PARTNER_RATE_RULE, key.id);
      const answer = await call(token, { wallet: address });
      expect(answer.status).toBe(429);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
});
