import {
  createTransferCheckedInstruction,
  createTransferInstruction,
  decodeTransferCheckedInstruction,
  decodeTransferInstruction,
  ASSOCIATED_TOKEN_PROGRAM_ID as SPL_ATA_PROGRAM,
  TOKEN_PROGRAM_ID as SPL_TOKEN_PROGRAM,
} from '@solana/spl-token';
import { Keypair, SystemInstruction, SystemProgram, type TransactionInstruction } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';
import {
  ASSOCIATED_TOKEN_PROGRAM_ID,
  MEMO_PROGRAM_ID,
  memoMatches,
  nftMemo,
  nftMemoFields,
  orderMemo,
  SYSTEM_PROGRAM_ID,
  TOKEN_PROGRAM_ID,
} from '../../src/payments';
import {
  decodeMemo,
  decodeSystemTransfer,
  decodeTokenTransfer,
  type ResolvedInstruction,
} from '../../src/payments/instructions';

const resolve = (ix: TransactionInstruction): ResolvedInstruction => ({
  programId: ix.programId.toBase58(),
  accounts: ix.keys.map((key) => key.pubkey.toBase58()),
  data: new Uint8Array(ix.data),
});

const key = () => Keypair.generate().publicKey;

describe('memo builders', () => {
  it('writes the NFT memo exactly: snake_case, this key order, no spaces', () => {
    expect(nftMemo({ nftId: 1, userId: 'u-1' })).toBe('{"nft_id":1,"user_id":"u-1"}');
    expect(orderMemo({ orderId: 'o-9' })).toBe('{"order_id":"o-9"}');
  });

  it('refuses ids that cannot be in a memo', () => {
    expect(() => nftMemo({ nftId: 0, userId: 'u' })).toThrow(RangeError);
    expect(() => nftMemo({ nftId: 1.5, userId: 'u' })).toThrow(RangeError);
    expect(() => nftMemo({ nftId: 1, userId: '' })).toThrow(RangeError);
    expect(() => orderMemo({ orderId: 'x'.repeat(129) })).toThrow(RangeError);
  });

  it('matches exact keys and values, whatever the spacing and key order', () => {
    const expected = nftMemoFields({ nftId: 12, userId: 'abc' });
    expect(memoMatches('{"nft_id":12,"user_id":"abc"}', expected)).toBe(true);
    expect(memoMatches('{ "user_id": "abc", "nft_id": 12 }', expected)).toBe(true);
    for (const text of [
      '{"nft_id":13,"user_id":"abc"}',
      '{"nft_id":12,"user_id":"abd"}',
      '{"nft_id":"12","user_id":"abc"}',
      '{"nft_id":12}',
      '{"nft_id":12,"user_id":"abc","x":1}',
      '{"nftId":12,"userId":"abc"}',
      '[12,"abc"]',
      'null',
      'nft 12 for abc',
      `{"nft_id":12,"user_id":"abc","pad":"${'x'.repeat(1300)}"}`,
    ]) {
      expect(memoMatches(text, expected), text).toBe(false);
    }
  });
});

describe('instruction decoders agree with the libraries that build the instructions', () => {
  it('uses the program ids of web3.js and spl-token', () => {
    expect(SYSTEM_PROGRAM_ID).toBe(SystemProgram.programId.toBase58());
    expect(TOKEN_PROGRAM_ID).toBe(SPL_TOKEN_PROGRAM.toBase58());
    expect(ASSOCIATED_TOKEN_PROGRAM_ID).toBe(SPL_ATA_PROGRAM.toBase58());
  });

  it('reads a SystemProgram transfer as web3.js does, extra accounts and all', () => {
    const ix = SystemProgram.transfer({ fromPubkey: key(), toPubkey: key(), lamports: 12_345_678_901n });
    const reference = key();
    ix.keys.push({ pubkey: reference, isSigner: false, isWritable: false });
    const theirs = SystemInstruction.decodeTransfer(ix);
    const ours = decodeSystemTransfer(resolve(ix));
    expect(ours).toEqual({
      type: 'transfer',
      info: {
        source: theirs.fromPubkey.toBase58(),
        destination: theirs.toPubkey.toBase58(),
        lamports: theirs.lamports,
      },
    });
    expect(resolve(ix).accounts[2]).toBe(reference.toBase58());
  });

  it('reads no transfer from other system instructions or other programs', () => {
    const create = SystemProgram.createAccount({
      fromPubkey: key(),
      newAccountPubkey: key(),
      lamports: 1,
      space: 0,
      programId: key(),
    });
    expect(decodeSystemTransfer(resolve(create))).toBeNull();
    const transfer = resolve(SystemProgram.transfer({ fromPubkey: key(), toPubkey: key(), lamports: 5 }));
    expect(decodeSystemTransfer({ ...transfer, programId: TOKEN_PROGRAM_ID })).toBeNull();
    expect(decodeSystemTransfer({ ...transfer, data: transfer.data.slice(0, 11) })).toBeNull();
  });

  it('reads SPL transferChecked and transfer as spl-token does', () => {
    const [source, mint, destination, owner] = [key(), key(), key(), key()];
    const checked = createTransferCheckedInstruction(source, mint, destination, owner, 99_000_000n, 6);
    const theirs = decodeTransferCheckedInstruction(checked);
    expect(decodeTokenTransfer(resolve(checked))).toEqual({
      type: 'transferChecked',
      info: {
        source: theirs.keys.source.pubkey.toBase58(),
        mint: theirs.keys.mint.pubkey.toBase58(),
        destination: theirs.keys.destination.pubkey.toBase58(),
        authority: theirs.keys.owner.pubkey.toBase58(),
        amount: theirs.data.amount,
        decimals: theirs.data.decimals,
      },
    });
    const plain = createTransferInstruction(source, destination, owner, 5n);
    const plainTheirs = decodeTransferInstruction(plain);
    expect(decodeTokenTransfer(resolve(plain))).toEqual({
      type: 'transfer',
      info: {
        source: plainTheirs.keys.source.pubkey.toBase58(),
        destination: plainTheirs.keys.destination.pubkey.toBase58(),
        authority: plainTheirs.keys.owner.pubkey.toBase58(),
        amount: plainTheirs.data.amount,
      },
    });
  });

  it('reads a memo only from the memo programs, and only when it is UTF-8', () => {
    const memo = { programId: MEMO_PROGRAM_ID, accounts: [], data: new TextEncoder().encode('{"a":1}') };
    expect(decodeMemo(memo)).toBe('{"a":1}');
    expect(decodeMemo({ ...memo, data: new Uint8Array([0xff, 0xfe]) })).toBeNull();
    expect(decodeMemo({ ...memo, programId: SYSTEM_PROGRAM_ID })).toBeNull();
  });
});
