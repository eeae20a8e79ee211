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
  decodeMemo,
  decodeSystemTransfer,
  decodeTokenTransfer,
  type ResolvedInstruction,
  type SystemTransfer,
  type TokenTransfer,
} from './instructions';
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
export {
  type TBase64Transaction,
  type TCommitment,
  type TJsonTransaction,
  type TParsedTransaction,
  type TSignatureInfo,
  type TSignatureStatus,
  ZBase64Transaction,
  ZCommitment,
  ZJsonTransaction,
  ZParsedTransaction,
  ZSignatureInfo,
  ZSignatureStatus,
} from './wire';
