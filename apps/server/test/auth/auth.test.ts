import type { AppRouter } from '@puffy/api';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor, failure } from '../support/helpers';
import { memberClient, signInSolana } from '../support/signin';
import { evmWallet, otherTonAddress, solanaWallet, tonWallet } from '../support/wallets';

type Client = ReturnType<typeof memberClient>;

describe('wallet sign-in', () => {
  let server: TestServer;
  let domain: string;
  let client: Client;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: 'true' } });
    domain = new URL(server.deps.config.publicOrigin).host;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    client = memberClient(server.url);
  });

  it('signs in with Solana (SIWS, Ed25519 over the exact message)', async () => {
    const { wallet, challenge, session } = await signInSolana(server.url);
    expect(challenge.message).toContain(`${domain} wants you to sign in with your Solana account:`);
    expect(challenge.message).toContain(wallet.address);
    expect(session.user).toMatchObject({ chain: 'sol', walletAddress: wallet.address, role: 'user' });
    expect(session.accessToken).toBeTruthy();
    const me = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    const state = await me.auth.session.query();
    expect(state).toMatchObject({ signedIn: true, user: { id: session.user.id } });
  });

  it('signs in with an EVM wallet (SIWE / EIP-4361)', async () => {
    const wallet = evmWallet();
    const challenge = await client.auth.challenge.mutate({
      chain: 'evm',
      address: wallet.address,
      chainId: 1,
    });
    expect(challenge.message).toContain('wants you to sign in with your Ethereum account:');
    const session = await client.auth.verify.mutate({
      challengeId: challenge.challengeId,
      proof: {
        chain: 'evm',
        address: wallet.address,
        message: challenge.message,
        signature: await wallet.signMessage(challenge.message),
      },
      delivery: 'body',
    });
    expect(session.user).toMatchObject({ chain: 'evm', walletAddress: wallet.address });
  });

  it.each(['v4', 'v5r1'] as const)('signs in with a TON %s wallet (ton_proof)', async (version) => {
    const wallet = tonWallet(version);
    const challenge = await client.auth.challenge.mutate({ chain: 'ton' });
    const session = await client.auth.verify.mutate({
      challengeId: challenge.challengeId,
      proof: {
        chain: 'ton',
        address: wallet.address,
        publicKey: wallet.publicKey,
        proof: wallet.signProof(challenge.message, domain),
      },
      delivery: 'body',
    });
    expect(session.user.chain).toBe('ton');
    expect(session.user.walletAddressHex).toBe(wallet.address);
  });

  it('signing in again with the same wallet is the same user', async () => {
    const wallet = solanaWallet();
    const first = await signInSolana(server.url, wallet);
    const second = await signInSolana(server.url, wallet);
    expect(second.session.user.id).toBe(first.session.user.id);
  });

  it('refuses a wrong signature, a signature by another key and a tampered message', async () => {
    const wallet = solanaWallet();
    const intruder = solanaWallet();
    for (const sign of [
      (m: string) => intruder.signMessage(m),
      (m: string) => wallet.signMessage(m.replace('Nonce', 'Nonse')),
      () => '1111111111111111111111111111111111111111111111111111111111111111',
    ]) {
      const challenge = await client.auth.challenge.mutate({ chain: 'sol', address: wallet.address });
      const error = await failure(
        client.auth.verify.mutate({
          challengeId: challenge.challengeId,
          proof: { chain: 'sol', address: wallet.address, signature: sign(challenge.message) },
        }),
      );
      expect(error.data?.code).toBe('UNAUTHORIZED');
    }
  });

  it('refuses a proof for another address than the challenge was issued to', async () => {
    const wallet = solanaWallet();
    const other = solanaWallet();
    const challenge = await client.auth.challenge.mutate({ chain: 'sol', address: wallet.address });
    const error = await failure(
      client.auth.verify.mutate({
        challengeId: challenge.challengeId,
        proof: { chain: 'sol', address: other.address, signature: other.signMessage(challenge.message) },
      }),
    );
    expect(error.data).toMatchObject({ code: 'UNAUTHORIZED', reason: 'wrong_address' });
  });

  it('refuses a tampered SIWE message, even one signed by the wallet', async () => {
    const wallet = evmWallet();
    const challenge = await client.auth.challenge.mutate({
      chain: 'evm',
      address: wallet.address,
      chainId: 1,
    });
    const forged = challenge.message.replace(domain, 'evil.example.com');
    const error = await failure(
      client.auth.verify.mutate({
        challengeId: challenge.challengeId,
        proof: {
          chain: 'evm',
          address: wallet.address,
          message: forged,
          signature: await wallet.signMessage(forged),
        },
      }),
    );
    expect(error.data?.code).toBe('UNAUTHORIZED');
  });

  it('refuses an EVM chain id outside the allow-list at challenge time', async () => {
    const error = await failure(
      client.auth.challenge.mutate({ chain: 'evm', address: evmWallet().address, chainId: 56 }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
  });

  it('refuses a TON proof for the wrong domain, and a state init that is not the address', async () => {
    const wallet = tonWallet();
    const challenge = await client.auth.challenge.mutate({ chain: 'ton' });
    const wrongDomain = await failure(
      client.auth.verify.mutate({
        challengeId: challenge.challengeId,
        proof: {
          chain: 'ton',
          address: wallet.address,
          publicKey: wallet.publicKey,
          proof: wallet.signProof(challenge.message, 'evil.example.com'),
        },
      }),
    );
    expect(wrongDomain.data?.code).toBe('UNAUTHORIZED');

    const again = await client.auth.challenge.mutate({ chain: 'ton' });
    const mismatch = await failure(
      client.auth.verify.mutate({
        challengeId: again.challengeId,
        proof: {
          chain: 'ton',
          address: otherTonAddress(),
          publicKey: wallet.publicKey,
          proof: wallet.signProof(again.message, domain),
        },
      }),
    );
    expect(mismatch.data?.code).toBe('UNAUTHORIZED');
  });

  it('consumes a challenge on first use: a replay is refused and recorded', async () => {
    const wallet = solanaWallet();
    const challenge = await client.auth.challenge.mutate({ chain: 'sol', address: wallet.address });
    const proof = {
      chain: 'sol' as const,
      address: wallet.address,
      signature: wallet.signMessage(challenge.message),
    };
    await client.auth.verify.mutate({ challengeId: challenge.challengeId, proof });
    const replay = await failure(client.auth.verify.mutate({ challengeId: challenge.challengeId, proof }));
    expect(replay.data).toMatchObject({ code: 'UNAUTHORIZED', reason: 'challenge_used' });
    const { db, t } = server.deps.db;
    const events = await db.select().from(t.securityEvents);
    expect(events.some((e) => e.type === 'challenge_replayed')).toBe(true);
  });

  it('a failed verify also consumes the challenge', async () => {
    const wallet = solanaWallet();
    const challenge = await client.auth.challenge.mutate({ chain: 'sol', address: wallet.address });
    await failure(
      client.auth.verify.mutate({
        challengeId: challenge.challengeId,
        proof: {
          chain: 'sol',
          address: wallet.address,
          signature: solanaWallet().signMessage(challenge.message),
        },
      }),
    );
    const retry = await failure(
      client.auth.verify.mutate({
        challengeId: challenge.challengeId,
        proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
      }),
    );
    expect(retry.data?.reason).toBe('challenge_used');
  });

  it('refuses an unknown or expired challenge', async () => {
    const wallet = solanaWallet();
    const error = await failure(
      client.auth.verify.mutate({
        challengeId: 'no-such-challenge-id',
        proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage('x') },
      }),
    );
    expect(error.data).toMatchObject({ code: 'UNAUTHORIZED', reason: 'challenge_expired' });
  });

  it('rejects malformed proofs with field errors and changes nothing', async () => {
    const error = await failure(
      client.auth.verify.mutate({
        challengeId: 'abcdefgh',
        proof: { chain: 'sol', address: 'not-base58!', signature: 42 } as never,
      }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(Object.keys(error.data?.fieldErrors ?? {}).some((k) => k.startsWith('proof'))).toBe(true);
  });

  it('makes exactly one user when the same new wallet signs in many times at once', async () => {
    const wallet = solanaWallet();
    const attempts = await Promise.all(Array.from({ length: 8 }, () => signInSolana(server.url, wallet)));
    expect(new Set(attempts.map((a) => a.session.user.id)).size).toBe(1);
    const { db, t } = server.deps.db;
    const rows = await db.select().from(t.users);
    expect(rows.filter((u) => u.walletAddress === wallet.address)).toHaveLength(1);
  });

  it('a first sign-in stores the user with its primary wallet, the session and the funnel step', async () => {
    const wallet = solanaWallet();
    const { session } = await signInSolana(server.url, wallet);
    const userId = session.user.id;
    const { db, t } = server.deps.db;
    const wallets = await db.select().from(t.userWallets).where(eq(t.userWallets.userId, userId));
    expect(wallets).toEqual([
      expect.objectContaining({ chain: 'sol', address: wallet.address, isPrimary: true }),
    ]);
    expect(await db.select().from(t.sessions).where(eq(t.sessions.userId, userId))).toHaveLength(1);
    const steps = await db.select().from(t.analyticsEvents).where(eq(t.analyticsEvents.userId, userId));
    expect(steps.map((e) => e.name)).toEqual(['sign_in']);
  });
});
