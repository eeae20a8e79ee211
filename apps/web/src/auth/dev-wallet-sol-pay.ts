import { ed25519 } from '@noble/curves/ed25519.js';
import bs58 from 'bs58';
import { reportedDevChainUrl } from '../lib/dev-chain';

/**
 * The development wallet (dev-wallet.ts) sending SOL on the development chain: it signs a prepared
 * legacy message with its key and sends it through JSON-RPC, topping itself up from the local
 * chain's faucet first. Development only: the key lives in this browser's storage.
 */

/** The key dev-wallet.ts keeps its secret under (that file stays as it is). */
const DEV_WALLET_KEY = 'puffy.devWallet.solana';
/** Where the development chain answers; set it in this browser when the server's chain is elsewhere. */
export const DEV_CHAIN_URL_KEY = 'puffy.devWallet.solanaRpc';
/** The server's local chain listens on LOCAL_CHAIN_PORT, 8899 by default (the local validator's). */
export const DEFAULT_DEV_CHAIN_URL = 'http://127.0.0.1:8899';

/** Enough for the network fee of a payment (5,000 lamports a signature) with room to spare. */
const FEE_ALLOWANCE = 1_000_000n;
const AIRDROP_LAMPORTS = 2_000_000_000n;

type KeyStorage = Pick<Storage, 'getItem'>;

function secretKeyOf(storage: KeyStorage): Uint8Array | null {
  const saved = storage.getItem(DEV_WALLET_KEY);
  return saved ? bs58.decode(saved) : null;
}

/** The development wallet's address in this browser, or null when it was never used here. */
export function devSolanaAddress(storage: KeyStorage = localStorage): string | null {
  const secret = secretKeyOf(storage);
  return secret ? bs58.encode(ed25519.getPublicKey(secret)) : null;
}

/**
 * The development chain this browser's development wallet talks to: this browser's own setting, else
 * the one the server reports in `system.version`, else the local validator's usual address.
 */
export function devChainUrl(storage: KeyStorage = localStorage): string {
  return storage.getItem(DEV_CHAIN_URL_KEY) ?? reportedDevChainUrl() ?? DEFAULT_DEV_CHAIN_URL;
}

async function rpc<T>(url: string, method: string, params: unknown[], fetchImpl: typeof fetch): Promise<T> {
  const response = await fetchImpl(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`The local chain refused ${method}: ${body.error.message}`);
  if (body.result === undefined) throw new Error(`The local chain gave no answer to ${method}.`);
  return body.result;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A transaction with the one fee-payer signature: shortvec count 1, the signature, the message. */
function withSignature(message: Uint8Array, signature: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + signature.length + message.length);
  out[0] = 1;
  out.set(signature, 1);
  out.set(message, 1 + signature.length);
  return out;
}

/** Tops the wallet up from the local chain's faucet when it could not cover `lamports` and the fee. */
async function fund(url: string, address: string, lamports: bigint, fetchImpl: typeof fetch) {
  const balance = await rpc<{ value: number }>(
    url,
    'getBalance',
    [address, { commitment: 'confirmed' }],
    fetchImpl,
  );
  const needed = lamports + FEE_ALLOWANCE;
  if (BigInt(balance.value) >= needed) return;
  const grant = needed > AIRDROP_LAMPORTS ? needed : AIRDROP_LAMPORTS;
  // The faucet takes a JSON number; a development fee stays far below 2^53 lamports.
  await rpc<string>(url, 'requestAirdrop', [address, Number(grant), { commitment: 'confirmed' }], fetchImpl);
}

type WalletOptions = { storage?: KeyStorage; rpcUrl?: string; fetch?: typeof fetch };

/** The wallet's key and the chain it talks to; no key means nobody signed in with it here. */
function walletOn(options: WalletOptions) {
  const storage = options.storage ?? localStorage;
  const secret = secretKeyOf(storage);
  if (!secret) throw new Error('The development wallet has no key in this browser; sign in with it first.');
  return { secret, url: options.rpcUrl ?? devChainUrl(storage), fetchImpl: options.fetch ?? fetch };
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** Turns fetch's TypeError ("the server is unreachable") into what it is: the local chain is not there. */
async function onDevChain<T>(url: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TypeError) {
      throw new Error(
        `The development wallet could not reach the local chain at ${url}. Start the server in development without SOLANA_RPC_URL.`,
      );
    }
    throw error;
  }
}

/**
 * Gives the development wallet SOL for the fee and `units` of a token (test USDT) from the local chain's
 * faucets, so it can pay an order; resolves with the wallet's address.
 */
export async function fundDevWalletWithTokens(
  mint: string,
  units: bigint,
  options: WalletOptions = {},
): Promise<string> {
  const { secret, url, fetchImpl } = walletOn(options);
  const owner = bs58.encode(ed25519.getPublicKey(secret));
  await onDevChain(url, async () => {
    await fund(url, owner, 0n, fetchImpl);
    await rpc<string>(
      url,
      'requestTokenAirdrop',
      [owner, mint, units.toString(), { commitment: 'confirmed' }],
      fetchImpl,
    );
  });
  return owner;
}

/**
 * Signs a transaction someone else built for the development wallet (base64 wire bytes with one empty
 * signature slot, the wallet as fee payer) and sends it to the local chain; resolves with its signature.
 */
export async function signAndSendWithDevWallet(
  transactionBase64: string,
  options: WalletOptions = {},
): Promise<string> {
  const { secret, url, fetchImpl } = walletOn(options);
  const bytes = fromBase64(transactionBase64);
  // One signature slot (shortvec 1), then the message, whose first account is the fee payer.
  const message = bytes.subarray(65);
  const feePayer = message.subarray(4, 36);
  const self = ed25519.getPublicKey(secret);
  if (bytes[0] !== 1 || message[0] !== 1 || bs58.encode(feePayer) !== bs58.encode(self)) {
    throw new Error('This transaction is not for the development wallet to sign alone.');
  }
  return onDevChain(url, () =>
    rpc<string>(
      url,
      'sendTransaction',
      [
        base64(withSignature(message, ed25519.sign(message, secret))),
        { encoding: 'base64', preflightCommitment: 'confirmed' },
      ],
      fetchImpl,
    ),
  );
}

/**
 * Tops the development wallet up from the local chain's faucet so it can pay `lamports` and the network
 * fee; resolves with its address.
 */
export async function fundDevWalletWithSol(lamports: bigint, options: WalletOptions = {}): Promise<string> {
  const { secret, url, fetchImpl } = walletOn(options);
  const owner = bs58.encode(ed25519.getPublicKey(secret));
  await onDevChain(url, () => fund(url, owner, lamports, fetchImpl));
  return owner;
}
