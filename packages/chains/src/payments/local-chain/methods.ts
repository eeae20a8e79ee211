import bs58 from 'bs58';
import { z } from 'zod';
import { decodeSolanaAddress } from '../../addresses';
import { COMMITMENT_RANK } from '../transaction';
import { type TCommitment, ZCommitment } from '../wire';
import { type Ledger, type StoredTransaction, SubmitError } from './ledger';
import { renderMemos, renderTransaction, tokenAmount } from './render';
import { accountData } from './state';

/** A JSON-RPC error answer (as opposed to the server failing). */
export class RpcMethodError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

export interface MethodContext {
  ledger: Ledger;
  /** Lands a transaction through the chain, so its status timers start too. */
  submit(bytes: Uint8Array, options: { skipPreflight: boolean }): string;
  requestAirdrop(address: string, lamports: bigint): string;
  /** Mints `amount` of a faucet-owned mint into the owner's associated token account. */
  requestTokens(owner: string, mint: string, amount: bigint): string;
}

/** u64::MAX, the rent epoch of every rent-exempt account; JSON readers see it as this double. */
const RENT_EXEMPT_EPOCH = 2 ** 64;

const ZSignature = z.string().refine((value) => bs58.decodeUnsafe(value)?.length === 64, 'Invalid signature');
const ZAddress = z.string().refine((value) => decodeSolanaAddress(value) !== null, 'Invalid pubkey');
const ZConfig = <T extends z.ZodRawShape>(shape: T) => z.object(shape).optional();
const ZCommitmentConfig = ZConfig({ commitment: ZCommitment.optional() });

function parse<T extends z.ZodType>(schema: T, params: unknown): z.infer<T> {
  const result = schema.safeParse(params ?? []);
  if (!result.success) {
    throw new RpcMethodError(-32602, `Invalid params: ${result.error.issues[0]?.message ?? 'invalid'}`);
  }
  return result.data;
}

const context = (ledger: Ledger) => ({ slot: ledger.slot, apiVersion: '2.1.0' });
const meets = (stored: StoredTransaction, commitment: TCommitment) =>
  COMMITMENT_RANK[stored.status] >= COMMITMENT_RANK[commitment];

function requireConfirmed(commitment: TCommitment): void {
  if (commitment === 'processed') {
    throw new RpcMethodError(-32602, 'Method does not support commitment below `confirmed`');
  }
}

function getTransaction({ ledger }: MethodContext, params: unknown) {
  const [signature, config] = parse(
    z.tuple([
      ZSignature,
      z
        .object({
          encoding: z.enum(['json', 'jsonParsed', 'base64', 'base58']).optional(),
          commitment: ZCommitment.optional(),
          maxSupportedTransactionVersion: z.number().int().min(0).optional(),
        })
        .optional(),
    ]),
    params,
  );
  const commitment = config?.commitment ?? 'finalized';
  requireConfirmed(commitment);
  const stored = ledger.get(signature);
  if (!stored || !meets(stored, commitment)) return null;
  const maxVersion = config?.maxSupportedTransactionVersion;
  const version = stored.transaction.version;
  if (version !== 'legacy' && (maxVersion === undefined || version > maxVersion)) {
    throw new RpcMethodError(
      -32015,
      `Transaction version (${version}) is not supported by the requesting client. Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": ${version}`,
    );
  }
  const decimalsOf = (mint: string) => ledger.accounts.get(mint)?.mint?.decimals ?? 0;
  return renderTransaction(stored, config?.encoding ?? 'json', maxVersion !== undefined, decimalsOf);
}

function signatureStatus(stored: StoredTransaction | undefined) {
  if (!stored) return null;
  const confirmations = { processed: 0, confirmed: 10, finalized: null }[stored.status];
  return {
    slot: stored.slot,
    confirmations,
    err: stored.err,
    status: stored.err === null ? { Ok: null } : { Err: stored.err },
    confirmationStatus: stored.status,
  };
}

function getSignatureStatuses({ ledger }: MethodContext, params: unknown) {
  const [signatures] = parse(
    z.tuple([z.array(ZSignature).max(256), ZConfig({ searchTransactionHistory: z.boolean().optional() })]),
    params,
  );
  return { context: context(ledger), value: signatures.map((s) => signatureStatus(ledger.get(s))) };
}

function getSignaturesForAddress({ ledger }: MethodContext, params: unknown) {
  const [address, config] = parse(
    z.tuple([
      ZAddress,
      ZConfig({
        limit: z.number().int().min(1).max(1000).optional(),
        before: ZSignature.optional(),
        until: ZSignature.optional(),
        commitment: ZCommitment.optional(),
      }),
    ]),
    params,
  );
  const commitment = config?.commitment ?? 'finalized';
  requireConfirmed(commitment);
  const newestFirst = ledger
    .all()
    .filter((stored) => meets(stored, commitment) && stored.keys.includes(address))
    .sort((a, b) => b.slot - a.slot);
  const start = config?.before ? newestFirst.findIndex((s) => s.signature === config.before) + 1 : 0;
  const untilIndex = config?.until ? newestFirst.findIndex((s) => s.signature === config.until) : -1;
  const end = untilIndex >= 0 ? untilIndex : newestFirst.length;
  return newestFirst
    .slice(start, end)
    .slice(0, config?.limit ?? 1000)
    .map((stored) => ({
      signature: stored.signature,
      slot: stored.slot,
      err: stored.err,
      memo: renderMemos(stored),
      blockTime: stored.blockTime,
      confirmationStatus: stored.status,
    }));
}

