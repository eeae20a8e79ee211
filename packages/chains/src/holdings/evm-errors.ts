import {
  AbiDecodingDataSizeTooSmallError,
  AbiDecodingZeroDataError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  ExecutionRevertedError,
  HttpRequestError,
  RpcError,
  RpcRequestError,
  TimeoutError,
} from 'viem';
import { badResponse, classifyRpcError, isTransientStatus, parseRetryAfter, statusError } from './http-json';
import { UpstreamError } from './upstream-error';

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 16) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

const hasNoContract = (error: unknown): boolean =>
  error instanceof ContractFunctionZeroDataError ||
  error instanceof AbiDecodingZeroDataError ||
  error instanceof AbiDecodingDataSizeTooSmallError;

/**
 * Reads viem's error chain. No code at the address, or a revert, is a definitive answer (this is not a
 * collection on this chain); transport failures, 408/429/5xx and JSON-RPC server errors are transient.
 * viem's readContract labels every -32603 a revert (some nodes used it for reverts), but providers send
 * -32603 for their own internal failures too, so a revert is trusted only from code 3 or from the
 * node's "execution reverted" text (viem's ExecutionRevertedError).
 */
export function classifyEvmError(service: string, error: unknown): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const chain = causes(error);
  if (chain.some((e) => e instanceof TimeoutError)) {
    return new UpstreamError({
      kind: 'timeout',
      service,
      message: `${service} did not answer in time.`,
      cause: error,
    });
  }
  if (chain.some(hasNoContract)) {
    return badResponse(service, 'has no contract answering balanceOf at the collection address.', error);
  }
  const reverted = badResponse(
    service,
    'says balanceOf reverted: is the collection of this standard?',
    error,
  );
  if (chain.some((e) => e instanceof ExecutionRevertedError)) return reverted;
  const exchange = chain.find((e) => e instanceof HttpRequestError || e instanceof RpcRequestError);
  const status = exchange?.status;
  if (status !== undefined && isTransientStatus(status)) {
    const retryAfterMs = parseRetryAfter(exchange?.headers?.get('retry-after') ?? null);
    return statusError(service, status, retryAfterMs, error);
  }
  const rpc = chain.find((e) => e instanceof RpcRequestError) ?? chain.find((e) => e instanceof RpcError);
  if (rpc) {
    if (rpc.code === ExecutionRevertedError.code) return reverted;
    const message = rpc instanceof RpcRequestError ? rpc.details : rpc.shortMessage;
    return classifyRpcError(service, { code: rpc.code, message }, status, error);
  }
  if (chain.some((e) => e instanceof ContractFunctionRevertedError)) return reverted;
  if (status !== undefined) return statusError(service, status, undefined, error);
  if (chain.some((e) => e instanceof SyntaxError)) {
    return badResponse(service, 'sent a body that is not JSON.', error);
  }
  if (chain.some((e) => e instanceof HttpRequestError)) {
    return new UpstreamError({
      kind: 'unavailable',
      service,
      message: `${service} could not be reached.`,
      cause: error,
    });
  }
  return badResponse(service, 'failed in a way we do not recognise.', error);
}
