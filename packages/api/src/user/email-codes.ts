import { randomInt } from 'node:crypto';
import type { TEmailSendCodeOutput, TEmailVerified } from '@puffy/contracts';
import { lockKey, violatedConstraint } from '@puffy/db';
import { eq } from 'drizzle-orm';
import type { AuthConfig } from '../auth/config';
import { hmac, randomToken, safeEqual } from '../auth/secrets';
import type { ApiConfig, Deps } from '../deps';
import { BadInput, Conflict, PreconditionFailed, RateLimited } from '../platform/errors';
import { emitProfileEvent } from './events';
import { heldByAnother } from './member-row';

type EmailDeps = Pick<Deps, 'db' | 'store' | 'limiter' | 'clock' | 'mailer'> & {
  auth: Pick<AuthConfig, 'appSecret'>;
  config: Pick<ApiConfig, 'publicOrigin'>;
};

export const EMAIL_CODE_TTL_MS = 10 * 60 * 1000;
export const EMAIL_CODE_MAX_TRIES = 5;
/** Sends per address and minute; the per-member limit is the procedure's own rate limit. */
const perAddress = { name: 'user.email.sendCode:address', points: 3, durationSeconds: 60 };

/** The one pending code of a member: a new send replaces it, so only the latest code works. */
const codeKey = (userId: string) => `email:code:${userId}`;
/** The link's token, by its HMAC, points back to the member whose code it belongs to. */
const tokenKey = (tokenHash: string) => `email:link:${tokenHash}`;

/** Codes and tokens are kept only as HMACs: a store dump reveals neither. */
const codeHash = (deps: Pick<EmailDeps, 'auth'>, userId: string, code: string) =>
  hmac(deps.auth.appSecret, `email-code:${userId}:${code}`);
const tokenHash = (deps: Pick<EmailDeps, 'auth'>, token: string) =>
  hmac(deps.auth.appSecret, `email-link:${token}`);

export async function sendEmailCode(
  deps: EmailDeps,
  userId: string,
  email: string,
): Promise<TEmailSendCodeOutput> {
  const { db, t } = deps.db;
  const [owner] = await db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).limit(1);
  if (owner?.id === userId)
    throw new BadInput(
      'This email is already verified on your account.',
      { email: ['Already verified'] },
      'email_already_verified',
    );
  if (owner)
    throw new Conflict(
      'This email is already verified by another member. Use a different address.',
      'email_taken',
    );

  const limited = await deps.limiter.consume(perAddress, email);
  if (!limited.allowed) {
    throw new RateLimited(
      limited.retryAfterSeconds,
      `Too many codes were sent to this address. Try again in ${limited.retryAfterSeconds} seconds.`,
    );
  }

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const token = randomToken(24);
  const expiresAt = new Date(deps.clock.now().getTime() + EMAIL_CODE_TTL_MS);
  const previous = await deps.store.hget(codeKey(userId), 'tokenHash');
  if (previous) await deps.store.del(tokenKey(previous));
  await deps.store.del(codeKey(userId));
  await deps.store.hset(
    codeKey(userId),
    {
      email,
      codeHash: codeHash(deps, userId, code),
      tokenHash: tokenHash(deps, token),
      tries: '0',
      expiresAt: expiresAt.toISOString(),
    },
    { ttlMs: EMAIL_CODE_TTL_MS },
  );
  await deps.store.set(tokenKey(tokenHash(deps, token)), userId, { ttlMs: EMAIL_CODE_TTL_MS });

  const link = `${deps.config.publicOrigin}/auth/verify-email?token=${encodeURIComponent(token)}`;
  try {
    await deps.mailer.send({
      to: email,
      subject: 'Your Puffy verification code',
      text: [
        `Your verification code is ${code}`,
        '',
        'Or open this link to verify your email in one click:',
        link,
        '',
        'The code and the link work once and expire in 10 minutes.',
        'If you did not ask for this, ignore this email.',
      ].join('\n'),
    });
  } catch (error) {
    // An undelivered code must not linger where a guess could hit it.
    await deps.store.del(codeKey(userId));
    await deps.store.del(tokenKey(tokenHash(deps, token)));
    throw error;
  }
  return { sentTo: email, expiresAt: expiresAt.toISOString() };
}

