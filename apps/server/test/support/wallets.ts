import { createHash, randomBytes } from 'node:crypto';
import { Keypair } from '@solana/web3.js';
import { Address, beginCell, storeStateInit } from '@ton/core';
import { keyPairFromSeed, sign } from '@ton/crypto';
import { WalletContractV4, WalletContractV5R1 } from '@ton/ton';
import bs58 from 'bs58';
import nacl from 'tweetnacl';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';

/** Real wallets made by each chain's own libraries; they sign exactly what a browser wallet would. */

export function solanaWallet() {
  const keypair = Keypair.generate();
  return {
    chain: 'sol' as const,
    address: keypair.publicKey.toBase58(),
    signMessage(message: string): string {
      return bs58.encode(nacl.sign.detached(new TextEncoder().encode(message), keypair.secretKey));
    },
  };
}

export function evmWallet() {
  const account = privateKeyToAccount(generatePrivateKey());
  return {
    chain: 'evm' as const,
    address: account.address,
    signMessage: (message: string) => account.signMessage({ message }),
  };
}

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

/** TON Connect's ton_proof, signed as a wallet signs it (ton-proof-item-v2). */
export function tonWallet(version: 'v4' | 'v5r1' = 'v4') {
  const keys = keyPairFromSeed(randomBytes(32));
  const contract =
    version === 'v4'
      ? WalletContractV4.create({ workchain: 0, publicKey: keys.publicKey })
      : WalletContractV5R1.create({ workchain: 0, publicKey: keys.publicKey });
  const stateInit = beginCell().store(storeStateInit(contract.init)).endCell().toBoc().toString('base64');
  const address: Address = contract.address;
  return {
    chain: 'ton' as const,
    address: address.toRawString(),
    friendly: address.toString({ urlSafe: true, bounceable: false }),
    publicKey: keys.publicKey.toString('hex'),
    stateInit,
    signProof(payload: string, domain: string, timestamp = Math.floor(Date.now() / 1000)) {
      const workchain = Buffer.alloc(4);
      workchain.writeInt32BE(address.workChain);
      const domainLength = Buffer.alloc(4);
      domainLength.writeUInt32LE(Buffer.byteLength(domain));
      const ts = Buffer.alloc(8);
      ts.writeBigUInt64LE(BigInt(timestamp));
      const message = Buffer.concat([
        Buffer.from('ton-proof-item-v2/'),
        workchain,
        address.hash,
        domainLength,
        Buffer.from(domain),
        ts,
        Buffer.from(payload),
      ]);
      const full = Buffer.concat([Buffer.from([0xff, 0xff]), Buffer.from('ton-connect'), sha256(message)]);
      return {
        timestamp,
        domain: { lengthBytes: Buffer.byteLength(domain), value: domain },
        payload,
        signature: sign(sha256(full), keys.secretKey).toString('base64'),
        stateInit,
      };
    },
  };
}

export const otherTonAddress = (): string => new Address(0, randomBytes(32)).toRawString();
