import { z } from 'zod';
import { ZWalletChain } from './enums';
import { text } from './text';

/*
 * Wire shapes of wallet sign-in (docs/architecture.md). Only zod here, so the browser can import them; the
 * cryptographic checks (checksums, curve points, contract code) live in @puffy/chains.
 */

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE58_RE = /^[1-9A-HJ-NP-Za-km-z]+$/;

/** Decoded byte length of a base58 string, or null when it is not base58. */
export function base58ByteLength(value: string): number | null {
  if (!BASE58_RE.test(value)) return null;
  let leadingZeros = 0;
  while (value[leadingZeros] === '1') leadingZeros += 1;
  // Big-endian base-256 digits of the number, built one base58 digit at a time.
  const bytes: number[] = [];
  for (const char of value.slice(leadingZeros)) {
    let carry = BASE58_ALPHABET.indexOf(char);
    for (let i = 0; i < bytes.length; i += 1) {
      carry += (bytes[i] ?? 0) * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  return leadingZeros + bytes.length;
}

/** A base58 string that decodes to exactly `bytes` bytes; the length is capped before decoding. */
const base58OfLength = (bytes: number, what: string) => {
  const maxChars = Math.ceil((bytes * Math.log(256)) / Math.log(58));
  return z.string().superRefine((value, ctx) => {
    if (value.length > maxChars) {
      ctx.addIssue({
        code: 'custom',
        message: `${what} is too long: base58 of ${bytes} bytes has at most ${maxChars} characters`,
      });
      return;
    }
    const length = base58ByteLength(value);
    if (length === null) {
      ctx.addIssue({
        code: 'custom',
        message: `${what} must be base58 (digits and letters except 0, O, I and l)`,
      });
    } else if (length !== bytes) {
      ctx.addIssue({ code: 'custom', message: `${what} must decode to ${bytes} bytes, not ${length}` });
    }
  });
};

export const ZSolanaAddress = base58OfLength(32, 'A Solana address');
export const ZSolanaSignature = base58OfLength(64, 'A Solana signature');

export const ZEvmAddress = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'An EVM address is 0x followed by 40 hex digits (20 bytes)');

/** EOA signatures are 65 bytes; contract wallets (ERC-1271, ERC-6492 wrappers) may be longer. */
export const ZEvmSignature = z
  .string()
  .max(32_770, 'The signature is longer than 16 KiB')
  .regex(/^0x(?:[0-9a-fA-F]{2})+$/, 'A signature is 0x followed by an even number of hex digits');

const TON_RAW_RE = /^-?\d{1,3}:[0-9a-fA-F]{64}$/;
const TON_FRIENDLY_RE = /^[A-Za-z0-9+/_-]{48}$/;

export const ZTonAddress = z
  .string()
  .refine(
    (value) => TON_RAW_RE.test(value) || TON_FRIENDLY_RE.test(value),
    'A TON address is raw (0:<64 hex digits>) or user-friendly (48 base64 characters)',
  );

export const ZTonPublicKey = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'A TON public key is 64 hex digits (32 bytes)');

const base64 = (maxChars: number, what: string) =>
  z
    .string()
    .min(1, `${what} is empty`)
    .max(maxChars, `${what} is longer than ${maxChars} characters`)
    .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, `${what} must be base64`);

export const ZTonProofBody = z.object({
  /** Unix seconds at which the wallet made the proof. */
  timestamp: z.number().int('timestamp must be whole seconds').nonnegative().max(Number.MAX_SAFE_INTEGER),
  domain: z.object({
    lengthBytes: z.number().int().nonnegative().max(1024),
    value: text().min(1).max(1024),
  }),
  payload: text().max(1024),
  signature: base64(90, 'The ton_proof signature').refine(
    (value) => value.replace(/=+$/, '').length === 86,
    'The ton_proof signature must be base64 of 64 bytes',
  ),
  /** The wallet's StateInit as a base64 bag of cells. */
  stateInit: base64(16_384, 'The stateInit'),
});
export type TTonProofBody = z.infer<typeof ZTonProofBody>;

/** The proof `auth.verify` accepts, one shape per wallet family (as each wallet family returns it). */
export const ZSignInProof = z.discriminatedUnion('chain', [
  z.object({ chain: z.literal('sol'), address: ZSolanaAddress, signature: ZSolanaSignature }),
  z.object({
    chain: z.literal('evm'),
    address: ZEvmAddress,
    message: text().min(1).max(4096, 'The signed message is longer than 4096 characters'),
    signature: ZEvmSignature,
  }),
  z.object({ chain: z.literal('ton'), address: ZTonAddress, publicKey: ZTonPublicKey, proof: ZTonProofBody }),
]);
export type TSignInProof = z.infer<typeof ZSignInProof>;

const addressSchemaByChain = { sol: ZSolanaAddress, evm: ZEvmAddress, ton: ZTonAddress } as const;

export const ZChallengeInput = z
  .object({
    chain: ZWalletChain,
    address: text().min(1).max(128).optional(),
    /** EVM only: the EIP-155 chain id named in the message; the server's first allowed one when absent. */
    chainId: z.number().int().positive().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.address === undefined) {
      // The Solana and EVM messages name the address, so the server cannot write them without it.
      if (input.chain !== 'ton') {
        ctx.addIssue({
          code: 'custom',
          path: ['address'],
          message: `A ${input.chain} sign-in needs the wallet address: the message to sign contains it`,
        });
      }
      return;
    }
    const parsed = addressSchemaByChain[input.chain].safeParse(input.address);
    for (const issue of parsed.error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: issue.message });
    }
  });
export type TChallengeInput = z.infer<typeof ZChallengeInput>;

/** The proof as a whole: unreadable, for another chain, a bad signature, or another wallet's. */
const PROOF_FAILURES = ['malformed', 'wrong_chain', 'bad_signature', 'wrong_address'] as const;
/** What the signed message says: another site, outside its validity, another request or chain id. */
const MESSAGE_FAILURES = [
  'wrong_domain',
  'expired',
  'not_yet_valid',
  'nonce_mismatch',
  'message_mismatch',
  'unsupported_chain_id',
] as const;
/** A TON wallet whose contract does not match the proof, or is not a wallet we know. */
const TON_WALLET_FAILURES = ['state_init_mismatch', 'public_key_mismatch', 'unknown_wallet'] as const;

/** Why a sign-in proof was refused; carried in the error's `reason` and in security events. */
export const ZSignInFailureReason = z.enum([...PROOF_FAILURES, ...MESSAGE_FAILURES, ...TON_WALLET_FAILURES]);
export type TSignInFailureReason = z.infer<typeof ZSignInFailureReason>;