/**
 * Checks the typed code. Each try is counted before comparing (the store's `hincr`), so concurrent
 * guesses share the five tries; the sixth finds the code dead. The winning try deletes the code, so
 * it works once.
 */
export async function verifyEmailCode(
  deps: EmailDeps,
  userId: string,
  code: string,
): Promise<TEmailVerified> {
  const key = codeKey(userId);
  const tries = await deps.store.hincr(key, 'tries');
  const pending = tries === null ? null : await deps.store.hgetAll(key);
  if (tries === null || pending === null) throw noPendingCode();
  if (isExpired(deps, pending)) {
    await deps.store.del(key);
    throw expiredCode();
  }
  if (tries > EMAIL_CODE_MAX_TRIES) {
    await deps.store.del(key);
    throw new PreconditionFailed(
      'Too many wrong codes. This code no longer works: ask for a new one.',
      'email_code_dead',
    );
  }
  if (!safeEqual(codeHash(deps, userId, code), pending.codeHash ?? '')) {
    const left = EMAIL_CODE_MAX_TRIES - tries;
    if (left === 0) await deps.store.del(key);
    throw new BadInput(
      left > 0
        ? `That code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.`
        : 'That code is not right, and it was the last try: ask for a new code.',
      { code: ['Wrong code'] },
      'email_code_wrong',
      { left },
    );
  }
  if (!(await deps.store.del(key))) throw noPendingCode();
  if (pending.tokenHash) await deps.store.del(tokenKey(pending.tokenHash));
  return setVerifiedEmail(deps, userId, pendingEmail(pending));
}

/** The one-click link: works without a session (it may be opened on another device), once. */
export async function verifyEmailLink(deps: EmailDeps, token: string): Promise<TEmailVerified> {
  const hashed = tokenHash(deps, token);
  const userId = await deps.store.take(tokenKey(hashed));
  if (!userId) {
    throw new PreconditionFailed(
      'This verification link has expired or was already used. Ask for a new email.',
      'email_link_invalid',
    );
  }
  const key = codeKey(userId);
  const pending = await deps.store.hgetAll(key);
  if (!pending || !safeEqual(pending.tokenHash ?? '', hashed)) {
    throw new PreconditionFailed(
      'This verification link has expired or was already used. Ask for a new email.',
      'email_link_invalid',
    );
  }
  if (isExpired(deps, pending)) {
    await deps.store.del(key);
    throw expiredCode();
  }
  if (!(await deps.store.del(key))) throw noPendingCode();
  return setVerifiedEmail(deps, userId, pendingEmail(pending));
}

async function setVerifiedEmail(deps: EmailDeps, userId: string, email: string): Promise<TEmailVerified> {
  const { t } = deps.db;
  try {
    await deps.db.withTransaction(async (tx) => {
      await lockKey(deps.db, tx, `users.email:${email}`);
      if (await heldByAnother(deps, tx, userId, 'email', email)) throw emailTaken();
      await tx.update(t.users).set({ email, updatedAt: deps.clock.now() }).where(eq(t.users.id, userId));
      await emitProfileEvent(deps, { userId, event: 'email_verified', tx });
    });
  } catch (error) {
    if (violatedConstraint(error)?.kind === 'unique') throw emailTaken();
    throw error;
  }
  return { email };
}

function pendingEmail(pending: Record<string, string>): string {
  const email = pending.email;
  if (!email) throw noPendingCode();
  return email;
}

const isExpired = (deps: Pick<Deps, 'clock'>, pending: Record<string, string>) =>
  deps.clock.now().getTime() >= Date.parse(pending.expiresAt ?? '');

const noPendingCode = () =>
  new PreconditionFailed(
    'No code is waiting: it expired or was used. Ask for a new one.',
    'email_code_missing',
  );
const expiredCode = () =>
  new PreconditionFailed('This code has expired. Ask for a new one.', 'email_code_expired');
const emailTaken = () =>
  new Conflict('This email is already verified by another member. Use a different address.', 'email_taken');
