import { seedDemo } from '@puffy/db';
import { startTestServer, type TestServer } from '@puffy/server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebBuilt, chromiumPath, launchBrowser, webDist } from '../src/browser';
import { devWalletKey, signInWithDevWallet, useDevWallet } from '../src/dev-wallet';

const WIDTHS = [1280, 390];

/** Every picture box on the page once it settled: its state, and the loaded picture's real size. */
async function settledMedia(page: Page) {
  const states = () =>
    page.$$eval('[data-media-state]', (boxes) => boxes.map((b) => b.getAttribute('data-media-state')));
  await expect
    .poll(
      async () => {
        const now = await states();
        return now.length > 0 && !now.includes('loading');
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return page.$$eval('[data-media-state]', (boxes) =>
    boxes.map((box) => {
      const img = box.querySelector('img');
      return {
        state: box.getAttribute('data-media-state'),
        naturalWidth: img?.naturalWidth ?? null,
        height: box.getBoundingClientRect().height,
      };
    }),
  );
}

// Runs wherever chromium exists; CI installs it and fails if this suite did not run.
describe.skipIf(!chromiumPath())('the SPA’s own links, pictures and icon in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  const admin = devWalletKey();

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer({ webDistDir: webDist, env: { ADMIN_WALLETS: `sol:${admin.address}` } });
    await seedDemo(server.deps.db);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of WIDTHS) {
    it(`opens every admin section from the menu, one after another, at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      await useDevWallet(context, admin.secret);
      const page = await context.newPage();
      const errors: string[] = [];
      const overflowing: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/admin/orders`);
      await signInWithDevWallet(page);
      const menu = page.getByRole('navigation', { name: 'Admin' });
      await menu.waitFor({ timeout: 15_000 });
      const entries = await menu.getByRole('link').allTextContents();
      expect(entries.length).toBe(11);
      for (const entry of entries) {
        const link = menu.getByRole('link', { name: entry, exact: true });
        const href = await link.getAttribute('href');
        await link.click();
        await page.waitForURL(`${server.url}${href}`);
        expect(new URL(page.url()).pathname).toMatch(/^\/admin\/[a-z]+$/);
        expect(await page.getByText(/This section is not there/).count()).toBe(0);
        // Once its data is in, no section may push the page sideways (a wide table scrolls in its box).
        await page.waitForLoadState('networkidle');
        // A string runs in the page: this project's types have no DOM.
        const pageWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
        if (pageWidth > width) overflowing.push(`${entry}: ${pageWidth} px`);
      }
      expect(overflowing).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('loads the demo artwork the app ships, with its size kept, on the cards and the banner', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(`${server.url}/campaigns`);
    const cards = await settledMedia(page);
    expect(cards.length).toBeGreaterThanOrEqual(3);
    for (const card of cards) {
      expect(card.state).toBe('loaded');
      expect(card.naturalWidth).toBeGreaterThan(0);
      expect(card.height).toBeGreaterThan(100);
    }
    await page.goto(`${server.url}/campaigns/puffy-genesis-solana`);
    const [banner] = await settledMedia(page);
    expect(banner).toMatchObject({ state: 'loaded' });
    expect(failed).toEqual([]);
    await page.close();
  });

  it('shows the drawn fallback, never a broken image, when a remote picture does not load', async () => {
    const { db, t } = server.deps.db;
    const now = new Date();
    await db.insert(t.campaigns).values({
      slug: 'e2e-gone-picture',
      name: 'E2E gone picture',
      network: 'sol',
      vmType: 'svm',
      nftGasFeeLamports: 0n,
      media: { image: 'https://arweave.net/puffy-demo/gone.png' },
      isReady: true,
      isActive: true,
      startAt: new Date(now.getTime() - 86_400_000),
      endAt: new Date(now.getTime() + 86_400_000),
      createdAt: now,
      updatedAt: now,
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/campaigns`);
    await page.getByRole('link', { name: 'E2E gone picture' }).waitFor({ timeout: 15_000 });
    const boxes = await settledMedia(page);
    expect(boxes.map((b) => b.state).sort()).toEqual(['failed', 'loaded', 'loaded', 'loaded']);
    // No <img> stays on the page that did not load.
    const broken = await page.$$eval(
      'img',
      (imgs) => imgs.filter((i) => i.complete && i.naturalWidth === 0).length,
    );
    expect(broken).toBe(0);
    await page.close();
  });

  it('fetches the icon once', async () => {
    const page = await browser.newPage();
    const icons: string[] = [];
    page.on('request', (r) => {
      if (/favicon|icon-192/.test(new URL(r.url()).pathname)) icons.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}/`);
    await page.getByTestId('footer-version').waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    expect(icons).toEqual(['/favicon.svg']);
    await page.close();
  });
});
