import { MEMO_PROGRAM_ID } from '@puffy/chains';
import { createLocalSolanaChain, type LocalSolanaChain } from '@puffy/chains/local-chain';
import { seedDemo } from '@puffy/db';
import { startTestServer, type TestServer } from '@puffy/server/testing';
import { createTransferCheckedInstruction, getAssociatedTokenAddressSync } from '@solana/spl-token';
import { Keypair, PublicKey, Transaction, TransactionInstruction } from '@solana/web3.js';
import bs58 from 'bs58';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebBuilt, chromiumPath, launchBrowser, webDist } from '../src/browser';

/** Signs in with the development wallet from the store page; returns the wallet's address. */
async function signIn(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('button', { name: /Development wallet \(Solana\)/ }).click();
  const signedInAs = page.getByTestId('signed-in-as');
  await signedInAs.waitFor({ timeout: 15_000 });
  return (await signedInAs.getAttribute('title')) ?? '';
}

async function fillAddress(page: Page): Promise<void> {
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Phone').fill('+1 415 555 0100');
  await page.getByLabel('Address line 1').fill('1 Market St');
  await page.getByLabel('City').fill('San Francisco');
  await page.getByLabel('State or region (optional)').fill('CA');
  await page.getByLabel('Postal code').fill('94105');
  await page.getByLabel('Country (two-letter code)').fill('US');
}

/**
 * What the member's wallet does with the payment request the order page shows: a USDT transferChecked
 * to the treasury's token account carrying the reference key, and the memo, signed with the
 * development wallet's own key (read from the browser that holds it) and sent to the local chain.
 */
async function payFromDevWallet(page: Page, chain: LocalSolanaChain, mint: string): Promise<string> {
  const { origins } = await page.context().storageState();
  const secret = origins
    .flatMap((origin) => origin.localStorage)
    .find((item) => item.name === 'puffy.devWallet.solana')?.value;
  const payer = Keypair.fromSeed(bs58.decode(secret ?? ''));
  const read = async (id: string) => ((await page.getByTestId(id).textContent()) ?? '').trim();
  const [amount, recipient, reference, memo] = await Promise.all([
    read('payment-amount'),
    read('payment-recipient'),
    read('payment-reference'),
    read('payment-memo'),
  ]);
  const mintKey = new PublicKey(mint);
  const transfer = createTransferCheckedInstruction(
    getAssociatedTokenAddressSync(mintKey, payer.publicKey),
    mintKey,
    getAssociatedTokenAddressSync(mintKey, new PublicKey(recipient)),
    payer.publicKey,
    BigInt(amount.replace('.', '')) * 10_000n,
    6,
  );
  transfer.keys.push({ pubkey: new PublicKey(reference), isSigner: false, isWritable: false });
  const transaction = new Transaction({
    feePayer: payer.publicKey,
    recentBlockhash: chain.latestBlockhash(),
  });
  transaction.add(
    transfer,
    new TransactionInstruction({
      programId: new PublicKey(MEMO_PROGRAM_ID),
      keys: [],
      data: Buffer.from(memo),
    }),
  );
  transaction.sign(payer);
  return chain.send(transaction);
}

