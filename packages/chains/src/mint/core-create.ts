import { deserializeAssetV1, getCreateV1InstructionDataSerializer } from '@metaplex-foundation/mpl-core';
import { isSome, publicKey, sol } from '@metaplex-foundation/umi';
import type { ResolvedInstruction } from '../payments/instructions';
import type { PaymentTransaction } from '../payments/transaction';

export const MPL_CORE_PROGRAM_ID = 'CoREENxT6tW1HoK8ypY1SxRMZTcVPm7R94rH4PZNhX7d';

/** A Metaplex Core CreateV1 instruction, read back: who made which asset, for whom, with what royalty. */
export interface CoreCreate {
  asset: string;
  collection: string | null;
  /** The collection's update authority that signed (or the payer when none was named). */
  authority: string;
  payer: string;
  owner: string;
  name: string;
  uri: string;
  /** From the Royalties plugin, null when the asset carries none. */
  royaltyBps: number | null;
}

const slot = (ix: ResolvedInstruction, i: number): string | null => {
  const address = ix.accounts[i];
  // Generated clients fill an omitted optional account with the program id.
  return !address || address === MPL_CORE_PROGRAM_ID ? null : address;
};

/** Decodes a CreateV1 with mpl-core's own serializer; null for any other instruction. */
export function decodeCoreCreate(ix: ResolvedInstruction): CoreCreate | null {
  if (ix.programId !== MPL_CORE_PROGRAM_ID || ix.data[0] !== 0) return null;
  let args: ReturnType<ReturnType<typeof getCreateV1InstructionDataSerializer>['deserialize']>[0];
  try {
    [args] = getCreateV1InstructionDataSerializer().deserialize(ix.data);
  } catch {
    // Not a well-formed CreateV1: it created nothing the server could count.
    return null;
  }
  const asset = slot(ix, 0);
  const payer = slot(ix, 3);
  if (!asset || !payer) return null;
  let royaltyBps: number | null = null;
  if (isSome(args.plugins)) {
    for (const pair of args.plugins.value) {
      if (pair.plugin.__kind === 'Royalties') royaltyBps = pair.plugin.fields[0].basisPoints;
    }
  }
  return {
    asset,
    collection: slot(ix, 1),
    authority: slot(ix, 2) ?? payer,
    payer,
    owner: slot(ix, 4) ?? payer,
    name: args.name,
    uri: args.uri,
    royaltyBps,
  };
}

/** The successful transaction's top-level CreateV1 of `asset`, if it has one. */
export function findCoreCreate(tx: PaymentTransaction, asset?: string): CoreCreate | null {
  if (tx.err !== null) return null;
  for (const ix of tx.instructions) {
    const create = decodeCoreCreate(ix);
    if (create && (asset === undefined || create.asset === asset)) return create;
  }
  return null;
}

/** An AssetV1 account's base fields, read with mpl-core's own deserializer; null when it is not one. */
export function decodeCoreAsset(
  address: string,
  data: Uint8Array,
): { owner: string; name: string; uri: string; collection: string | null } | null {
  try {
    const asset = deserializeAssetV1({
      publicKey: publicKey(address),
      executable: false,
      owner: publicKey(MPL_CORE_PROGRAM_ID),
      lamports: sol(0),
      data,
    });
    const authority = asset.updateAuthority;
    return {
      owner: asset.owner,
      name: asset.name,
      uri: asset.uri,
      collection: authority.type === 'Collection' ? (authority.address ?? null) : null,
    };
  } catch {
    // Not an AssetV1 account.
    return null;
  }
}
