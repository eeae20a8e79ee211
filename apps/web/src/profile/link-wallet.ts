import type { TChallengeOutput, TLinkWalletOutput } from '@puffy/contracts';
import type { TonProofReply, TonWalletConnector, WalletConnector } from '../auth/connectors';

/** A wallet that can be linked as an extra one: an EVM wallet or a TON wallet. */
export type LinkableConnector = (WalletConnector & { chain: 'evm' }) | TonWalletConnector;

export interface LinkWalletApi {
  challenge(input: { chain: 'evm' | 'ton'; address?: string; chainId?: number }): Promise<TChallengeOutput>;
  linkEvm(input: {
    challengeId: string;
    proof: { chain: 'evm'; address: string; message: string; signature: string };
  }): Promise<TLinkWalletOutput>;
  linkTon(input: {
    challengeId: string;
    proof: { chain: 'ton' } & TonProofReply;
  }): Promise<TLinkWalletOutput>;
}

export type LinkStep = 'connecting' | 'challenge' | 'signing' | 'linking';

/**
 * Proves the member controls the wallet with a fresh challenge, the same message and checks as
 * sign-in, bound by the server to this member. TON signs the payload while connecting (TON Connect).
 */
export async function linkExtraWallet(
  connector: LinkableConnector,
  api: LinkWalletApi,
  onStep: (step: LinkStep) => void = () => {},
): Promise<TLinkWalletOutput> {
  if (connector.chain === 'ton') {
    onStep('challenge');
    const challenge = await api.challenge({ chain: 'ton' });
    onStep('signing');
    const reply = await connector.connectWithProof(challenge.message);
    onStep('linking');
    return api.linkTon({ challengeId: challenge.challengeId, proof: { chain: 'ton', ...reply } });
  }
  onStep('connecting');
  const { address, chainId } = await connector.connect();
  onStep('challenge');
  const challenge = await api.challenge({ chain: 'evm', address, chainId });
  onStep('signing');
  const signature = await connector.signMessage(challenge.message, address);
  onStep('linking');
  return api.linkEvm({
    challengeId: challenge.challengeId,
    proof: { chain: 'evm', address, message: challenge.message, signature },
  });
}
