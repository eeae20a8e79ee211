import type { TChallengeOutput, TSignInProof, TWalletChain } from '@puffy/contracts';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { Conflict, Forbidden, PreconditionFailed } from '../platform/errors';
import { takeChallenge } from './challenges';
import { issueStoredChallenge } from './issue-challenge';
import { verifyProof } from './proofs';

type OwnershipDeps = Pick<Deps, 'store' | 'clock' | 'auth' | 'config'>;

/**
 * The exact purpose (for example `link_wallet:<userId>` or `eligibility:<campaignId>:<userId>`) is kept
 * beside the challenge, because the stored challenge only knows a coarse category; binding the full
 * string is what stops a challenge issued for one member or campaign from being spent on another.
 */
const purposeKey = (challengeId: string) => `auth:challenge-purpose:${challengeId}`;

const category = (purpose: string) => (purpose.startsWith('eligibility') ? 'eligibility' : 'link_wallet');

/**
 * A challenge that proves a signed-in member controls a further wallet (linking, or an eligibility
 * check on a second wallet). Same message and store as sign-in, so the same wallet code signs it; the
 * category stored is never `sign_in`, so `auth.verify` refuses it and no session can come of it.
 */
export async function issueOwnershipChallenge(
  deps: OwnershipDeps,
  input: { chain: TWalletChain; address?: string; chainId?: number; purpose: string },
): Promise<TChallengeOutput> {
  const issued = await issueStoredChallenge(deps, input, category(input.purpose));
  await deps.store.set(purposeKey(issued.challengeId), input.purpose, {
    ttlMs: deps.auth.challengeTtlSeconds * 1000,
  });
  return issued;
}

/**
 * Checks the signature over an ownership challenge and returns the wallet it proves (canonical
 * address; `addressHex` is the raw form for TON). The first call
 * consumes the challenge whatever its outcome. Errors are never UNAUTHORIZED: the member is signed in,
 * and a 401 would make the SPA sign them out.
 */
export async function verifyWalletOwnership(
  deps: OwnershipDeps,
  input: { challengeId: string; proof: TSignInProof; purpose: string },
): Promise<{ chain: TWalletChain; address: string; addressHex: string | null }> {
  const ttlSeconds = deps.auth.challengeTtlSeconds;
  const taken = await takeChallenge(deps, input.challengeId, ttlSeconds);
  if (taken.kind === 'replayed') {
    throw new Conflict(
      'This signature request was already used. Ask for a new one and sign again.',
      'challenge_used',
    );
  }
  const boundPurpose = await deps.store.take(purposeKey(input.challengeId));
  if (taken.kind === 'expired' || taken.challenge.purpose === 'sign_in' || boundPurpose === null) {
    throw new PreconditionFailed(
      'This signature request expired. Ask for a new one and sign again.',
      'challenge_expired',
    );
  }
  if (boundPurpose !== input.purpose) {
    throw new Forbidden(
      'This signature request was issued for something else. Ask for a new one and sign again.',
      'challenge_purpose',
    );
  }
  const verified = await verifyProof(deps, taken.challenge, input.proof);
  if (!verified.ok) throw new Forbidden(verified.message, verified.reason);
  return { chain: verified.chain, address: verified.address, addressHex: verified.addressHex };
}

/**
 * Records a wallet the member just proved as one of theirs. A wallet belongs to one account only:
 * when another member holds it already, nothing changes and the answer is CONFLICT `wallet_taken`
 * with `takenMessage`.
 */
export async function attachProvenWallet(
  deps: Pick<Deps, 'db' | 'clock'>,
  userId: string,
  wallet: { chain: TWalletChain; address: string; addressHex: string | null },
  takenMessage: string,
): Promise<void> {
  const { db, t } = deps.db;
  await db
    .insert(t.userWallets)
    .values({
      id: crypto.randomUUID(),
      userId,
      chain: wallet.chain,
      address: wallet.address,
      addressHex: wallet.addressHex,
      isPrimary: false,
      createdAt: deps.clock.now(),
    })
    .onConflictDoNothing();
  const [owner] = await db
    .select({ userId: t.userWallets.userId })
    .from(t.userWallets)
    .where(and(eq(t.userWallets.chain, wallet.chain), eq(t.userWallets.address, wallet.address)))
    .limit(1);
  if (owner?.userId !== userId) throw new Conflict(takenMessage, 'wallet_taken');
}
