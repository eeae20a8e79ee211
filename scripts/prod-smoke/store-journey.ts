// A member buys a device through the load balancer and pays for it on the local Solana node: the
// catalog the migrations wrote (no demo seed in production), the colorways the member may choose, a
// quote, a checkout, the USDT transfer the server builds for the wallet, signed by the wallet and sent
// to the node over JSON-RPC, the submitted payment, and the worker confirming it once final.
import { randomUUID } from 'node:crypto';
import type { LocalSolanaChain } from '@puffy/chains/local-chain';
import { SAMPLE_US_ADDRESS } from '@puffy/contracts/samples';
import { fail, type SmokeWallet, signTransaction, trpc } from './http';

interface Catalog {
  products: Array<{ sku: string; kind: string; variant: string | null; price: string }>;
}

interface Order {
  id: string;
  status: string;
  total: string;
}

const shippingAddress = SAMPLE_US_ADDRESS;

/** A JSON-RPC call to the node, as a wallet makes it. */
async function rpc<T>(url: string, method: string, params: unknown[]): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error || body.result === undefined) fail(`${method} on the local node: ${body.error?.message}`);
  return body.result;
}

export async function storeJourney(
  base: string,
  chain: LocalSolanaChain,
  usdtMint: string,
  member: { wallet: SmokeWallet; token: string },
): Promise<Order> {
  const { wallet, token } = member;
  const catalog = await trpc<Catalog>(base, 'store.catalog');
  const device = catalog.products.find((p) => p.kind === 'device' && p.variant === 'vape');
  if (!device || !catalog.products.some((p) => p.kind === 'pods')) {
    fail(`store.catalog lacks the migrated device and pods: ${JSON.stringify(catalog)}`);
  }
  // The store's part of user.eligibleProducts: the colorways this member may choose, by the quote's rule.
  const eligible = await trpc<{ store: { colorways: Record<string, string[]> } }>(
    base,
    'user.eligibleProducts',
    { token },
  );
  const { colorways } = eligible.store;
  const colorway = colorways.vape?.[0] ?? fail('the member may choose no vape colorway');
  const quote = await trpc<{ quoteId: string; total: string }>(base, 'device.quote', {
    mutation: true,
    token,
    input: { items: [{ kind: 'device', variant: 'vape', colorway, quantity: 1 }], country: 'US' },
  });
  const order = await trpc<Order>(base, 'order.checkout', {
    mutation: true,
    token,
    input: { quoteId: quote.quoteId, shippingAddress, idempotencyKey: randomUUID() },
  });
  if (order.status !== 'new' || order.total !== quote.total) {
    fail(`order.checkout answered ${JSON.stringify(order)} for a quote of ${quote.total}`);
  }

  // SOL for the fee and USDT to pay with, through real transactions on the node.
  chain.airdrop(wallet.address, 1_000_000_000n);
  chain.mintTo(usdtMint, wallet.address, 1_000_000_000n);
  const built = await trpc<{ transaction: string }>(base, 'order.paymentTransaction', {
    mutation: true,
    token,
    input: { orderId: order.id, account: wallet.address },
  });
  const { signed, signature } = signTransaction(wallet, built.transaction);
  const sent = await rpc<string>(chain.url, 'sendTransaction', [signed, { encoding: 'base64' }]);
  if (sent !== signature) fail(`the node answered ${sent} for transaction ${signature}`);
  const submitted = await trpc<Order>(base, 'order.submitPayment', {
    mutation: true,
    token,
    input: { orderId: order.id, transactionHash: signature },
  });
  if (submitted.status !== 'paid') fail(`order.submitPayment left the order ${submitted.status}`);

  // The worker confirms the payment once the node reports it finalized.
  const until = Date.now() + 60_000;
  for (;;) {
    const current = await trpc<Order>(base, 'order.get', { token, input: { orderId: order.id } });
    if (current.status === 'confirmed') return current;
    if (current.status !== 'paid' || Date.now() > until) {
      fail(`order ${order.id} is ${current.status}, not confirmed, after its payment`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
