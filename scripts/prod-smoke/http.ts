// What the production smoke speaks: tRPC's plain-JSON wire format over fetch, raw response headers,
// and Solana wallets made with node:crypto that sign the way a wallet does.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { get } from 'node:http';
import bs58 from 'bs58';

export function step(message: string): void {
  process.stdout.write(`prod-smoke: ${message}\n`);
}

export function fail(message: string): never {
  throw new Error(message);
}

/** One tRPC call in the plain-JSON wire format (no transformer), as any HTTP client would make it. */
export async function trpc<T>(
  base: string,
  path: string,
  options: { input?: unknown; token?: string; mutation?: boolean; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const query =
    options.input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(options.input))}`;
  const response = options.mutation
    ? await fetch(`${base}/trpc/${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(options.input ?? {}),
      })
    : await fetch(`${base}/trpc/${path}${query}`, { headers });
  const text = await response.text();
  let body: { result?: { data: T }; error?: unknown } = {};
  try {
    body = JSON.parse(text);
  } catch {}
  if (!response.ok || !body.result) fail(`${path} through ${base} answered ${response.status}: ${text}`);
  return body.result.data;
}

/** The response's header lines as sent (fetch would merge a repeated header into one value). */
export function rawHeaders(url: string): Promise<{ status: number; headers: Array<[string, string]> }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      res.resume();
      const lines: Array<[string, string]> = [];
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
        lines.push([res.rawHeaders[i]?.toLowerCase() ?? '', res.rawHeaders[i + 1] ?? '']);
      }
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: lines }));
    }).on('error', reject);
  });
}

export interface SmokeWallet {
  address: string;
  key: KeyObject;
  signMessage(message: string): string;
}

/** A Solana wallet: the address is the raw Ed25519 public key in base58. */
export function solanaWallet(): SmokeWallet {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  return {
    address: bs58.encode(raw),
    key: privateKey,
    signMessage: (message) => bs58.encode(sign(null, Buffer.from(message, 'utf8'), privateKey)),
  };
}

/** Sign-In With Solana through `base`: challenge, the wallet's signature, a bearer session. */
export async function signIn(
  base: string,
  wallet: SmokeWallet,
  headers: Record<string, string> = {},
): Promise<{ token: string; userId: string }> {
  const challenge = await trpc<{ challengeId: string; message: string }>(base, 'auth.challenge', {
    mutation: true,
    headers,
    input: { chain: 'sol', address: wallet.address },
  });
  const session = await trpc<{ accessToken?: string; user: { id: string } }>(base, 'auth.verify', {
    mutation: true,
    headers,
    input: {
      challengeId: challenge.challengeId,
      proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
      delivery: 'body',
    },
  });
  return {
    token: session.accessToken ?? fail('auth.verify returned no access token for delivery "body"'),
    userId: session.user.id,
  };
}

/**
 * Signs a legacy Solana transaction built for this wallet alone (one signature slot): the wire form is
 * the signature count (one byte for one), the 64-byte slots, then the message the wallet signs.
 * Answers the signed transaction in base64 and its signature (the transaction's id) in base58.
 */
export function signTransaction(wallet: SmokeWallet, base64: string): { signed: string; signature: string } {
  const wire = Buffer.from(base64, 'base64');
  if (wire[0] !== 1) fail(`the transaction asks for ${wire[0]} signatures; this wallet gives one`);
  const signature = sign(null, wire.subarray(65), wallet.key);
  signature.copy(wire, 1);
  return { signed: wire.toString('base64'), signature: bs58.encode(signature) };
}
