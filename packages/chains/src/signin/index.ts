import { type TWalletChain, ZSignInProof } from '@puffy/contracts';
import type { Ed25519Verifier } from './ed25519';
import { type EvmClientSource, verifyEvmSignIn } from './evm';
import { fail, type SignInResult } from './result';
import { verifySolanaSignIn } from './solana';
import { verifyTonProof } from './ton';

export * from './ed25519';
export * from './evm';
export * from './result';
export * from './siws-message';
export * from './solana';
export * from './ton';
export { KNOWN_TON_WALLET_CODE_HASHES, readWalletPublicKey, type WalletKeyReading } from './ton-wallets';

/** What the server issued with a challenge, and its sign-in policy. */
export interface SignInExpectation {
  /** The chain the challenge was issued for; a proof for another chain is refused. */
  chain?: TWalletChain | undefined;
  /** The exact text issued for sol and evm (a sol proof carries no text of its own); for ton, the payload. */
  challengeMessage: string;
  /** The nonce written into the sol or evm message. */
  nonce: string;
  /** The ton_proof payload; `challengeMessage` when absent. */
  tonPayload?: string | undefined;
  /** The host[:port] the challenge is bound to, as written in the message. */
  domain: string;
  /** The URI written into the sol and evm messages. */
  uri: string;
  /** The address the challenge is bound to, if it was. */
  address?: string | null | undefined;
  now: Date;
  /** Oldest acceptable issue time (message Issued At, proof timestamp), normally the challenge lifetime. */
  maxAgeSeconds: number;
  evmChainIds: readonly number[];
  /** Hosts a ton_proof may name. */
  tonDomains: readonly string[];
  clockSkewSeconds?: number | undefined;
}

export interface SignInDeps {
  /** RPC access for contract-wallet (ERC-1271 / ERC-6492) signatures; EOAs need none. */
  evmClient?: EvmClientSource | undefined;
  ed25519?: Ed25519Verifier | undefined;
}

/**
 * One entry for the three wallet families. The proof is validated here with ZSignInProof, so any
 * value may be passed. Bad proofs resolve to `{ ok: false }`; only a misconfigured policy throws (and
 * an unreachable EVM RPC, as EvmRpcUnavailableError, since that says nothing about the proof).
 */
export async function verifySignIn(
  proof: unknown,
  expected: SignInExpectation,
  deps: SignInDeps = {},
): Promise<SignInResult> {
  const parsed = ZSignInProof.safeParse(proof);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return fail('malformed', `The proof is not valid: ${where}${issue?.message ?? 'unexpected shape'}.`);
  }
  const valid = parsed.data;
  if (expected.chain && valid.chain !== expected.chain) {
    return fail(
      'wrong_chain',
      `This sign-in request was issued for a ${expected.chain} wallet, not ${valid.chain}.`,
    );
  }
  const common = {
    now: expected.now,
    maxAgeSeconds: expected.maxAgeSeconds,
    address: expected.address,
    clockSkewSeconds: expected.clockSkewSeconds,
  };
  switch (valid.chain) {
    case 'sol':
      return verifySolanaSignIn(
        {
          message: expected.challengeMessage,
          address: valid.address,
          signatureBase58: valid.signature,
          expected: {
            ...common,
            domain: expected.domain,
            uri: expected.uri,
            nonce: expected.nonce,
            issuedMessage: expected.challengeMessage,
          },
        },
        { ed25519: deps.ed25519 },
      );
    case 'evm':
      return verifyEvmSignIn({
        message: valid.message,
        signature: valid.signature,
        address: valid.address,
        client: deps.evmClient,
        expected: {
          ...common,
          domain: expected.domain,
          uri: expected.uri,
          nonce: expected.nonce,
          chainIdAllowList: expected.evmChainIds,
          issuedMessage: expected.challengeMessage,
        },
      });
    case 'ton':
      return verifyTonProof(
        {
          address: valid.address,
          publicKey: valid.publicKey,
          proof: valid.proof,
          expected: {
            ...common,
            payload: expected.tonPayload ?? expected.challengeMessage,
            allowedDomains: expected.tonDomains,
          },
        },
        { ed25519: deps.ed25519 },
      );
  }
}
export * from './evm-clients';
