import { type Address, type Client, isHex, verifyMessage } from 'viem';
import { getChainId, verifyMessage as verifyMessageOnChain } from 'viem/actions';
import { createSiweMessage, parseSiweMessage, type SiweMessage, validateSiweMessage } from 'viem/siwe';
import { normalizeEvmAddress } from '../addresses';
import { assertPolicy, checkFreshness } from './freshness';
import { fail, type SignInFailure, type SignInResult } from './result';

/** EIP-4361 fields; the issue time is required so that no clock hides inside the builder. */
export type SiweMessageInput = Omit<SiweMessage, 'issuedAt'> & { issuedAt: Date };

/** Writes the EIP-4361 text with viem; bad input is a programmer error and throws. */
export function buildSiweMessage(input: SiweMessageInput): string {
  if (Number.isNaN(input.issuedAt.getTime())) throw new TypeError('issuedAt must be a valid Date');
  return createSiweMessage(input);
}

export interface EvmSignInExpectation {
  domain: string;
  uri: string;
  nonce: string;
  /** EIP-155 chain ids a message may name. */
  chainIdAllowList: readonly number[];
  now: Date;
  /** How old the message's Issued At may be, normally the challenge lifetime. */
  maxAgeSeconds: number;
  /** The address the challenge was issued to, when it was bound to one. */
  address?: string | null | undefined;
  /** The exact text the server issued; the signed text must equal it. */
  issuedMessage?: string | undefined;
  clockSkewSeconds?: number | undefined;
}

export interface EvmSignInInput {
  message: string;
  /** 0x-hex: 65 bytes from an EOA, any length from a contract wallet (ERC-1271, ERC-6492). */
  signature: string;
  /** The address the client says signed; must be the message's address. */
  address?: string | undefined;
  expected: EvmSignInExpectation;
  /** RPC access for contract-wallet signatures; without it only EOA signatures can be checked. */
  client?: EvmClientSource | undefined;
}

/** One client, or the client for a chain id (Ethereum and Berachain need different RPCs). */
export type EvmClientSource = Client | ((chainId: number) => Client | undefined);

/** The RPC could not answer, so a contract-wallet signature could be neither accepted nor refused. */
export class EvmRpcUnavailableError extends Error {
  override readonly name = 'EvmRpcUnavailableError';
}

const MAX_MESSAGE_CHARS = 4096;
const EOA_SIGNATURE_HEX_LENGTHS = new Set([2 + 64 * 2, 2 + 65 * 2]);

/**
 * Sign-In with Ethereum: viem parses and validates the message; the checks viem leaves to its caller
 * (server nonce, domain, URI, version, chain id allow-list, issue-time freshness, issued text) come
 * first; then the signature, locally for an EOA, through the client for a contract wallet.
 */
export async function verifyEvmSignIn(input: EvmSignInInput): Promise<SignInResult> {
  const { expected } = input;
  assertPolicy(expected.now, expected.maxAgeSeconds);
  if (expected.chainIdAllowList.length === 0) throw new RangeError('chainIdAllowList must not be empty');
  if (input.message.length > MAX_MESSAGE_CHARS) return fail('malformed', 'The signed message is too long.');
  const signature = input.signature;
  if (!isHex(signature, { strict: true }) || signature.length % 2 !== 0 || signature.length < 4) {
    return fail('malformed', 'The signature must be 0x followed by an even number of hex digits.');
  }
  const checked = checkSiweMessage(input);
  if (!checked.ok) return checked;

  const { signer, chainId } = checked;
  if (await isValidEoaSignature(signer, input.message, signature)) {
    return { ok: true, chain: 'evm', address: signer };
  }
  const client = typeof input.client === 'function' ? input.client(chainId) : input.client;
  const verdict = client
    ? await checkContractSignature(client, chainId, signer, input.message, signature)
    : 'unchecked';
  if (verdict === 'valid') return { ok: true, chain: 'evm', address: signer };
  if (verdict === 'unchecked' && !EOA_SIGNATURE_HEX_LENGTHS.has(signature.length)) {
    return fail(
      'bad_signature',
      `This looks like a smart-contract wallet signature, which this server cannot check on chain ${chainId}; sign in with a regular account.`,
    );
  }
  return fail(
    'bad_signature',
    'The signature does not match this message and wallet; sign the message again.',
  );
}

