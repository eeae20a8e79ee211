import { getCreateV1InstructionDataSerializer } from '@metaplex-foundation/mpl-core';
import { PublicKey } from '@solana/web3.js';
import type { CompiledInstruction, ExecutionFrame, InstructionError } from './execute';
import { cloneAccount, emptyAccount } from './state';

/**
 * Metaplex Core on the local chain: the two instructions the server uses, CreateV1 (discriminator 0)
 * and CreateCollectionV1 (1), decoded with mpl-core's own serializers and checked the way the program
 * checks them (new asset signs, payer signs and pays rent, a collection's update authority signs). The
 * accounts are written in the program's base layouts (AssetV1 key 1, CollectionV1 key 5), so mpl-core's
 * deserializers read them back. Plugins are accepted and kept only in the transaction, not in the
 * account: the local chain does not run plugin lifecycles.
 */
export const MPL_CORE_PROGRAM_ID = 'CoREENxT6tW1HoK8ypY1SxRMZTcVPm7R94rH4PZNhX7d';

/** What the real program keeps for rent, roughly: an asset of about 200 bytes. */
export const CORE_ACCOUNT_RENT = 2_500_000n;

const ASSET_KEY = 1;
const COLLECTION_KEY = 5;
const UPDATE_AUTHORITY_ADDRESS = 1;
const UPDATE_AUTHORITY_COLLECTION = 2;

const pubkeyBytes = (address: string) => new PublicKey(address).toBuffer();

function borshString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(bytes.length, 0);
  return Buffer.concat([length, bytes]);
}

function readBorshString(data: Uint8Array, offset: number): { text: string; next: number } {
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const length = view.readUInt32LE(offset);
  return { text: view.subarray(offset + 4, offset + 4 + length).toString('utf8'), next: offset + 4 + length };
}

export function assetData(input: {
  owner: string;
  updateAuthority: { kind: 'address' | 'collection'; address: string };
  name: string;
  uri: string;
}): Uint8Array {
  const tag =
    input.updateAuthority.kind === 'collection' ? UPDATE_AUTHORITY_COLLECTION : UPDATE_AUTHORITY_ADDRESS;
  return Buffer.concat([
    Buffer.from([ASSET_KEY]),
    pubkeyBytes(input.owner),
    Buffer.from([tag]),
    pubkeyBytes(input.updateAuthority.address),
    borshString(input.name),
    borshString(input.uri),
    Buffer.from([0]),
  ]);
}

export function collectionData(input: {
  updateAuthority: string;
  name: string;
  uri: string;
  numMinted: number;
  currentSize: number;
}): Uint8Array {
  const counts = Buffer.alloc(8);
  counts.writeUInt32LE(input.numMinted, 0);
  counts.writeUInt32LE(input.currentSize, 4);
  return Buffer.concat([
    Buffer.from([COLLECTION_KEY]),
    pubkeyBytes(input.updateAuthority),
    borshString(input.name),
    borshString(input.uri),
    counts,
  ]);
}

function readCollection(data: Uint8Array) {
  if (data[0] !== COLLECTION_KEY) return null;
  const updateAuthority = new PublicKey(data.subarray(1, 33)).toBase58();
  const name = readBorshString(data, 33);
  const uri = readBorshString(data, name.next);
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return {
    updateAuthority,
    name: name.text,
    uri: uri.text,
    numMinted: view.readUInt32LE(uri.next),
    currentSize: view.readUInt32LE(uri.next + 4),
  };
}

/** The account at position `i`, or null when the instruction left the optional slot to the program id. */
function optionalKey(frame: ExecutionFrame, ix: CompiledInstruction, i: number): string | null {
  const index = ix.accountKeyIndexes[i];
  const address = index === undefined ? undefined : frame.keys[index];
  return !address || address === MPL_CORE_PROGRAM_ID ? null : address;
}

const signs = (frame: ExecutionFrame, ix: CompiledInstruction, i: number): boolean => {
  const index = ix.accountKeyIndexes[i];
  return index !== undefined && frame.isSigner(index);
};

