import { randomBytes } from 'node:crypto';
import type { TSignInProof } from '@puffy/contracts';
import { beginCell, type Contract, type StateInit, storeStateInit } from '@ton/core';
import { type KeyPair, keyPairFromSeed, sha256, sign } from '@ton/crypto';

/** A fixed clock: every test states its own "now". */
export const NOW = new Date('2025-06-01T12:00:00.000Z');
export const seconds = (n: number) => new Date(NOW.getTime() + n * 1000);
export const DOMAIN = 'rewards.puffy.test';
export const URI = 'https://rewards.puffy.test';
export const NONCE = 'n0nce7Q9xYz12345';
export const STATEMENT = 'Sign in to Puffy Reward Center.';

export const newTonKeyPair = (): KeyPair => keyPairFromSeed(randomBytes(32));

type TonWallet = Contract & { init: StateInit };

export interface TonProofOptions {
  keyPair: KeyPair;
  wallet: TonWallet;
  domain?: string;
  lengthBytes?: number;
  timestamp?: number;
  payload?: string;
  /** Sign with another key than the wallet's own. */
  signer?: KeyPair;
  /** Send another wallet's stateInit than the signing one. */
  stateInitOf?: TonWallet;
  publicKey?: Buffer;
}

/**
 * Written apart from src on purpose, the way a TON wallet (Tonkeeper, @tonconnect/sdk's reference
 * backend) builds and signs a ton_proof, so a mistake in src cannot be mirrored here.
 */
export async function makeTonProof(
  options: TonProofOptions,
): Promise<Extract<TSignInProof, { chain: 'ton' }>> {
  const domain = options.domain ?? DOMAIN;
  const timestamp = options.timestamp ?? Math.floor(NOW.getTime() / 1000);
  const payload = options.payload ?? NONCE;
  const address = options.wallet.address;

  const workchain = Buffer.alloc(4);
  workchain.writeInt32BE(address.workChain, 0);
  const domainLength = Buffer.alloc(4);
  domainLength.writeUInt32LE(Buffer.byteLength(domain), 0);
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64LE(BigInt(timestamp), 0);
  const message = Buffer.concat([
    Buffer.from('ton-proof-item-v2/'),
    workchain,
    address.hash,
    domainLength,
    Buffer.from(domain),
    ts,
    Buffer.from(payload),
  ]);
  const signed = await sha256(
    Buffer.concat([Buffer.from([0xff, 0xff]), Buffer.from('ton-connect'), await sha256(message)]),
  );
  const signature = sign(signed, (options.signer ?? options.keyPair).secretKey);
  const init = (options.stateInitOf ?? options.wallet).init;
  return {
    chain: 'ton',
    address: address.toRawString(),
    publicKey: (options.publicKey ?? options.keyPair.publicKey).toString('hex'),
    proof: {
      timestamp,
      domain: { lengthBytes: options.lengthBytes ?? Buffer.byteLength(domain), value: domain },
      payload,
      signature: signature.toString('base64'),
      stateInit: stateInitBase64(init),
    },
  };
}

export const stateInitBase64 = (init: StateInit): string =>
  beginCell().store(storeStateInit(init)).endCell().toBoc().toString('base64');
