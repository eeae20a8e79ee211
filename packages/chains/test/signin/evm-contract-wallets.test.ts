import { serializeErc6492Signature } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import {
  buildSiweMessage,
  EvmRpcUnavailableError,
  type EvmSignInExpectation,
  verifyEvmSignIn,
} from '../../src';
import { DOMAIN, NONCE, NOW, STATEMENT, seconds, URI } from '../support/fixtures';
import { fakeEvmRpc, type SmartAccount } from './support/fake-evm-rpc';

const expected: EvmSignInExpectation = {
  domain: DOMAIN,
  uri: URI,
  nonce: NONCE,
  chainIdAllowList: [1, 80094],
  now: seconds(5),
  maxAgeSeconds: 300,
};

const messageFor = (address: `0x${string}`, chainId = 1) =>
  buildSiweMessage({
    domain: DOMAIN,
    address,
    statement: STATEMENT,
    uri: URI,
    version: '1',
    chainId,
    nonce: NONCE,
    issuedAt: NOW,
    expirationTime: seconds(300),
  });

describe('verifyEvmSignIn with contract wallets (ERC-1271 / ERC-6492 through a client)', () => {
  const owner = privateKeyToAccount(generatePrivateKey());
  const smartAccount = (deployed: boolean): SmartAccount => ({
    address: privateKeyToAccount(generatePrivateKey()).address,
    owner: owner.address,
    factory: '0x1111111111111111111111111111111111111111',
    factoryData: '0xdeadbeef',
    deployed,
  });

  async function contractProof(wallet: SmartAccount, signer = owner) {
    const message = messageFor(wallet.address);
    const ownerSignature = await signer.signMessage({ message });
    const wrapped = serializeErc6492Signature({
      address: wallet.factory,
      data: wallet.factoryData,
      signature: ownerSignature,
    });
    return { message, ownerSignature, wrapped };
  }

  it('accepts a counterfactual (ERC-6492) account through eth_call', async () => {
    const wallet = smartAccount(false);
    const rpc = fakeEvmRpc(1, wallet);
    const { message, wrapped } = await contractProof(wallet);
    const result = await verifyEvmSignIn({
      message,
      signature: wrapped,
      address: wallet.address,
      expected,
      client: rpc.client,
    });
    expect(result).toEqual({ ok: true, chain: 'evm', address: wallet.address });
    expect(rpc.methods).toEqual(['eth_chainId', 'eth_call']);
  });

  it('accepts a deployed (ERC-1271) account, chosen per chain id', async () => {
    const wallet = smartAccount(true);
    const rpc = fakeEvmRpc(80094, wallet);
    const message = messageFor(wallet.address, 80094);
    const signature = await owner.signMessage({ message });
    const result = await verifyEvmSignIn({
      message,
      signature,
      expected,
      client: (chainId) => (chainId === 80094 ? rpc.client : undefined),
    });
    expect(result).toMatchObject({ ok: true, address: wallet.address });
  });

  it('refuses a contract-wallet signature by someone other than the owner', async () => {
    const wallet = smartAccount(false);
    const rpc = fakeEvmRpc(1, wallet);
    const { message, wrapped } = await contractProof(wallet, privateKeyToAccount(generatePrivateKey()));
    expect(
      await verifyEvmSignIn({ message, signature: wrapped, expected, client: rpc.client }),
    ).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    expect(rpc.methods).toContain('eth_call');
  });

  it('says plainly when it cannot check a contract wallet: no client, or a client on another chain', async () => {
    const wallet = smartAccount(false);
    const { message, wrapped } = await contractProof(wallet);
    const without = await verifyEvmSignIn({ message, signature: wrapped, expected });
    expect(without).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(without.ok ? '' : without.message).toContain('smart-contract wallet');
    const elsewhere = fakeEvmRpc(80094, wallet);
    expect(
      await verifyEvmSignIn({ message, signature: wrapped, expected, client: elsewhere.client }),
    ).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    expect(elsewhere.methods).toEqual(['eth_chainId']);
  });

  it('never asks the RPC about an EOA signature', async () => {
    const rpc = fakeEvmRpc(1, smartAccount(false));
    const eoa = privateKeyToAccount(generatePrivateKey());
    const message = messageFor(eoa.address);
    const signature = await eoa.signMessage({ message });
    expect(await verifyEvmSignIn({ message, signature, expected, client: rpc.client })).toMatchObject({
      ok: true,
    });
    expect(rpc.methods).toEqual([]);
  });

  it('throws EvmRpcUnavailableError when the RPC is down, rather than calling the proof bad', async () => {
    const wallet = smartAccount(false);
    const rpc = fakeEvmRpc(1, wallet);
    rpc.setReachable(false);
    const { message, wrapped } = await contractProof(wallet);
    await expect(
      verifyEvmSignIn({ message, signature: wrapped, expected, client: rpc.client }),
    ).rejects.toBeInstanceOf(EvmRpcUnavailableError);
  });
});
