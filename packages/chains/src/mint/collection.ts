import { createCollectionV1, mplCore } from '@metaplex-foundation/mpl-core';
import { createSignerFromKeypair, signerIdentity } from '@metaplex-foundation/umi';
import { createUmi } from '@metaplex-foundation/umi-bundle-defaults';
import { fromWeb3JsKeypair, toWeb3JsInstruction } from '@metaplex-foundation/umi-web3js-adapters';
import { Keypair, Transaction } from '@solana/web3.js';
import type { SolanaRpc } from '../payments/rpc';

/**
 * Creates a Metaplex Core collection whose update authority is `authority` (the server's mint
 * authority), so the mint job may add assets to it. For operators' set-up scripts and the development
 * chain; returns the collection address once the transaction is sent.
 */
export async function createCoreCollection(
  rpc: SolanaRpc,
  authority: Keypair,
  metadata: { name: string; uri: string },
): Promise<{ collection: string; signature: string }> {
  const umi = createUmi('http://127.0.0.1:0').use(mplCore());
  const signer = createSignerFromKeypair(umi, fromWeb3JsKeypair(authority));
  umi.use(signerIdentity(signer));
  const collection = Keypair.generate();
  const instructions = createCollectionV1(umi, {
    collection: createSignerFromKeypair(umi, fromWeb3JsKeypair(collection)),
    name: metadata.name,
    uri: metadata.uri,
  })
    .getInstructions()
    .map(toWeb3JsInstruction);
  const { blockhash } = await rpc.getLatestBlockhash({ commitment: 'confirmed' });
  const transaction = new Transaction({ feePayer: authority.publicKey, recentBlockhash: blockhash });
  transaction.add(...instructions);
  transaction.sign(authority, collection);
  const signature = await rpc.sendTransaction(transaction.serialize());
  return { collection: collection.publicKey.toBase58(), signature };
}
