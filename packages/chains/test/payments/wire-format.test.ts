import { getAccount, getMint } from '@solana/spl-token';
import { type ParsedInstruction, PublicKey, VersionedTransaction } from '@solana/web3.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { associatedTokenAddress, MEMO_PROGRAM_ID, SYSTEM_PROGRAM_ID } from '../../src/payments';
import { type LocalSolana, startLocalSolanaRpc } from './support/local-solana';
import {
  createTreasuryAccount,
  fundedParties,
  GAS_FEE,
  memoInstruction,
  newClaim,
  newOrder,
  ORDER_TOTAL,
  type Parties,
  signLegacy,
  signV0,
  solPayment,
  usdtTransfer,
} from './support/payments';

let local: LocalSolana;
let parties: Parties;
let usdt: PublicKey;

beforeAll(async () => {
  local = await startLocalSolanaRpc();
  parties = fundedParties(local.chain);
  usdt = new PublicKey(local.chain.createMint({ decimals: 6 }));
  local.chain.mintTo(usdt.toBase58(), parties.member.publicKey.toBase58(), 1_000_000_000n);
});
afterAll(() => local.close());

async function rawCall(method: string, params: unknown[]) {
  const response = await fetch(local.chain.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return (await response.json()) as {
    result?: unknown;
    error?: { code: number; message: string; data?: unknown };
  };
}

describe('the local node speaks the wire format web3.js expects', () => {
  it('serves a SOL payment to web3.js: send, statuses, json and jsonParsed transactions, history', async () => {
    const claim = newClaim(local.clock);
    const transaction = signLegacy(local.chain, parties.member, solPayment(parties, claim));
    const signature = await local.connection.sendRawTransaction(transaction.serialize());

    const { value: statuses } = await local.connection.getSignatureStatuses([signature], {
      searchTransactionHistory: true,
    });
    expect(statuses[0]).toMatchObject({ confirmationStatus: 'confirmed', err: null });

    const json = await local.connection.getTransaction(signature, {
      commitment: 'confirmed',
      maxSupportedTransactionVersion: 0,
    });
    expect(json?.version).toBe('legacy');
    expect(json?.meta?.fee).toBe(5000);
    const keys = json?.transaction.message.getAccountKeys().staticAccountKeys.map((k) => k.toBase58()) ?? [];
    const treasuryIndex = keys.indexOf(parties.treasury.publicKey.toBase58());
    const delta =
      (json?.meta?.postBalances[treasuryIndex] ?? 0) - (json?.meta?.preBalances[treasuryIndex] ?? 0);
    expect(BigInt(delta)).toBe(GAS_FEE);
    expect(json?.meta?.logMessages).toContain(`Program ${SYSTEM_PROGRAM_ID} success`);

    const parsed = await local.connection.getParsedTransaction(signature, {
      commitment: 'confirmed',
      maxSupportedTransactionVersion: 0,
    });
    const [memo, transfer] = (parsed?.transaction.message.instructions ?? []) as ParsedInstruction[];
    expect(memo).toMatchObject({ program: 'spl-memo', parsed: claim.memo });
    expect(memo?.programId.toBase58()).toBe(MEMO_PROGRAM_ID);
    expect(transfer).toMatchObject({
      program: 'system',
      parsed: {
        type: 'transfer',
        info: {
          source: parties.member.publicKey.toBase58(),
          destination: parties.treasury.publicKey.toBase58(),
          lamports: Number(GAS_FEE),
        },
      },
    });
    // The parsed view drops the transfer's extra accounts, which is why verification reads `json`.
    expect(JSON.stringify(transfer)).not.toContain(claim.reference.toBase58());
    expect(parsed?.transaction.message.accountKeys.map((k) => k.pubkey.toBase58())).toContain(
      claim.reference.toBase58(),
    );

    const history = await local.connection.getSignaturesForAddress(claim.reference, {}, 'confirmed');
    expect(history).toEqual([
      expect.objectContaining({
        signature,
        err: null,
        memo: `[${Buffer.byteLength(claim.memo)}] ${claim.memo}`,
        confirmationStatus: 'confirmed',
      }),
    ]);
  });

  it('renders SPL transferChecked as the token parser does: a trailing reference turns the authority into multisigAuthority', async () => {
    const order = newOrder(local.clock);
    const transaction = signLegacy(local.chain, parties.member, [
      memoInstruction(order.memo),
      createTreasuryAccount(parties.member.publicKey, parties.treasury.publicKey, usdt),
      usdtTransfer({
        mint: usdt,
        owner: parties.member.publicKey,
        toOwner: parties.treasury.publicKey,
        amount: ORDER_TOTAL,
        reference: order.reference,
      }),
    ]);
    const signature = await local.connection.sendRawTransaction(transaction.serialize());
    const parsed = await local.connection.getParsedTransaction(signature, {
      commitment: 'confirmed',
      maxSupportedTransactionVersion: 0,
    });
    const instructions = (parsed?.transaction.message.instructions ?? []) as ParsedInstruction[];
    expect(instructions[1]).toMatchObject({
      program: 'spl-associated-token-account',
      parsed: { type: 'createIdempotent' },
    });
    expect(instructions[2]).toMatchObject({
      program: 'spl-token',
      parsed: {
        type: 'transferChecked',
        info: {
          mint: usdt.toBase58(),
          destination: associatedTokenAddress(parties.treasury.publicKey.toBase58(), usdt.toBase58()),
          multisigAuthority: parties.member.publicKey.toBase58(),
          signers: [order.reference.toBase58()],
          tokenAmount: { amount: '99000000', decimals: 6, uiAmount: 99, uiAmountString: '99' },
        },
      },
    });
    const post = parsed?.meta?.postTokenBalances?.find(
      (b) => b.owner === parties.treasury.publicKey.toBase58(),
    );
    expect(post?.uiTokenAmount.amount).toBe(ORDER_TOTAL.toString());
    expect(post?.mint).toBe(usdt.toBase58());
  });

  it('serves token accounts and mints in the token program layout', async () => {
    const account = await getAccount(
      local.connection,
      new PublicKey(associatedTokenAddress(parties.member.publicKey.toBase58(), usdt.toBase58())),
    );
    expect(account.owner.toBase58()).toBe(parties.member.publicKey.toBase58());
    expect(account.mint.toBase58()).toBe(usdt.toBase58());
    expect(account.amount).toBe(
      local.chain.tokenBalance(parties.member.publicKey.toBase58(), usdt.toBase58()),
    );
    const mint = await getMint(local.connection, usdt);
    expect(mint.decimals).toBe(6);
    expect(mint.supply).toBe(1_000_000_000n);
    expect(await local.connection.getBalance(parties.member.publicKey)).toBe(
      Number(local.chain.balance(parties.member.publicKey.toBase58())),
    );
  });

  it('serves version-0 transactions with their loaded addresses, and refuses clients that cannot read them', async () => {
    const claim = newClaim(local.clock, 2);
    const transaction = signV0(local.chain, parties.member, solPayment(parties, claim), [
      parties.treasury.publicKey,
      claim.reference,
    ]);
    const signature = local.chain.send(transaction);
    const response = await local.connection.getTransaction(signature, {
      commitment: 'confirmed',
      maxSupportedTransactionVersion: 0,
    });
    expect(response?.version).toBe(0);
    expect(response?.meta?.loadedAddresses?.writable.map((k) => k.toBase58())).toEqual([
      parties.treasury.publicKey.toBase58(),
    ]);
    expect(response?.meta?.loadedAddresses?.readonly.map((k) => k.toBase58())).toEqual([
      claim.reference.toBase58(),
    ]);

    const legacyClient = await rawCall('getTransaction', [signature, { commitment: 'confirmed' }]);
    expect(legacyClient.error?.code).toBe(-32015);
    expect(legacyClient.error?.message).toContain('maxSupportedTransactionVersion');
  });

  it('returns the signed bytes in the base64 encoding', async () => {
    const claim = newClaim(local.clock, 3);
    const transaction = signLegacy(local.chain, parties.member, solPayment(parties, claim));
    const signature = local.chain.send(transaction);
    const base64 = await local.rpc.getTransaction(signature, { commitment: 'confirmed', encoding: 'base64' });
    const [data, encoding] = base64?.transaction ?? [];
    expect(encoding).toBe('base64');
    expect(Buffer.from(data ?? '', 'base64')).toEqual(transaction.serialize());
    const decoded = VersionedTransaction.deserialize(Buffer.from(data ?? '', 'base64'));
    expect(Buffer.from(decoded.signatures[0] ?? [])).toEqual(transaction.signature);
  });
});
