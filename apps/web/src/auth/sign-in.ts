import type { TSessionOutput } from '@puffy/contracts';
import type { WalletConnector } from './connectors';

export type SignInStep = 'connecting' | 'challenge' | 'signing' | 'verifying';

export interface AuthApi {
  challenge(input: {
    chain: 'sol' | 'evm';
    address: string;
    chainId?: number;
  }): Promise<{ challengeId: string; message: string }>;
  verify(input: {
    challengeId: string;
    proof:
      | { chain: 'sol'; address: string; signature: string }
      | { chain: 'evm'; address: string; message: string; signature: string };
  }): Promise<TSessionOutput>;
}

export class SignInAborted extends Error {
  constructor() {
    super('The wallet changed while signing in. Start again with the account you want.');
    this.name = 'SignInAborted';
  }
}

function check(signal: AbortSignal) {
  if (signal.aborted) throw new SignInAborted();
}

/**
 * Connect → challenge → sign → verify. Aborted at every step when the wallet switches accounts, so
 * a session is never opened for an account the member has moved away from.
 */
export async function signInWithWallet(
  connector: WalletConnector,
  api: AuthApi,
  signal: AbortSignal,
  onStep: (step: SignInStep) => void = () => {},
): Promise<TSessionOutput> {
  if (connector.chain === 'ton') throw new Error('TON sign-in goes through TON Connect');
  onStep('connecting');
  const { address, chainId } = await connector.connect();
  check(signal);
  onStep('challenge');
  const challenge = await api.challenge(
    connector.chain === 'evm' ? { chain: 'evm', address, chainId } : { chain: 'sol', address },
  );
  check(signal);
  onStep('signing');
  const signature = await connector.signMessage(challenge.message, address);
  check(signal);
  onStep('verifying');
  const proof =
    connector.chain === 'evm'
      ? { chain: 'evm' as const, address, message: challenge.message, signature }
      : { chain: 'sol' as const, address, signature };
  return api.verify({ challengeId: challenge.challengeId, proof });
}
