import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../support/helpers';
import { memberClient } from '../support/signin';
import {
  type Member,
  signedInMember,
  startUserServer,
  type UserServer,
  variants,
} from '../support/user-harness';
import { evmWallet, tonWallet } from '../support/wallets';

const reasonOf = (error: Awaited<ReturnType<typeof failure>>) =>
  (error.data as { reason?: string } | undefined)?.reason;

describe.each(variants())('linking extra wallets on $label', (variant) => {
  let server: UserServer;
  let domain: string;
  beforeAll(async () => {
    server = await startUserServer(variant);
    domain = new URL(server.url).host;
  });
  afterAll(() => server?.close());

  async function evmLinkRequest(member: Member, wallet = evmWallet()) {
    const challenge = await member.client.user.linkWalletChallenge.mutate({
      chain: 'evm',
      address: wallet.address,
    });
    const proof = {
      chain: 'evm' as const,
      address: wallet.address,
      message: challenge.message,
      signature: await wallet.signMessage(challenge.message),
    };
    return { wallet, input: { challengeId: challenge.challengeId, proof } };
  }

  async function tonLinkRequest(member: Member, wallet = tonWallet()) {
    const challenge = await member.client.user.linkWalletChallenge.mutate({ chain: 'ton' });
    const proof = {
      chain: 'ton' as const,
      address: wallet.address,
      publicKey: wallet.publicKey,
      proof: wallet.signProof(challenge.message, domain, Math.floor(server.clock.now().getTime() / 1000)),
    };
    return { wallet, input: { challengeId: challenge.challengeId, proof } };
  }

  it('links an EVM and a TON wallet with fresh signatures; user.info lists them', async () => {
    const member = await signedInMember(server.url);
    const evm = await evmLinkRequest(member);
    const linked = await member.client.user.linkEvmWallet.mutate(evm.input);
    expect(linked.wallet).toMatchObject({ chain: 'evm', address: evm.wallet.address, isPrimary: false });
    server.clock.advance(1000);
    const ton = await tonLinkRequest(member);
    const tonLinked = await member.client.user.linkTonWallet.mutate(ton.input);
    expect(tonLinked.wallet.addressHex).toBe(ton.wallet.address);
    const info = await member.client.user.info.query();
    expect(info.wallets.map((w) => w.chain)).toEqual(['sol', 'evm', 'ton']);
    expect(info.wallets[0]).toMatchObject({ address: member.wallet.address, isPrimary: true });
    expect(info.evmWallets).toEqual([evm.wallet.address]);
    expect(info.tonWallets).toEqual([tonLinked.wallet.address]);
  });

  it('signs in as the same member with a linked wallet', async () => {
    const member = await signedInMember(server.url);
    const evm = await evmLinkRequest(member);
    await member.client.user.linkEvmWallet.mutate(evm.input);
    const anonymous = memberClient(server.url);
    const challenge = await anonymous.auth.challenge.mutate({ chain: 'evm', address: evm.wallet.address });
    const session = await anonymous.auth.verify.mutate({
      challengeId: challenge.challengeId,
      proof: {
        chain: 'evm',
        address: evm.wallet.address,
        message: challenge.message,
        signature: await evm.wallet.signMessage(challenge.message),
      },
      delivery: 'body',
    });
    expect(session.user.id).toBe(member.userId);
  });

  it('refuses a wallet that belongs to another member, with a message that says so', async () => {
    const [owner, other] = await Promise.all([signedInMember(server.url), signedInMember(server.url)]);
    const wallet = evmWallet();
    await owner.client.user.linkEvmWallet.mutate((await evmLinkRequest(owner, wallet)).input);
    const taken = await failure(
      other.client.user.linkEvmWallet.mutate((await evmLinkRequest(other, wallet)).input),
    );
    expect(taken.data?.code).toBe('CONFLICT');
    expect(reasonOf(taken)).toBe('wallet_taken');
    expect(taken.message).toContain('another member');
    expect((await other.client.user.info.query()).wallets).toHaveLength(1);

    // A wallet that signed up as its own member (its primary wallet) is refused the same way.
    const tonMember = tonWallet();
    const anonymous = memberClient(server.url);
    const challenge = await anonymous.auth.challenge.mutate({ chain: 'ton' });
    await anonymous.auth.verify.mutate({
      challengeId: challenge.challengeId,
      proof: {
        chain: 'ton',
        address: tonMember.address,
        publicKey: tonMember.publicKey,
        proof: tonMember.signProof(challenge.message, domain),
      },
      delivery: 'body',
    });
    const primary = await failure(
      other.client.user.linkTonWallet.mutate((await tonLinkRequest(other, tonMember)).input),
    );
    expect(reasonOf(primary)).toBe('wallet_taken');
  });

  it('lets one of several members racing for one wallet link it', async () => {
    const members = await Promise.all(Array.from({ length: 6 }, () => signedInMember(server.url)));
    const wallet = evmWallet();
    const requests = await Promise.all(members.map((m) => evmLinkRequest(m, wallet)));
    const results = await Promise.allSettled(
      members.map((m, i) => m.client.user.linkEvmWallet.mutate(requests[i]?.input ?? requests[0]!.input)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('uses a challenge once, for the member who asked, and only for linking', async () => {
    const [member, other] = await Promise.all([signedInMember(server.url), signedInMember(server.url)]);
    const first = await evmLinkRequest(member);
    await member.client.user.linkEvmWallet.mutate(first.input);
    const replay = await failure(member.client.user.linkEvmWallet.mutate(first.input));
    expect(reasonOf(replay)).toBe('challenge_used');
    const { t } = server.deps.db;
    const events = await server.deps.db.db
      .select({ type: t.securityEvents.type })
      .from(t.securityEvents)
      .where(eq(t.securityEvents.userId, member.userId));
    expect(events.map((e) => e.type)).toContain('challenge_replayed');

    const foreign = await evmLinkRequest(member);
    const stolen = await failure(other.client.user.linkEvmWallet.mutate(foreign.input));
    expect(reasonOf(stolen)).toBe('challenge_purpose');

    // A link challenge opens no session, and a sign-in challenge links nothing.
    const linkChallenge = await evmLinkRequest(member);
    const asSignIn = await failure(
      memberClient(server.url).auth.verify.mutate({ ...linkChallenge.input, delivery: 'body' }),
    );
    expect(asSignIn.data?.code).toBe('UNAUTHORIZED');
    const wallet = evmWallet();
    const anonymous = memberClient(server.url);
    const signIn = await anonymous.auth.challenge.mutate({ chain: 'evm', address: wallet.address });
    const asLink = await failure(
      member.client.user.linkEvmWallet.mutate({
        challengeId: signIn.challengeId,
        proof: {
          chain: 'evm',
          address: wallet.address,
          message: signIn.message,
          signature: await wallet.signMessage(signIn.message),
        },
      }),
    );
    expect(reasonOf(asLink)).toBe('challenge_expired');
  });

  it('refuses a signature from another wallet, a proof of the wrong chain, and an expired challenge', async () => {
    const member = await signedInMember(server.url);
    const claimed = evmWallet();
    const challenge = await member.client.user.linkWalletChallenge.mutate({
      chain: 'evm',
      address: claimed.address,
    });
    const forged = await failure(
      member.client.user.linkEvmWallet.mutate({
        challengeId: challenge.challengeId,
        proof: {
          chain: 'evm',
          address: claimed.address,
          message: challenge.message,
          signature: await evmWallet().signMessage(challenge.message),
        },
      }),
    );
    expect(forged.data?.code).toBe('FORBIDDEN');

    const ton = await tonLinkRequest(member);
    const wrongChain = await failure(
      member.client.user.linkEvmWallet.mutate(
        ton.input as unknown as Parameters<typeof member.client.user.linkEvmWallet.mutate>[0],
      ),
    );
    expect(wrongChain.data?.code).toBe('BAD_REQUEST');

    const late = await evmLinkRequest(member);
    server.clock.advance(server.deps.auth.challengeTtlSeconds * 1000 + 1000);
    try {
      const expired = await failure(member.client.user.linkEvmWallet.mutate(late.input));
      // The signed message's expiration time has passed (the store may also have dropped it by then).
      expect(['FORBIDDEN', 'PRECONDITION_FAILED']).toContain(expired.data?.code);
    } finally {
      server.clock.advance(-(server.deps.auth.challengeTtlSeconds * 1000 + 1000));
    }
    expect((await member.client.user.info.query()).wallets).toHaveLength(1);
  });
});