function sendTransaction(ctx: MethodContext, params: unknown) {
  const [encoded, config] = parse(
    z.tuple([
      z.string(),
      ZConfig({
        encoding: z.enum(['base58', 'base64']).optional(),
        skipPreflight: z.boolean().optional(),
        preflightCommitment: ZCommitment.optional(),
        maxRetries: z.number().int().min(0).optional(),
      }),
    ]),
    params,
  );
  const bytes =
    config?.encoding === 'base64'
      ? Buffer.from(encoded, 'base64')
      : (bs58.decodeUnsafe(encoded) ?? new Uint8Array());
  try {
    return ctx.submit(bytes, { skipPreflight: config?.skipPreflight ?? false });
  } catch (error) {
    if (error instanceof SubmitError) throw new RpcMethodError(error.code, error.message, error.data);
    throw error;
  }
}

function getAccountInfo({ ledger }: MethodContext, params: unknown) {
  const [address, config] = parse(
    z.tuple([
      ZAddress,
      ZConfig({ encoding: z.enum(['base64', 'base58']).optional(), commitment: ZCommitment.optional() }),
    ]),
    params,
  );
  const account = ledger.accounts.get(address);
  const data = account ? accountData(account) : Buffer.alloc(0);
  const encoded =
    config?.encoding === 'base58' ? [bs58.encode(data), 'base58'] : [data.toString('base64'), 'base64'];
  const value =
    account && account.lamports > 0n
      ? {
          data: encoded,
          executable: false,
          lamports: Number(account.lamports),
          owner: account.owner,
          rentEpoch: RENT_EXEMPT_EPOCH,
          space: data.length,
        }
      : null;
  return { context: context(ledger), value };
}

function getTokenAccountBalance({ ledger }: MethodContext, params: unknown) {
  const [address] = parse(z.tuple([ZAddress, ZCommitmentConfig]), params);
  const token = ledger.accounts.get(address)?.token;
  if (!token) throw new RpcMethodError(-32602, 'Invalid param: could not find account');
  const decimals = ledger.accounts.get(token.mint)?.mint?.decimals ?? 0;
  return { context: context(ledger), value: tokenAmount(token.amount, decimals) };
}

type Method = (ctx: MethodContext, params: unknown) => unknown;

export const methods: Record<string, Method> = {
  getTransaction,
  getSignatureStatuses,
  getSignaturesForAddress,
  sendTransaction,
  getAccountInfo,
  getTokenAccountBalance,
  getLatestBlockhash: ({ ledger }, params) => {
    parse(z.tuple([ZCommitmentConfig]).or(z.tuple([])), params);
    const blockhash = ledger.issueBlockhash();
    return { context: context(ledger), value: { blockhash, lastValidBlockHeight: ledger.blockHeight + 150 } };
  },
  getBalance: ({ ledger }, params) => {
    const [address] = parse(z.tuple([ZAddress, ZCommitmentConfig]), params);
    return { context: context(ledger), value: Number(ledger.accounts.get(address)?.lamports ?? 0n) };
  },
  requestAirdrop: (ctx, params) => {
    const [address, lamports] = parse(
      z.tuple([ZAddress, z.number().int().positive(), ZCommitmentConfig]),
      params,
    );
    return ctx.requestAirdrop(address, BigInt(lamports));
  },
  /**
   * Not a real cluster method: the development wallet's token faucet (there is no USDT to buy on a
   * chain that lives in one process). Only mints the chain itself created answer; the amount is a
   * decimal string of base units, as token amounts are on the wire.
   */
  requestTokenAirdrop: (ctx, params) => {
    const [owner, mint, amount] = parse(
      z.tuple([ZAddress, ZAddress, z.string().regex(/^[1-9]\d{0,18}$/), ZCommitmentConfig]),
      params,
    );
    const mintState = ctx.ledger.accounts.get(mint)?.mint;
    if (!mintState) throw new RpcMethodError(-32602, 'Invalid param: not a mint on this chain');
    return ctx.requestTokens(owner, mint, BigInt(amount));
  },
  getMinimumBalanceForRentExemption: (_ctx, params) => {
    const [size] = parse(z.tuple([z.number().int().min(0), ZCommitmentConfig]), params);
    return (128 + size) * 3480 * 2;
  },
  getSlot: ({ ledger }) => ledger.slot,
  getBlockHeight: ({ ledger }) => ledger.blockHeight,
  getHealth: () => 'ok',
  getVersion: () => ({ 'solana-core': '2.1.0', 'feature-set': 0 }),
};
