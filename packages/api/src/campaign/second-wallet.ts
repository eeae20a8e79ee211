import type {
  TEligibilityAnswer,
  TEligibleSignInInput,
  TEligibleSignInOutput,
  TEligibleVerifyInput,
} from '@puffy/contracts';
import { attachProvenWallet, issueOwnershipChallenge, verifyWalletOwnership } from '../auth/wallet-ownership';
import type { Deps } from '../deps';
import type { EngineDeps } from '../eligibility/engine';
import { loadCampaignRules } from '../eligibility/rules';
import { checkEligible } from '../eligibility/service';
import { NotFound } from '../platform/errors';

type SecondWalletDeps = EngineDeps & Pick<Deps, 'auth' | 'config'>;

/** Binds the challenge to this member and campaign: a proof cannot be replayed for anyone else. */
const purposeOf = (campaignId: number, userId: string) => `eligibility:${campaignId}:${userId}`;

/** Step one of proving a second wallet: the message that wallet must sign. */
export async function eligibleSignIn(
  deps: SecondWalletDeps,
  userId: string,
  input: TEligibleSignInInput,
): Promise<TEligibleSignInOutput> {
  if (!(await loadCampaignRules(deps, [input.campaignId])).has(input.campaignId)) {
    throw new NotFound('This campaign does not exist or is not open to members.', 'campaign_not_found');
  }
  return issueOwnershipChallenge(deps, {
    chain: input.chain,
    address: input.address,
    chainId: input.chainId,
    purpose: purposeOf(input.campaignId, userId),
  });
}

/**
 * Step two: checks the signature, links the wallet to the member (a wallet belongs to one member
 * only), then runs the recorded eligibility check with that wallet.
 */
export async function eligibleVerify(
  deps: SecondWalletDeps,
  userId: string,
  input: TEligibleVerifyInput,
): Promise<TEligibilityAnswer> {
  const wallet = await verifyWalletOwnership(deps, {
    challengeId: input.challengeId,
    proof: input.proof,
    purpose: purposeOf(input.campaignId, userId),
  });
  await attachProvenWallet(deps, userId, wallet, 'This wallet already belongs to another account.');
  return checkEligible(deps, userId, {
    campaignId: input.campaignId,
    wallet: { chain: wallet.chain, address: wallet.address },
  });
}
