import type { AppRouter } from '@puffy/api';
import { clientFor } from './helpers';
import { solanaWallet, tonWallet } from './wallets';

type Client = ReturnType<typeof clientFor<AppRouter>>;

let ipCounter = 0;
/** Each simulated member comes from its own address (the server trusts X-Forwarded-For in these tests). */
export function memberClient(url: string, headers: Record<string, string> = {}): Client {
  ipCounter += 1;
  return clientFor<AppRouter>(url, {
    headers: { 'x-forwarded-for': `10.1.${ipCounter >> 8}.${ipCounter & 255}`, ...headers },
  });
}

export async function signInSolana(
  url: string,
  wallet = solanaWallet(),
  delivery: 'cookie' | 'body' = 'body',
) {
  const client = memberClient(url);
  const challenge = await client.auth.challenge.mutate({ chain: 'sol', address: wallet.address });
  const session = await client.auth.verify.mutate({
    challengeId: challenge.challengeId,
    proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
    delivery,
  });
  return { wallet, challenge, session };
}

export async function signInTon(url: string, wallet = tonWallet()) {
  const client = memberClient(url);
  const challenge = await client.auth.challenge.mutate({ chain: 'ton' });
  const session = await client.auth.verify.mutate({
    challengeId: challenge.challengeId,
    proof: {
      chain: 'ton',
      address: wallet.address,
      publicKey: wallet.publicKey,
      proof: wallet.signProof(challenge.message, new URL(url).host),
    },
    delivery: 'body',
  });
  return { wallet, challenge, session };
}
