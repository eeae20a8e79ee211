import { createHmac } from 'node:crypto';
import { createV1, mplCore, pluginAuthorityPair, ruleSet } from '@metaplex-foundation/mpl-core';
import {
  createNoopSigner,
  createSignerFromKeypair,
  publicKey,
  signerIdentity,
} from '@metaplex-foundation/umi';
import { createUmi } from '@metaplex-foundation/umi-bundle-defaults';
import { fromWeb3JsKeypair, toWeb3JsInstruction } from '@metaplex-foundation/umi-web3js-adapters';
import { Keypair, PublicKey, Transaction } from '@solana/web3.js';
import bs58 from 'bs58';
import { loadPaymentTransaction } from '../payments/find';
import { type SolanaRpc, SolanaRpcError } from '../payments/rpc';
import { findCoreCreate } from './core-create';

export interface CoreMintRequest {
  network: 'sol' | 'soon';
  /** 32 bytes that fix the asset's keypair, so a resend after a crash can only create the same asset. */
  assetSeed: Uint8Array;
  owner: string;
  /** The promotion's Core collection, or null to mint a standalone asset. */
  collection: string | null;
  name: string;
  uri: string;
  royaltyBps: number;
}

export interface CoreMinted {
  assetAddress: string;
  signature: string;
}

