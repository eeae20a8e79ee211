/* What the rest of the platform uses of payments; the wire shapes and instruction decoders stay inside, as the verifier's parts. */
export {
  type SolPaymentRequest,
  solPaymentTransaction,
  type TokenPaymentRequest,
  tokenPaymentTransaction,
} from './build';
export {
  type FindByReferenceOptions,
  findPaymentByReference,
  findVerifiedPayment,
  loadPaymentTransaction,
  type PaymentCandidate,
  type ReferencedPayment,
  ZTransactionSignature,
} from './find';
export {
  memoMatches,
  type NftMemoInput,
  nftMemo,
  nftMemoFields,
  type OrderMemoInput,
  orderMemo,
  orderMemoFields,
  type PaymentMemo,
} from './memo';
export {
  ASSOCIATED_TOKEN_PROGRAM_ID,
  associatedTokenAddress,
  MEMO_PROGRAM_ID,
  MEMO_V1_PROGRAM_ID,
  SYSTEM_PROGRAM_ID,
  TOKEN_PROGRAM_ID,
} from './programs';
export {
  isTransientPaymentFailure,
  type PaymentAccepted,
  type PaymentRefused,
  type PaymentVerification,
  type TPaymentFailureReason,
  ZPaymentFailureReason,
} from './result';
export {
  createSolanaRpc,
  type SolanaRpc,
  SolanaRpcError,
  type SolanaRpcOptions,
  type TTransactionEncoding,
} from './rpc';
export { feePayerOf, memosOf, receivedByTreasury } from './seen';
export {
  type AccountKey,
  type PaymentTransaction,
  type TokenBalance,
  toPaymentTransaction,
} from './transaction';
export {
  type PaymentExpectation,
  type PaymentWindow,
  type TokenPaymentExpectation,
  verifySolPayment,
  verifyTokenPayment,
} from './verify';
