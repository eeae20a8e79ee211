/**
 * The memo a payment carries, shared by the SPA that builds the transaction and the server that checks
 * it. The wire format is snake_case JSON (docs/architecture.md), written without spaces in this key order.
 */
export type PaymentMemo = Readonly<Record<string, string | number>>;

export interface NftMemoInput {
  nftId: number;
  userId: string;
}

export interface OrderMemoInput {
  orderId: string;
}

function assertId(value: string, name: string): void {
  if (value.length === 0 || value.length > 128) throw new RangeError(`${name} must be 1 to 128 characters`);
}

export function nftMemoFields({ nftId, userId }: NftMemoInput): PaymentMemo {
  if (!Number.isSafeInteger(nftId) || nftId < 1) throw new RangeError('nftId must be a positive integer');
  assertId(userId, 'userId');
  return { nft_id: nftId, user_id: userId };
}

/** `{"nft_id":1,"user_id":"…"}`, the exact text of the gas-fee payment's memo. */
export const nftMemo = (input: NftMemoInput): string => JSON.stringify(nftMemoFields(input));

export function orderMemoFields({ orderId }: OrderMemoInput): PaymentMemo {
  assertId(orderId, 'orderId');
  return { order_id: orderId };
}

/** `{"order_id":"…"}`, the exact text of an order payment's memo. */
export const orderMemo = (input: OrderMemoInput): string => JSON.stringify(orderMemoFields(input));

/** No memo can be longer than a whole transaction (1232 bytes); longer text is not worth parsing. */
const MAX_MEMO_CHARS = 1232;

/**
 * True when the memo text is a JSON object with exactly the expected keys and values, types included
 * (`"1"` is not `1`). Spacing and key order may differ: the predecessor wrote `{"nft_id": 1, …}`.
 */
export function memoMatches(text: string, expected: PaymentMemo): boolean {
  if (text.length > MAX_MEMO_CHARS) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // A memo that is not JSON names no claim.
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const entries = Object.entries(parsed);
  const expectedKeys = Object.keys(expected);
  if (entries.length !== expectedKeys.length) return false;
  return entries.every(([key, value]) => Object.hasOwn(expected, key) && expected[key] === value);
}
