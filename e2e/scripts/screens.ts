/**
 * Screenshots of the member and admin screens at desktop and phone widths, for a person to look at
 * after a visual change: `pnpm --filter @puffy/web build && pnpm exec tsx e2e/scripts/screens.ts <dir> [prefix]`.
 * Runs the real server on a fresh SQLite file with the demo data, the development wallet as an admin.
 * SCREEN_PATHS="name=/path,other=/admin/codes" shoots those paths instead of the default list (and
 * skips the scripted store and referral screens).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '@puffy/db';
import { startTestServer } from '@puffy/server/testing';
import { assertWebBuilt, launchBrowser, webDist } from '../src/browser';
import { devWalletKey, signInWithDevWallet, useDevWallet } from '../src/dev-wallet';

const [outDir = '/tmp/shots', prefix = 'shot'] = process.argv.slice(2);
const WIDTHS = [1280, 390];

async function main() {
  assertWebBuilt();
  mkdirSync(outDir, { recursive: true });
  const admin = devWalletKey();
  const server = await startTestServer({
    webDistDir: webDist,
    env: { ADMIN_WALLETS: `sol:${admin.address}` },
  });
  await seedDemo(server.deps.db);
  const browser = await launchBrowser();
  const chosen = process.env.SCREEN_PATHS?.split(',').map((pair) => {
    const [name = '', path = ''] = pair.split('=');
    return [name, path] as [string, string];
  });
  const paths: Array<[string, string]> = chosen ?? [
    ['home', '/'],
    ['campaigns', '/campaigns'],
    ['campaign', '/campaigns/puffy-genesis-solana'],
    ['store', '/store'],
    ['orders', '/orders'],
    ['profile', '/profile'],
    ['admin-orders', '/admin/orders'],
    ['admin-campaigns', '/admin/campaigns'],
  ];
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      await useDevWallet(context, admin.secret);
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await signInWithDevWallet(page);
      for (const [name, path] of paths) {
        await page.goto(`${server.url}${path}`);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(outDir, `${prefix}-${name}-${width}.png`), fullPage: true });
      }
      if (chosen) {
        await context.close();
        continue;
      }
      // The store with a device in the cart and a quote; a referral code that does not exist.
      await page.goto(`${server.url}/store`);
      await page.getByRole('button', { name: 'Add vape device to cart' }).click();
      await page.getByLabel('Country', { exact: true }).selectOption('US');
      await page.getByTestId('quote-total').waitFor({ timeout: 15_000 });
      await page.screenshot({ path: join(outDir, `${prefix}-store-quote-${width}.png`), fullPage: true });
      await page.goto(`${server.url}/campaigns/puffy-genesis-solana`);
      await page.getByLabel('A friend’s referral code').fill('PUFFY-DEMO');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByTestId('referral-preview').waitFor({ timeout: 15_000 });
      await page.getByTestId('referral-preview').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(outDir, `${prefix}-referral-${width}.png`) });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
