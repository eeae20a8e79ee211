import { randomBytes } from 'node:crypto';
import type { TWalletChain } from '@puffy/contracts';
import { z } from 'zod';
import type { Deps } from '../deps';
import { randomToken } from './secrets';

/** What the server remembers about a challenge between `auth.challenge` and `auth.verify`. */
export const ZStoredChallenge = z.object({
  chain: z.enum(['sol', 'evm', 'ton']),
  address: z.string().nullable(),
  chainId: z.number().int().nullable(),
  domain: z.string(),
  nonce: z.string(),
  message: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  purpose: z.enum(['sign_in', 'link_wallet', 'eligibility']),
  /** For link and eligibility challenges: the member who asked. */
  userId: z.string().nullable(),
});
export type StoredChallenge = z.infer<typeof ZStoredChallenge>;

const key = (id: string) => `auth:challenge:${id}`;
const usedKey = (id: string) => `auth:challenge-used:${id}`;

export async function saveChallenge(
  deps: Pick<Deps, 'store'>,
  challenge: StoredChallenge,
  ttlSeconds: number,
) {
  const id = randomToken(18);
  await deps.store.set(key(id), JSON.stringify(challenge), { ttlMs: ttlSeconds * 1000 });
  return id;
}

export type TakeOutcome =
  | { kind: 'ok'; challenge: StoredChallenge }
  | { kind: 'expired' }
  | { kind: 'replayed' };

/**
 * Consumes a challenge: the first verify takes it (success or failure), on whichever instance; a
 * second one is told it was replayed, which is a security event, not a mere expiry.
 */
export async function takeChallenge(
  deps: Pick<Deps, 'store'>,
  id: string,
  ttlSeconds: number,
): Promise<TakeOutcome> {
  const raw = await deps.store.take(key(id));
  if (raw === null) return (await deps.store.get(usedKey(id))) ? { kind: 'replayed' } : { kind: 'expired' };
  await deps.store.set(usedKey(id), '1', { ttlMs: ttlSeconds * 1000 });
  return { kind: 'ok', challenge: ZStoredChallenge.parse(JSON.parse(raw)) };
}

/** Alphanumeric, as SIWE requires. */
export const newNonce = (): string => randomBytes(16).toString('hex');

export function chainLabel(chain: TWalletChain): string {
  return chain === 'sol' ? 'Solana' : chain === 'evm' ? 'Ethereum' : 'TON';
}