function payRent(
  frame: ExecutionFrame,
  payer: string,
  account: string,
  data: Uint8Array,
): InstructionError | null {
  const source = cloneAccount(frame.accounts.get(payer) ?? emptyAccount());
  if (source.lamports < CORE_ACCOUNT_RENT) {
    frame.logs.push(`Program log: payer has ${source.lamports} lamports, needs ${CORE_ACCOUNT_RENT}`);
    return { Custom: 1 };
  }
  source.lamports -= CORE_ACCOUNT_RENT;
  frame.accounts.set(payer, source);
  frame.accounts.set(account, { lamports: CORE_ACCOUNT_RENT, owner: MPL_CORE_PROGRAM_ID, data });
  return null;
}

function createAsset(frame: ExecutionFrame, ix: CompiledInstruction): InstructionError | null {
  let args: ReturnType<ReturnType<typeof getCreateV1InstructionDataSerializer>['deserialize']>[0];
  try {
    [args] = getCreateV1InstructionDataSerializer().deserialize(ix.data);
  } catch {
    return 'InvalidInstructionData';
  }
  const asset = optionalKey(frame, ix, 0);
  const payer = optionalKey(frame, ix, 3);
  if (!asset || !payer) return 'NotEnoughAccountKeys';
  if (!signs(frame, ix, 0) || !signs(frame, ix, 3)) return 'MissingRequiredSignature';
  if ((frame.accounts.get(asset)?.lamports ?? 0n) > 0n) return 'AccountAlreadyInitialized';
  const collection = optionalKey(frame, ix, 1);
  const authority = optionalKey(frame, ix, 2) ?? payer;
  const owner = optionalKey(frame, ix, 4) ?? payer;
  let updateAuthority: { kind: 'address' | 'collection'; address: string } = {
    kind: 'address',
    address: optionalKey(frame, ix, 5) ?? payer,
  };
  if (collection) {
    const account = frame.accounts.get(collection);
    const state =
      account?.owner === MPL_CORE_PROGRAM_ID && account.data ? readCollection(account.data) : null;
    if (!state) {
      frame.logs.push('Program log: Error: Invalid Collection passed in');
      return { Custom: 8 };
    }
    const authoritySigned = optionalKey(frame, ix, 2) ? signs(frame, ix, 2) : signs(frame, ix, 3);
    if (state.updateAuthority !== authority || !authoritySigned) {
      frame.logs.push('Program log: Error: Neither the asset or any plugins have approved this operation');
      return { Custom: 26 };
    }
    const updated = collectionData({
      ...state,
      numMinted: state.numMinted + 1,
      currentSize: state.currentSize + 1,
    });
    frame.accounts.set(collection, {
      ...cloneAccount(account as NonNullable<typeof account>),
      data: updated,
    });
    updateAuthority = { kind: 'collection', address: collection };
  }
  frame.logs.push(`Program log: Instruction: Create`);
  return payRent(frame, payer, asset, assetData({ owner, updateAuthority, name: args.name, uri: args.uri }));
}

function createCollection(frame: ExecutionFrame, ix: CompiledInstruction): InstructionError | null {
  const collection = optionalKey(frame, ix, 0);
  const payer = optionalKey(frame, ix, 2);
  if (!collection || !payer) return 'NotEnoughAccountKeys';
  if (!signs(frame, ix, 0) || !signs(frame, ix, 2)) return 'MissingRequiredSignature';
  if ((frame.accounts.get(collection)?.lamports ?? 0n) > 0n) return 'AccountAlreadyInitialized';
  let name: { text: string; next: number };
  let uri: { text: string; next: number };
  try {
    name = readBorshString(ix.data, 1);
    uri = readBorshString(ix.data, name.next);
  } catch {
    return 'InvalidInstructionData';
  }
  const updateAuthority = optionalKey(frame, ix, 1) ?? payer;
  const data = collectionData({
    updateAuthority,
    name: name.text,
    uri: uri.text,
    numMinted: 0,
    currentSize: 0,
  });
  return payRent(frame, payer, collection, data);
}

export function mplCore(frame: ExecutionFrame, ix: CompiledInstruction): InstructionError | null {
  if (ix.data[0] === 0) return createAsset(frame, ix);
  if (ix.data[0] === 1) return createCollection(frame, ix);
  frame.logs.push('Program log: this local chain runs only CreateV1 and CreateCollectionV1');
  return 'InvalidInstructionData';
}
