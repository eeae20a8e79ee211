import { z } from 'zod';
import { badResponse, type FetchLike, parseWire, requestJson } from '../holdings/http-json';
import {
  callResiliently,
  type ResilienceDefaults,
  type ResilienceOptions,
  type ResilienceTuning,
  tunedResilience,
} from '../holdings/resilience';
import { UpstreamError } from '../holdings/upstream-error';
import {
  type TBase64Transaction,
  type TCommitment,
  type TJsonTransaction,
  type TParsedTransaction,
  type TSignatureInfo,
  type TSignatureStatus,
  ZBase64Transaction,
  ZJsonRpcResponse,
  ZJsonTransaction,
  ZLatestBlockhash,
  ZParsedTransaction,
  ZSignatureInfo,
  ZSignatureStatuses,
} from './wire';

/**
 * A definitive JSON-RPC answer about the request itself (a transaction that fails preflight, a bad
 * signature, an unsupported version): the node is fine, asking again will not help, and the breaker
 * does not count it.
 */
export class SolanaRpcError extends Error {
  override readonly name = 'SolanaRpcError';
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/** -32002 preflight failure, -32003 signature failure, -32013 signature length, -32015 version, -32602 params. */
const ZBalance = z.object({ value: z.number().int().nonnegative() });

const ZTokenAccountBalance = z.object({
  value: z.object({ amount: z.string().regex(/^\d+$/), decimals: z.number().int() }),
});

const DEFINITIVE_CODES = new Set([-32002, -32003, -32013, -32015, -32602]);

interface TransactionByEncoding {
  json: TJsonTransaction;
  jsonParsed: TParsedTransaction;
  base64: TBase64Transaction;
}
export type TTransactionEncoding = keyof TransactionByEncoding;

const transactionSchemas = {
  json: ZJsonTransaction,
  jsonParsed: ZParsedTransaction,
  base64: ZBase64Transaction,
};

export interface SolanaRpc {
  readonly url: string;
  /** The upstream's name in errors: `sol` or `soon`. */
  readonly service: string;
  /** null when the node does not have it at this commitment (not landed, not yet confirmed, or dropped). */
  getTransaction<E extends TTransactionEncoding>(
    signature: string,
    options: { commitment: 'confirmed' | 'finalized'; encoding: E },
  ): Promise<TransactionByEncoding[E] | null>;
  getSignatureStatuses(
    signatures: string[],
    options?: { searchTransactionHistory?: boolean },
  ): Promise<(TSignatureStatus | null)[]>;
  /** Newest first, as the node returns them; at `confirmed` unless asked otherwise (the node's default is `finalized`). */
  getSignaturesForAddress(
    address: string,
    options?: { limit?: number; before?: string; until?: string; commitment?: 'confirmed' | 'finalized' },
  ): Promise<TSignatureInfo[]>;
  getLatestBlockhash(options?: {
    commitment?: TCommitment;
  }): Promise<{ blockhash: string; lastValidBlockHeight: number }>;
  /** An account's lamports (0 when it does not exist). */
  getBalance(address: string, options?: { commitment?: TCommitment }): Promise<bigint>;
  /** A token account's balance in base units; null when the account does not exist. */
  getTokenAccountBalance(address: string, options?: { commitment?: TCommitment }): Promise<bigint | null>;
  /** Sends wire bytes (base64 on the wire); returns the transaction's signature. */
  sendTransaction(
    transaction: Uint8Array,
    options?: { skipPreflight?: boolean; preflightCommitment?: TCommitment; maxRetries?: number },
  ): Promise<string>;
}

export interface SolanaRpcOptions extends ResilienceTuning {
  url: string;
  /** Names the upstream in errors and logs: `sol` or `soon`. */
  service?: string;
  fetch?: FetchLike;
}

const DEFAULTS: ResilienceDefaults = {
  timeoutMs: 5_000,
  retries: 2,
  baseDelayMs: 200,
  maxDelayMs: 2_000,
  failureThreshold: 5,
  /**
   * Short: a payment waits on the node, and a job looks again when the cool-down ends, so a blip of a
   * few seconds must not hold confirmations for half a minute.
   */
  cooldownMs: 5_000,
  /** A payment check is two parallel reads (the transaction and its status): half-open admits both. */
  halfOpenProbes: 2,
};

type Outcome<T> = { result: T } | { refusal: SolanaRpcError };

function classifyRpcAnswer(
  service: string,
  error: { code: number; message: string; data?: unknown },
): { refusal: SolanaRpcError } {
  const { code, message } = error;
  if (DEFINITIVE_CODES.has(code)) return { refusal: new SolanaRpcError(code, message, error.data) };
  const transient = code === 429 || code === -32603 || (code <= -32000 && code >= -32099);
  throw new UpstreamError({
    kind: transient ? 'unavailable' : 'bad_response',
    service,
    message: `${service} answered with JSON-RPC error ${code}: ${message}`,
    rpcCode: code,
  });
}

function resilienceFor(options: SolanaRpcOptions, service: string): ResilienceOptions {
  return {
    ...tunedResilience(service, options, DEFAULTS),
    classify: (error) =>
      error instanceof UpstreamError
        ? error
        : new UpstreamError({
            kind: 'bad_response',
            service,
            message: `${service} call failed.`,
            cause: error,
          }),
  };
}

/**
 * JSON-RPC over fetch with a timeout per attempt, retries with backoff on transient failures, and a
 * circuit breaker. Throws UpstreamError when the node cannot answer (down, slow, overloaded, garbled)
 * and SolanaRpcError when it answers definitively that the request is wrong.
 */
export function createSolanaRpc(options: SolanaRpcOptions): SolanaRpc {
  const service = options.service ?? 'sol';
  const fetchFn = options.fetch ?? globalThis.fetch;
  const resilience = resilienceFor(options, service);
  let nextId = 1;

  const call = async <S extends z.ZodType>(
    method: string,
    params: unknown[],
    schema: S,
  ): Promise<z.output<S>> => {
    const outcome = await callResiliently<Outcome<z.output<S>>>(resilience, async (signal) => {
      const id = nextId++;
      const json = await requestJson({
        fetch: fetchFn,
        service,
        url: options.url,
        signal,
        method: 'POST',
        body: { jsonrpc: '2.0', id, method, params },
      });
      const envelope = parseWire(service, ZJsonRpcResponse, json, `a ${method} reply`);
      if (envelope.error) return classifyRpcAnswer(service, envelope.error);
      if (!('result' in envelope))
        throw badResponse(service, `sent a ${method} reply with neither result nor error.`);
      return { result: parseWire(service, schema, envelope.result, `a ${method} result`) };
    });
    if ('refusal' in outcome) throw outcome.refusal;
    return outcome.result;
  };

  return {
    url: options.url,
    service,
    getTransaction: async <E extends TTransactionEncoding>(
      signature: string,
      { commitment, encoding }: { commitment: 'confirmed' | 'finalized'; encoding: E },
    ) => {
      const params = [signature, { commitment, encoding, maxSupportedTransactionVersion: 0 }];
      const result = await call('getTransaction', params, transactionSchemas[encoding].nullable());
      // The schema was picked by `encoding`, which TypeScript cannot follow through the index.
      return result as TransactionByEncoding[E] | null;
    },
    getSignatureStatuses: async (signatures, statusOptions = {}) =>
      (
        await call(
          'getSignatureStatuses',
          [signatures, { searchTransactionHistory: statusOptions.searchTransactionHistory ?? false }],
          ZSignatureStatuses,
        )
      ).value,
    getSignaturesForAddress: (address, query = {}) =>
      call(
        'getSignaturesForAddress',
        [address, { commitment: 'confirmed', ...query }],
        z.array(ZSignatureInfo),
      ),
    getLatestBlockhash: async (blockhashOptions = {}) =>
      (
        await call(
          'getLatestBlockhash',
          [{ commitment: blockhashOptions.commitment ?? 'confirmed' }],
          ZLatestBlockhash,
        )
      ).value,
    getBalance: async (address, balanceOptions = {}) =>
      BigInt(
        (
          await call(
            'getBalance',
            [address, { commitment: balanceOptions.commitment ?? 'confirmed' }],
            ZBalance,
          )
        ).value,
      ),
    getTokenAccountBalance: async (address, balanceOptions = {}) => {
      try {
        const answer = await call(
          'getTokenAccountBalance',
          [address, { commitment: balanceOptions.commitment ?? 'confirmed' }],
          ZTokenAccountBalance,
        );
        return BigInt(answer.value.amount);
      } catch (error) {
        // A node answers "could not find account" as invalid params: the account was never created.
        if (error instanceof SolanaRpcError && error.code === -32602) return null;
        throw error;
      }
    },
    sendTransaction: (transaction, sendOptions = {}) =>
      call(
        'sendTransaction',
        [Buffer.from(transaction).toString('base64'), { encoding: 'base64', ...sendOptions }],
        z.string(),
      ),
  };
}
