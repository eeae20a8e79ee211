import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { workOf } from './work';

/**
 * Challenges are stateless and signed (HMAC-SHA256 with a server secret), so any instance can check a
 * solution; a store remembers used ones so a solution counts once (docs/product/sybil.md).
 */
const ZPayload = z.object({
  id: z.string(),
  scope: z.string(),
  bits: z.number().int(),
  exp: z.number().int(),
});

export interface IssuedChallenge {
  token: string;
  bits: number;
  expiresAt: Date;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest();

export function issueChallenge(options: {
  secret: string;
  scope: string;
  bits: number;
  ttlMs: number;
  now: Date;
}): IssuedChallenge {
  if (options.bits < 1 || options.bits > 32)
    throw new RangeError('a challenge asks for 1 to 32 bits of work');
  const exp = options.now.getTime() + options.ttlMs;
  const payload = b64url(
    JSON.stringify({
      id: randomBytes(12).toString('base64url'),
      scope: options.scope,
      bits: options.bits,
      exp,
    }),
  );
  return {
    token: `${payload}.${b64url(mac(options.secret, payload))}`,
    bits: options.bits,
    expiresAt: new Date(exp),
  };
}

export type ChallengeVerdict =
  | { ok: true }
  | {
      ok: false;
      reason: 'malformed' | 'forged' | 'wrong-scope' | 'expired' | 'not-enough-work' | 'already-used';
    };

/**
 * Checks a solution: the token is ours, for this action, not expired, the counter does the work, and
 * it was not used before (`markUsed` answers false when the id was already there; give it a store
 * shared by every instance, with the challenge's expiry).
 */
export async function verifySolution(options: {
  secret: string;
  scope: string;
  token: string;
  counter: number;
  now: Date;
  markUsed: (id: string, expiresAt: Date) => Promise<boolean>;
}): Promise<ChallengeVerdict> {
  const [payload, signature, extra] = options.token.split('.');
  if (
    !payload ||
    !signature ||
    extra !== undefined ||
    !Number.isSafeInteger(options.counter) ||
    options.counter < 0
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = mac(options.secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'forged' };
  const parsed = ZPayload.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const { id, scope, bits, exp } = parsed.data;
  if (scope !== options.scope) return { ok: false, reason: 'wrong-scope' };
  if (options.now.getTime() > exp) return { ok: false, reason: 'expired' };
  if (workOf(options.token, options.counter) < bits) return { ok: false, reason: 'not-enough-work' };
  if (!(await options.markUsed(id, new Date(exp)))) return { ok: false, reason: 'already-used' };
  return { ok: true };
}