describe.skipIf(!chromiumPath())('storefront in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let chain: LocalSolanaChain;
  let mint: string;
  beforeAll(async () => {
    assertWebBuilt();
    // The local Solana node with a USDT mint and the treasury's token account; payments finalize fast.
    chain = await createLocalSolanaChain({ finalizeAfterMs: 300 });
    mint = chain.createMint({ decimals: 6 });
    const treasury = Keypair.generate().publicKey.toBase58();
    chain.mintTo(mint, treasury, 0n);
    server = await startTestServer({
      webDistDir: webDist,
      env: {
        SOLANA_RPC_URL: chain.url,
        SOLANA_USDT_MINT: mint,
        SOLANA_STORE_TREASURY_ADDRESS: treasury,
        ORDER_CONFIRMATION_RETRY_SECONDS: '1',
      },
    });
    // The demo catalog and store settings (prices, shipping fees, vape countries) in the real database.
    await seedDemo(server.deps.db);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await chain?.close();
  });

  it('builds a cart, gets a quote, checks out, follows the order live and finds it in the list', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${server.url}/store`);
    await page.getByTestId('product-device-vape').waitFor();
    await signIn(page);

    const vape = page.getByTestId('product-device-vape');
    await vape.getByLabel('Colorway').selectOption('black');
    await vape.getByRole('button', { name: 'Add vape device to cart' }).click();
    const pods = page.getByTestId('product-pods');
    await pods.getByLabel('Flavor').selectOption('mint_ice');
    await pods.getByLabel('Nicotine').selectOption('2');
    await pods.getByLabel('Boxes').fill('2');
    await pods.getByRole('button', { name: 'Add pods to cart' }).click();
    await page
      .getByTestId('cart')
      .getByText('Vape pods, Mint Ice, 2% nicotine', { exact: true })
      .first()
      .waitFor();

    // A second tab of the same browser sees the same cart.
    const other = await context.newPage();
    await other.goto(`${server.url}/store`);
    await other.getByTestId('cart').getByText('Vape device, Black', { exact: true }).first().waitFor();
    await other.close();

    await fillAddress(page);

    // The server's prices: 99.00 device + 2 × 9.99 pods + 50.00 shipping to the US.
    const total = page.getByTestId('quote-total');
    await total.waitFor({ timeout: 15_000 });
    expect(await total.textContent()).toBe('168.98 USDT');
    expect(await page.getByTestId('quote-shipping').textContent()).toBe('50.00 USDT');

    await page.getByRole('button', { name: 'Place order' }).click();
    const order = page.getByTestId('order');
    await order.waitFor({ timeout: 15_000 });
    expect(await order.getAttribute('data-status')).toBe('new');
    const orderUrl = page.url();
    const orderId = orderUrl.split('/orders/')[1] ?? '';
    expect(await page.getByTestId('payment-memo').textContent()).toContain(orderId);

    // A second tab follows the order over SSE; cancelling in the first shows up there live.
    const watcher = await context.newPage();
    const streams: string[] = [];
    watcher.on('request', (request) => {
      if (request.url().includes('/trpc/order.status')) streams.push(request.headers().accept ?? '');
    });
    await watcher.goto(orderUrl);
    await watcher.locator('[data-testid="order"][data-status="new"]').waitFor();
    // Give the stream a moment to be open before the change it should carry.
    await watcher.waitForTimeout(500);
    await page.getByRole('button', { name: 'Cancel order' }).click();
    await page.locator('[data-testid="order"][data-status="cancelled"]').waitFor();
    await watcher
      .locator('[data-testid="order-timeline"] li[data-status="cancelled"]')
      .waitFor({ timeout: 15_000 });
    await watcher.locator('[data-testid="order"][data-status="cancelled"]').waitFor();
    expect(streams[0]).toContain('text/event-stream');
    await watcher.close();

    await page.getByRole('link', { name: 'All your orders' }).click();
    const row = page.locator(`[data-testid="orders"] tr[data-order-id="${orderId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('168.98 USDT');
    await page.getByLabel('Status').selectOption('confirmed');
    await page.getByTestId('orders-empty').waitFor();

    // The cart is empty after checkout, and the database holds exactly this one order.
    await page.goto(`${server.url}/store`);
    await page.getByTestId('cart-empty').waitFor();
    const { db, t } = server.deps.db;
    const orders = await db.select().from(t.orders);
    expect(orders.map((o) => o.id)).toEqual([orderId]);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('pays with the development wallet on the local chain and sees the order confirmed live', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/store`);
    await page.getByTestId('product-device-fresh').waitFor();
    const address = await signIn(page);
    // SOL for the fee and USDT to pay with, through real transactions on the local chain.
    chain.airdrop(address, 1_000_000_000n);
    chain.mintTo(mint, address, 1_000_000_000n);

    await page
      .getByTestId('product-device-fresh')
      .getByRole('button', { name: 'Add fresh device to cart' })
      .click();
    await fillAddress(page);
    const total = page.getByTestId('quote-total');
    await total.waitFor({ timeout: 15_000 });
    expect(await total.textContent()).toBe('149.00 USDT');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.locator('[data-testid="order"][data-status="new"]').waitFor({ timeout: 15_000 });

    const signature = await payFromDevWallet(page, chain, mint);
    await page.getByLabel('Transaction signature').fill(signature);
    await page.getByRole('button', { name: 'I have paid' }).click();
    await page.locator('[data-testid="order"][data-status="paid"]').waitFor();
    // The confirmation job verifies the transfer at finalized; the page hears it over SSE.
    await page.locator('[data-testid="order"][data-status="confirmed"]').waitFor({ timeout: 30_000 });
    const timeline = page.locator('[data-testid="order-timeline"] li');
    expect(await timeline.evaluateAll((items) => items.map((li) => li.getAttribute('data-status')))).toEqual([
      'new',
      'paid',
      'confirmed',
    ]);

    const orderId = page.url().split('/orders/')[1] ?? '';
    const { db, t } = server.deps.db;
    const order = (await db.select().from(t.orders)).find((o) => o.id === orderId);
    expect(order?.status).toBe('confirmed');
    expect(chain.tokenBalance(address, mint)).toBe(1_000_000_000n - 149_000_000n);
    expect(errors).toEqual([]);
    await context.close();
  });
});
