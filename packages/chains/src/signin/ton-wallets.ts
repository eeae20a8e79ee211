import type { Cell } from '@ton/core';

/**
 * Standard wallet contracts by the hash of their code cell, with where their data cell keeps the
 * public key. The hashes equal the code of @ton/ton's WalletContract* classes (a test proves it; v4R1
 * has no class there and is the one widely listed hash).
 */
const KNOWN_WALLETS: Readonly<
  Record<string, { version: string; keyOffsetBits: number; minDataBits: number }>
> = {
  // seqno:uint32 subwallet:uint32 public_key:bits256
  b61041a58a7980b946e8fb9e198e3c904d24799ffa36574ea4251c41a566f581: {
    version: 'v3R1',
    keyOffsetBits: 64,
    minDataBits: 320,
  },
  '84dafa449f98a6987789ba232358072bc0f76dc4524002a5d0918b9a75d2d599': {
    version: 'v3R2',
    keyOffsetBits: 64,
    minDataBits: 320,
  },
  // seqno:uint32 subwallet:uint32 public_key:bits256 plugins:(HashmapE 256 bits)
  '64dd54805522c5be8a9db59cea0105ccf0d08786ca79beb8cb79e880a8d7322d': {
    version: 'v4R1',
    keyOffsetBits: 64,
    minDataBits: 321,
  },
  feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0: {
    version: 'v4R2',
    keyOffsetBits: 64,
    minDataBits: 321,
  },
  // is_signature_allowed:bool seqno:uint32 wallet_id:uint32 public_key:bits256 extensions:(HashmapE 256 bits)
  '20834b7b72b112147e1b2fb457b84e74d1a30f04f737d4f62a668e9552d2b72f': {
    version: 'v5R1',
    keyOffsetBits: 65,
    minDataBits: 322,
  },
};

export const KNOWN_TON_WALLET_CODE_HASHES: readonly string[] = Object.keys(KNOWN_WALLETS);

export type WalletKeyReading =
  | { kind: 'key'; version: string; publicKey: Buffer }
  | { kind: 'unknown_code'; codeHash: string }
  | { kind: 'bad_data'; version: string };

/** The public key a standard wallet's data cell holds, identified by the code cell's hash. */
export function readWalletPublicKey(code: Cell, data: Cell): WalletKeyReading {
  const codeHash = code.hash().toString('hex');
  const wallet = KNOWN_WALLETS[codeHash];
  if (!wallet) return { kind: 'unknown_code', codeHash };
  if (data.bits.length < wallet.minDataBits) return { kind: 'bad_data', version: wallet.version };
  const slice = data.beginParse();
  slice.skip(wallet.keyOffsetBits);
  return { kind: 'key', version: wallet.version, publicKey: slice.loadBuffer(32) };
}