export interface CoreMinterOptions {
  /** The mint authority's 64-byte secret key: it pays, signs, and is the collection's update authority. */
  authority: Keypair;
  rpcs: Partial<Record<'sol' | 'soon', SolanaRpc>>;
  /** How long to wait for the create to reach `confirmed` (default 30 s). */
  confirmTimeoutMs?: number;
  pollIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Reads SOLANA_MINT_AUTHORITY_KEY: base58 of the 64-byte secret key, whose halves must match. */
export function parseMintAuthorityKey(base58Secret: string): Keypair {
  let bytes: Uint8Array;
  try {
    bytes = bs58.decode(base58Secret.trim());
  } catch {
    throw new TypeError('the mint authority key must be base58');
  }
  if (bytes.length !== 64)
    throw new TypeError(`the mint authority key must be 64 bytes, not ${bytes.length}`);
  // fromSecretKey checks that the public half belongs to the secret half.
  return Keypair.fromSecretKey(bytes);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface CoreCreateTransactionInput {
  /** Fee payer (the server's authority, or a member minting directly). */
  payer: string;
  /** The collection's update authority, which must sign a create into the collection. */
  authority: Keypair;
  asset: Keypair;
  owner: string;
  collection: string | null;
  name: string;
  uri: string;
  royaltyBps: number;
  blockhash: string;
}

/**
 * A CreateV1 built by mpl-core (through umi) with the Royalties plugin (creator: the authority), as an
 * unsigned web3.js transaction; the payer, the authority and the asset sign it.
 */
export function buildCoreCreateTransaction(input: CoreCreateTransactionInput): Transaction {
  const umi = createUmi('http://127.0.0.1:0').use(mplCore());
  const authoritySigner = createSignerFromKeypair(umi, fromWeb3JsKeypair(input.authority));
  umi.use(signerIdentity(authoritySigner));
  const instructions = createV1(umi, {
    asset: createSignerFromKeypair(umi, fromWeb3JsKeypair(input.asset)),
    ...(input.collection ? { collection: publicKey(input.collection), authority: authoritySigner } : {}),
    payer: createNoopSigner(publicKey(input.payer)),
    owner: publicKey(input.owner),
    name: input.name,
    uri: input.uri,
    plugins: [
      pluginAuthorityPair({
        type: 'Royalties',
        data: {
          basisPoints: input.royaltyBps,
          creators: [{ address: authoritySigner.publicKey, percentage: 100 }],
          ruleSet: ruleSet('None'),
        },
      }),
    ],
  })
    .getInstructions()
    .map(toWeb3JsInstruction);
  const transaction = new Transaction({
    feePayer: new PublicKey(input.payer),
    recentBlockhash: input.blockhash,
  });
  return transaction.add(...instructions);
}

/**
 * Mints Metaplex Core assets with mpl-core's instruction builder (through umi), signed by the mint
 * authority and sent through our own resilient JSON-RPC client. Each asset's keypair is derived from the
 * request's seed with the authority's secret (HMAC-SHA256), so a retry after a crash names the same
 * asset: `findMinted` finds the first create, and a resend of an existing asset is refused by the chain.
 */
export function createCoreMinter(options: CoreMinterOptions) {
  const { authority } = options;
  const sleep = options.sleep ?? defaultSleep;
  const confirmTimeoutMs = options.confirmTimeoutMs ?? 30_000;
  const pollIntervalMs = options.pollIntervalMs ?? 500;

  const rpcFor = (network: 'sol' | 'soon'): SolanaRpc => {
    const rpc = options.rpcs[network];
    if (!rpc) throw new Error(`no RPC configured for ${network}`);
    return rpc;
  };

  const assetKeypair = (seed: Uint8Array): Keypair =>
    Keypair.fromSeed(createHmac('sha256', authority.secretKey.subarray(0, 32)).update(seed).digest());

  const findMinted = async (request: CoreMintRequest): Promise<CoreMinted | null> => {
    const rpc = rpcFor(request.network);
    const assetAddress = assetKeypair(request.assetSeed).publicKey.toBase58();
    const history = await rpc.getSignaturesForAddress(assetAddress, { limit: 50, commitment: 'confirmed' });
    // Oldest first: the create is the asset's first transaction.
    for (const info of [...history].reverse()) {
      if (info.err !== null) continue;
      const tx = await loadPaymentTransaction(rpc, info.signature);
      if (tx && findCoreCreate(tx, assetAddress)) return { assetAddress, signature: info.signature };
    }
    return null;
  };

  const waitConfirmed = async (rpc: SolanaRpc, signature: string): Promise<void> => {
    const deadline = Date.now() + confirmTimeoutMs;
    for (;;) {
      const [status] = await rpc.getSignatureStatuses([signature]);
      if (status?.err) throw new Error(`the mint transaction failed: ${JSON.stringify(status.err)}`);
      if (status?.confirmationStatus === 'confirmed' || status?.confirmationStatus === 'finalized') return;
      if (Date.now() > deadline) throw new Error('the mint transaction was not confirmed in time');
      await sleep(pollIntervalMs);
    }
  };

  const mint = async (request: CoreMintRequest): Promise<CoreMinted> => {
    const rpc = rpcFor(request.network);
    const asset = assetKeypair(request.assetSeed);
    const { blockhash } = await rpc.getLatestBlockhash({ commitment: 'confirmed' });
    const transaction = buildCoreCreateTransaction({
      payer: authority.publicKey.toBase58(),
      authority,
      asset,
      owner: request.owner,
      collection: request.collection,
      name: request.name,
      uri: request.uri,
      royaltyBps: request.royaltyBps,
      blockhash,
    });
    transaction.sign(authority, asset);
    let signature: string;
    try {
      signature = await rpc.sendTransaction(transaction.serialize());
    } catch (error) {
      // "Already in use": an earlier attempt created it; report that one rather than fail.
      if (error instanceof SolanaRpcError) {
        const existing = await findMinted(request);
        if (existing) return existing;
      }
      throw error;
    }
    await waitConfirmed(rpc, signature);
    return { assetAddress: asset.publicKey.toBase58(), signature };
  };

  return {
    authority: authority.publicKey.toBase58(),
    assetAddressFor: (seed: Uint8Array) => assetKeypair(seed).publicKey.toBase58(),
    findMinted,
    mint,
  };
}

export type CoreMinter = ReturnType<typeof createCoreMinter>;

/** A fresh mint authority, for development and tests (production configures SOLANA_MINT_AUTHORITY_KEY). */
export const generateMintAuthority = (): Keypair => Keypair.generate();
