import type { TSessionOutput } from '@puffy/contracts';
import type { SignInConnector, TonProofReply, TonWalletConnector } from './connectors';

export type SignInStep = 'connecting' | 'challenge' | 'signing' | 'verifying';

export interface AuthApi {
  challenge(input: {
    chain: 'sol' | 'evm' | 'ton';
    address?: string;
    chainId?: number;
  }): Promise<{ challengeId: string; message: string }>;
  verify(input: {
    challengeId: string;
    proof:
      | { chain: 'sol'; address: string; signature: string }
      | { chain: 'evm'; address: string; message: string; signature: string }
      | ({ chain: 'ton' } & TonProofReply);
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
  connector: SignInConnector,
  api: AuthApi,
  signal: AbortSignal,
  onStep: (step: SignInStep) => void = () => {},
): Promise<TSessionOutput> {
  if (connector.chain === 'ton') return signInWithTon(connector, api, signal, onStep);
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

/**
 * TON Connect's order: the payload comes first because the wallet signs it while connecting, so the
 * challenge is not bound to an address; the server checks the proof's stateInit against the address.
 */
async function signInWithTon(
  connector: TonWalletConnector,
  api: AuthApi,
  signal: AbortSignal,
  onStep: (step: SignInStep) => void,
): Promise<TSessionOutput> {
  onStep('challenge');
  const challenge = await api.challenge({ chain: 'ton' });
  check(signal);
  onStep('signing');
  const reply = await connector.connectWithProof(challenge.message);
  check(signal);
  onStep('verifying');
  return api.verify({ challengeId: challenge.challengeId, proof: { chain: 'ton', ...reply } });
}
