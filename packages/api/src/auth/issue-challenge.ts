import type { TChallengeOutput } from '@puffy/contracts';
import type { Deps } from '../deps';
import { type StoredChallenge, saveChallenge } from './challenges';
import { buildChallengeMessage, type ChallengeRequest } from './proofs';

/**
 * Builds the message a wallet signs and keeps it for the verify call, for every kind of challenge:
 * sign-in, linking a wallet, or an eligibility check on a second wallet. One builder, so the same
 * wallet code signs all of them; only the stored purpose tells them apart.
 */
export async function issueStoredChallenge(
  deps: Pick<Deps, 'store' | 'clock' | 'auth' | 'config'>,
  request: ChallengeRequest,
  purpose: StoredChallenge['purpose'],
): Promise<TChallengeOutput> {
  const now = deps.clock.now();
  const ttlSeconds = deps.auth.challengeTtlSeconds;
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  const built = buildChallengeMessage(deps, request, now, expiresAt);
  const challengeId = await saveChallenge(
    deps,
    {
      chain: request.chain,
      address: built.address,
      chainId: built.chainId,
      domain: deps.auth.domain,
      nonce: built.nonce,
      message: built.message,
      issuedAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      purpose,
      userId: null,
    },
    ttlSeconds,
  );
  return { challengeId, message: built.message, expiresAt: expiresAt.toISOString() };
}
