export type * from './account-types';
export { createEvmHoldingsReader, type EvmHoldingsReader, type EvmHoldingsReaderOptions } from './evm';
export { classifyEvmError } from './evm-errors';
export { parseEvmRpcUrls } from './evm-rpc-urls';
export {
  callJsonRpc,
  classifyFetchError,
  classifyRpcError,
  type FetchLike,
  isTransientStatus,
  type JsonRequest,
  parseWire,
  requestJson,
} from './http-json';
export {
  createHoldingsReader,
  EVM_CHAIN_IDS,
  type HoldingsReader,
  type HoldingsReaderConfig,
} from './reader';
export {
  backoffDelay,
  CircuitBreaker,
  type CircuitBreakerOptions,
  type CircuitState,
  type CircuitStateListener,
  type Clock,
  callResiliently,
  circuitBreakerStates,
  onAnyCircuitStateChange,
  type ResilienceOptions,
  type RetryPolicy,
  retry,
  type Sleep,
  withTimeout,
} from './resilience';
export {
  createSolanaHoldingsReader,
  type SolanaHoldingsReader,
  type SolanaHoldingsReaderOptions,
} from './solana';
export { createTonHoldingsReader, type TonHoldingsReader, type TonHoldingsReaderOptions } from './ton';
export {
  HOLDINGS_PAGE_SIZE,
  type HoldingsAnswer,
  type HoldingsCollection,
  HoldingsInputError,
  type HoldingsQuery,
  type NetworkHoldingsReader,
  type TEvmTokenStandard,
  type THoldingsSource,
} from './types';
export {
  isTransientFailure,
  isUpstreamError,
  type TUpstreamErrorKind,
  UpstreamError,
} from './upstream-error';
