import { associatedTokenAddress, createSolanaRpc } from '@puffy/chains';
import { createLocalSolanaChain, type LocalSolanaChain } from '@puffy/chains/local-chain';
import { seedDemo } from '@puffy/db';
import { freePort, startTestServer, type TestServer } from '@puffy/server/testing';
import { Keypair } from '@solana/web3.js';
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
  await page.getByLabel('Country', { exact: true }).selectOption('US');
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
});

/**
 * The development server as a person runs it on a fresh machine: its own local chain (with the USDT
 * mint and the treasury's token account it creates) and the development wallet, which mints itself
 * test USDT and pays in one click; the server verifies the transfer and the job confirms it.
 */
describe.skipIf(!chromiumPath())('paying an order in a real browser (development server)', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer({
      webDistDir: webDist,
      env: {
        NODE_ENV: 'development',
        LOCAL_CHAIN_PORT: String(await freePort()),
        ORDER_CONFIRMATION_RETRY_SECONDS: '1',
        JOBS_POLL_INTERVAL_MS: '100',
      },
    });
    await seedDemo(server.deps.db);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('quotes, checks out, pays with the development wallet in one click and sees the order confirmed live', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/store`);
    await page.getByTestId('product-device-fresh').waitFor();
    const address = await signIn(page);

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

    // A phone can pay the same request: the QR code carries the Solana Pay link the page shows.
    const qr = page.getByTestId('payment-qr');
    await qr.waitFor();
    const link = await page.getByRole('link', { name: 'open the Solana Pay link' }).getAttribute('href');
    expect(await qr.getAttribute('data-url')).toBe(link);
    expect(link).toMatch(/^solana:[1-9A-HJ-NP-Za-km-z]+\?amount=149\.00&spl-token=/);

    await page.getByRole('button', { name: 'Pay 149.00 USDT with the development wallet' }).click();
    await page.locator('[data-testid="order"][data-status="paid"]').waitFor({ timeout: 20_000 });
    // The local chain finalizes after 3 s; the confirmation job verifies there; the page hears it over SSE.
    await page.locator('[data-testid="order"][data-status="confirmed"]').waitFor({ timeout: 30_000 });
    const timeline = page.locator('[data-testid="order-timeline"] li[data-status]');
    expect(await timeline.evaluateAll((items) => items.map((li) => li.getAttribute('data-status')))).toEqual([
      'new',
      'paid',
      'confirmed',
    ]);

    const orderId = page.url().split('/orders/')[1] ?? '';
    const { db, t } = server.deps.db;
    const order = (await db.select().from(t.orders)).find((o) => o.id === orderId);
    expect(order?.status).toBe('confirmed');
    const [payment] = (await db.select().from(t.payments)).filter((p) => p.orderId === orderId);
    expect(payment).toMatchObject({ status: 'finalized', payer: address, amount: 149_000_000n });
    // The treasury's USDT account on the development chain holds the payment.
    const rpc = createSolanaRpc({ url: server.deps.config.devChainUrl ?? '', retries: 0 });
    const { usdtMint, treasuryAddress } = server.deps.storefront;
    expect(await rpc.getTokenAccountBalance(associatedTokenAddress(treasuryAddress, usdtMint))).toBe(
      149_000_000n,
    );
    expect(await rpc.getTokenAccountBalance(associatedTokenAddress(address, usdtMint))).toBe(0n);
    expect(errors).toEqual([]);
    await context.close();
  });
});
