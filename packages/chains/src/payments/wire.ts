import { z } from 'zod';

/**
 * Schemas of the Solana JSON-RPC results this package reads, as agave's `solana-transaction-status`
 * serializes them. u64 values arrive as JSON numbers (the RPC's own choice); they are exact below 2^53
 * lamports, about nine million SOL per account.
 */

const ZU64 = z.number().int().nonnegative();
const ZAddress = z.string().min(32).max(44);

export const ZCommitment = z.enum(['processed', 'confirmed', 'finalized']);
export type TCommitment = z.infer<typeof ZCommitment>;

/** A string (`"AccountInUse"`) or a one-key object (`{ "InstructionError": [0, { "Custom": 1 }] }`). */
export const ZTransactionError = z.union([z.string(), z.record(z.string(), z.unknown())]).nullable();
export type TTransactionError = z.infer<typeof ZTransactionError>;

export const ZMessageHeader = z.object({
  numRequiredSignatures: z.number().int().min(0),
  numReadonlySignedAccounts: z.number().int().min(0),
  numReadonlyUnsignedAccounts: z.number().int().min(0),
});

export const ZAddressTableLookup = z.object({
  accountKey: ZAddress,
  writableIndexes: z.array(z.number().int().min(0)),
  readonlyIndexes: z.array(z.number().int().min(0)),
});

export const ZCompiledInstruction = z.object({
  programIdIndex: z.number().int().min(0),
  accounts: z.array(z.number().int().min(0)),
  /** base58 */
  data: z.string(),
  stackHeight: z.number().int().nullable().optional(),
});

export const ZRawMessage = z.object({
  accountKeys: z.array(ZAddress).min(1),
  header: ZMessageHeader,
  recentBlockhash: z.string(),
  instructions: z.array(ZCompiledInstruction),
  addressTableLookups: z.array(ZAddressTableLookup).optional(),
});

export const ZParsedAccountKey = z.object({
  pubkey: ZAddress,
  signer: z.boolean(),
  writable: z.boolean(),
  source: z.enum(['transaction', 'lookupTable']).optional(),
});

/** What the RPC's parser understood (`parsed` is a string for memos, `{ type, info }` otherwise). */
export const ZParsedInstruction = z.object({
  program: z.string(),
  programId: ZAddress,
  parsed: z.unknown(),
  stackHeight: z.number().int().nullable().optional(),
});

/** An instruction the RPC could not parse, with its accounts resolved to addresses. */
export const ZPartiallyDecodedInstruction = z.object({
  programId: ZAddress,
  accounts: z.array(ZAddress),
  data: z.string(),
  stackHeight: z.number().int().nullable().optional(),
});

export const ZParsedMessage = z.object({
  accountKeys: z.array(ZParsedAccountKey).min(1),
  recentBlockhash: z.string(),
  instructions: z.array(z.union([ZParsedInstruction, ZPartiallyDecodedInstruction])),
  addressTableLookups: z.array(ZAddressTableLookup).nullable().optional(),
});

export const ZUiTokenAmount = z.object({
  amount: z.string().regex(/^\d+$/),
  decimals: z.number().int().min(0).max(255),
  uiAmount: z.number().nullable(),
  uiAmountString: z.string(),
});

export const ZTokenBalance = z.object({
  accountIndex: z.number().int().min(0),
  mint: ZAddress,
  owner: ZAddress.optional(),
  programId: ZAddress.optional(),
  uiTokenAmount: ZUiTokenAmount,
});
export type TTokenBalance = z.infer<typeof ZTokenBalance>;

export const ZLoadedAddresses = z.object({ writable: z.array(ZAddress), readonly: z.array(ZAddress) });

export const ZTransactionMeta = z.object({
  err: ZTransactionError,
  fee: ZU64,
  preBalances: z.array(ZU64),
  postBalances: z.array(ZU64),
  preTokenBalances: z.array(ZTokenBalance).nullable().optional(),
  postTokenBalances: z.array(ZTokenBalance).nullable().optional(),
  logMessages: z.array(z.string()).nullable().optional(),
  /** Present for `json` and binary encodings; `jsonParsed` lists these keys in accountKeys instead. */
  loadedAddresses: ZLoadedAddresses.optional(),
  computeUnitsConsumed: ZU64.optional(),
});
export type TTransactionMeta = z.infer<typeof ZTransactionMeta>;

/** Absent unless the request set maxSupportedTransactionVersion. */
export const ZTransactionVersion = z.union([z.literal('legacy'), z.literal(0)]).optional();

const confirmedTransaction = <T extends z.ZodType>(transaction: T) =>
  z.object({
    slot: ZU64,
    blockTime: z.number().int().nullable().optional(),
    version: ZTransactionVersion,
    meta: ZTransactionMeta.nullable(),
    transaction,
  });

export const ZJsonTransaction = confirmedTransaction(
  z.object({ signatures: z.array(z.string()).min(1), message: ZRawMessage }),
);
export type TJsonTransaction = z.infer<typeof ZJsonTransaction>;

export const ZParsedTransaction = confirmedTransaction(
  z.object({ signatures: z.array(z.string()).min(1), message: ZParsedMessage }),
);
export type TParsedTransaction = z.infer<typeof ZParsedTransaction>;

export const ZBase64Transaction = confirmedTransaction(z.tuple([z.string(), z.literal('base64')]));
export type TBase64Transaction = z.infer<typeof ZBase64Transaction>;

export const ZSignatureStatus = z.object({
  slot: ZU64,
  /** null once the block is rooted (finalized). */
  confirmations: z.number().int().nullable(),
  err: ZTransactionError,
  /** Older nodes leave it out; then `confirmations` tells. */
  confirmationStatus: ZCommitment.nullable().optional(),
});
export type TSignatureStatus = z.infer<typeof ZSignatureStatus>;

export const ZSignatureStatuses = z.object({
  context: z.object({ slot: ZU64 }),
  value: z.array(ZSignatureStatus.nullable()),
});

export const ZSignatureInfo = z.object({
  signature: z.string(),
  slot: ZU64,
  err: ZTransactionError,
  /** The RPC's rendering of the memos: `[<byte length>] <text>`, joined by `; `. */
  memo: z.string().nullable(),
  blockTime: z.number().int().nullable().optional(),
  confirmationStatus: ZCommitment.nullable().optional(),
});
export type TSignatureInfo = z.infer<typeof ZSignatureInfo>;

export const ZLatestBlockhash = z.object({
  context: z.object({ slot: ZU64 }),
  value: z.object({ blockhash: z.string(), lastValidBlockHeight: ZU64 }),
});

export const ZJsonRpcError = z.object({
  code: z.number().int(),
  message: z.string(),
  data: z.unknown().optional(),
});

export const ZJsonRpcResponse = z.object({
  jsonrpc: z.literal('2.0'),
  id: z.union([z.number(), z.string(), z.null()]),
  result: z.unknown().optional(),
  error: ZJsonRpcError.optional(),
});
