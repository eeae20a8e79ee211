import { buildSiweMessage, buildSiwsMessage, normalizeEvmAddress, verifySignIn } from '@puffy/chains';
import type { TSignInFailureReason, TWalletChain, ZChallengeInput, ZSignInProof } from '@puffy/contracts';
import type { z } from 'zod';
import type { Deps } from '../deps';
import { BadInput } from '../platform/errors';
import { newNonce, type StoredChallenge } from './challenges';

export type ChallengeRequest = z.infer<typeof ZChallengeInput>;
export type SignInProof = z.infer<typeof ZSignInProof>;

const STATEMENT =
  'Sign in to Puffy Reward Center. This request will not trigger a transaction or cost any fees.';

/** Builds the exact text (sol, evm) or payload (ton) the wallet signs, bound to domain, address and nonce. */
export function buildChallengeMessage(
  deps: Pick<Deps, 'auth' | 'config'>,
  input: ChallengeRequest,
  issuedAt: Date,
  expiresAt: Date,
): { message: string; nonce: string; address: string | null; chainId: number | null } {
  const nonce = newNonce();
  const common = {
    domain: deps.auth.domain,
    uri: deps.config.publicOrigin,
    nonce,
    issuedAt,
    expirationTime: expiresAt,
  };
  if (input.chain === 'sol') {
    const address = required(input.address, 'sol');
    const message = buildSiwsMessage({
      ...common,
      address,
      statement: STATEMENT,
      version: '1',
      chainId: deps.auth.solanaChainId,
    });
    return { message, nonce, address, chainId: null };
  }
  if (input.chain === 'evm') {
    const address = normalizeEvmAddress(required(input.address, 'evm'));
    if (!address)
      throw new BadInput(
        'That is not an EVM address.',
        { address: ['0x followed by 40 hex digits'] },
        'evm_address_invalid',
      );
    const chainId = input.chainId ?? deps.auth.evmChainIds[0] ?? 1;
    if (!deps.auth.evmChainIds.includes(chainId)) {
      throw new BadInput(
        `Chain id ${chainId} is not supported for sign-in.`,
        {
          chainId: [`Use one of: ${deps.auth.evmChainIds.join(', ')}`],
        },
        'unsupported_chain_id',
        { chainId },
      );
    }
    const message = buildSiweMessage({ ...common, address, statement: STATEMENT, version: '1', chainId });
    return { message, nonce, address, chainId };
  }
  return { message: nonce, nonce, address: input.address ?? null, chainId: null };
}

function required(address: string | undefined, chain: TWalletChain): string {
  if (!address)
    throw new BadInput(
      `A ${chain} sign-in needs the wallet address.`,
      { address: ['Required'] },
      'address_required',
      { chain },
    );
  return address;
}

export type ProofOutcome =
  | { ok: true; chain: TWalletChain; address: string; addressHex: string | null }
  | { ok: false; reason: TSignInFailureReason; message: string };

/** Checks a proof against the stored challenge: same chain and address, then the chain's own verification. */
export async function verifyProof(
  deps: Pick<Deps, 'auth' | 'clock' | 'config'>,
  challenge: StoredChallenge,
  proof: SignInProof,
): Promise<ProofOutcome> {
  if (proof.chain !== challenge.chain) {
    return {
      ok: false,
      reason: 'wrong_chain',
      message: `This challenge was issued for a ${challenge.chain} wallet.`,
    };
  }
  const result = await verifySignIn(
    proof,
    {
      challengeMessage: challenge.message,
      address: challenge.address,
      domain: challenge.domain,
      uri: deps.config.publicOrigin,
      nonce: challenge.nonce,
      now: deps.clock.now(),
      evmChainIds: deps.auth.evmChainIds,
      tonDomains: deps.auth.tonDomains,
      tonPayload: challenge.nonce,
      maxAgeSeconds: deps.auth.challengeTtlSeconds,
    },
    { evmClient: deps.auth.evmClients },
  );
  if (!result.ok) return { ok: false, reason: result.reason, message: result.message };
  return { ok: true, chain: result.chain, address: result.address, addressHex: result.addressHex ?? null };
}
