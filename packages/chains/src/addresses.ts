import { Address } from '@ton/core';
import bs58 from 'bs58';
import { type Address as EvmAddress, getAddress, isAddress } from 'viem';

/** The 32 key bytes of a Solana address, or null when the text is not base58 of 32 bytes. */
export function decodeSolanaAddress(value: string): Uint8Array | null {
  if (value.length < 32 || value.length > 44) return null;
  const bytes = bs58.decodeUnsafe(value);
  return bytes?.length === 32 ? bytes : null;
}

/** Base58 of 32 bytes. Off-curve program-derived addresses count: they are addresses, though no key signs for them. */
export const isSolanaAddress = (value: string): boolean => decodeSolanaAddress(value) !== null;

/**
 * The EIP-55 checksummed form, or null. All-lowercase and all-uppercase inputs carry no checksum and
 * are accepted; a mixed-case input must match its checksum, since a wrong one means a mistyped address.
 */
export function normalizeEvmAddress(value: string): EvmAddress | null {
  if (!/^0x[0-9a-fA-F]{40}$/.test(value)) return null;
  const body = value.slice(2);
  const uncased = body === body.toLowerCase() || body === body.toUpperCase();
  if (!uncased && !isAddress(value, { strict: true })) return null;
  return getAddress(value);
}

export interface TonAddressForms {
  /** `<workchain>:<64 lowercase hex digits>`, the form to store and compare. */
  raw: string;
  /** Bounceable, url-safe user-friendly form, the form to show. */
  friendly: string;
}

/** Both forms of a raw or user-friendly TON address, or null when it is neither. */
export function normalizeTonAddress(
  value: string,
  options: { testOnly?: boolean } = {},
): TonAddressForms | null {
  const address = parseTonAddress(value);
  if (!address) return null;
  return tonAddressForms(address, options.testOnly ?? false);
}

export function parseTonAddress(value: string): Address | null {
  if (!Address.isRaw(value) && !Address.isFriendly(value)) return null;
  try {
    return Address.parse(value);
  } catch {
    // @ton/core throws plain strings for some malformed tags, so nothing narrower is caught here.
    return null;
  }
}

export function tonAddressForms(address: Address, testOnly = false): TonAddressForms {
  return {
    raw: address.toRawString(),
    friendly: address.toString({ urlSafe: true, bounceable: true, testOnly }),
  };
}