function checkSiweMessage(
  input: EvmSignInInput,
): { ok: true; signer: Address; chainId: number } | SignInFailure {
  const { expected } = input;
  const fields = parseSiweMessage(input.message);
  const { domain, uri, version, chainId, nonce, issuedAt } = fields;
  if (!fields.address || !domain || !uri || !version || chainId === undefined || !nonce || !issuedAt) {
    return fail('malformed', 'This is not a complete Sign-In with Ethereum (EIP-4361) message.');
  }
  const signer = normalizeEvmAddress(fields.address);
  if (!signer) return fail('malformed', 'The address in the message has a wrong checksum.');
  if (input.address !== undefined && normalizeEvmAddress(input.address) !== signer) {
    return fail('wrong_address', 'The message names a different wallet than the one you connected.');
  }
  if (expected.address && normalizeEvmAddress(expected.address) !== signer) {
    return fail(
      'wrong_address',
      'This sign-in request was issued for another wallet; start again with this one.',
    );
  }
  if (domain !== expected.domain) {
    return fail(
      'wrong_domain',
      `The message is for ${domain}, not ${expected.domain}; sign in from this site.`,
    );
  }
  if (uri !== expected.uri)
    return fail('wrong_domain', `The message names the URI ${uri}, not ${expected.uri}.`);
  if (version !== '1') return fail('malformed', 'The message must carry Version: 1.');
  if (!expected.chainIdAllowList.includes(chainId)) {
    return fail(
      'unsupported_chain_id',
      `Chain ${chainId} is not accepted for sign-in; switch your wallet to chain ${expected.chainIdAllowList.join(' or ')}.`,
    );
  }
  if (nonce !== expected.nonce) {
    return fail('nonce_mismatch', 'The message does not carry this sign-in request’s nonce; start again.');
  }
  const stale = checkFreshness(
    { issuedAt, expirationTime: fields.expirationTime, notBefore: fields.notBefore },
    expected,
  );
  if (stale) return stale;
  // viem's own rules on top of ours (nonce alphabet, version, address syntax, expiry at `now`).
  if (!validateSiweMessage({ message: fields, address: signer, domain, nonce, time: expected.now })) {
    return fail('malformed', 'The message is not a valid EIP-4361 message.');
  }
  if (expected.issuedMessage !== undefined && expected.issuedMessage !== input.message) {
    return fail(
      'message_mismatch',
      'The signed message differs from the one this site issued; sign it unchanged.',
    );
  }
  return { ok: true, signer, chainId };
}

async function isValidEoaSignature(
  address: Address,
  message: string,
  signature: `0x${string}`,
): Promise<boolean> {
  // Locally and first: most sign-ins are EOAs and need no RPC round trip.
  try {
    return await verifyMessage({ address, message, signature });
  } catch {
    // Not a recoverable ECDSA signature; a contract wallet may still accept it.
    return false;
  }
}

/**
 * ERC-1271 for deployed contract wallets, ERC-6492 for counterfactual ones, through viem. viem reports
 * a failed RPC call as an invalid signature, so the client is asked for its chain id first: that call
 * tells an outage from a refusal, and keeps a signature from being checked on another chain than the
 * message names.
 */
async function checkContractSignature(
  client: Client,
  chainId: number,
  address: Address,
  message: string,
  signature: `0x${string}`,
): Promise<'valid' | 'invalid' | 'unchecked'> {
  try {
    if ((await getChainId(client)) !== chainId) return 'unchecked';
    return (await verifyMessageOnChain(client, { address, message, signature })) ? 'valid' : 'invalid';
  } catch (error) {
    throw new EvmRpcUnavailableError(
      `The EVM RPC for chain ${chainId} could not check a contract-wallet signature`,
      {
        cause: error,
      },
    );
  }
}
