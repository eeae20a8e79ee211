/**
 * Screenshots of the member and admin screens at desktop and phone widths, for a person to look at
 * after a visual change: `pnpm --filter @puffy/web build && pnpm exec tsx e2e/scripts/screens.ts <dir> [prefix]`.
 * Runs the real server on a fresh SQLite file with the demo data, the development wallet as an admin.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '@puffy/db';
import { startTestServer } from '@puffy/server/testing';
import type { Page } from 'playwright-core';
import { base58 } from '../src/base58';
import { assertWebBuilt, launchBrowser, webDist } from '../src/browser';

const [outDir = '/tmp/shots', prefix = 'shot'] = process.argv.slice(2);
const WIDTHS = [1280, 390];

function devWalletKey() {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return {
    secret: base58(Buffer.from(jwk.d ?? '', 'base64url')),
    address: base58(Buffer.from(jwk.x ?? '', 'base64url')),
  };
}

async function signIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('button', { name: /Development wallet \(Solana\)/ }).click();
  await page.getByTestId('signed-in-as').waitFor({ timeout: 15_000 });
}

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
  const paths: Array<[string, string]> = [
    ['home', '/'],
    ['campaigns', '/campaigns'],
    ['campaign', '/campaigns/puffy-genesis-solana'],
    ['store', '/store'],
    ['profile', '/profile'],
    ['admin-orders', '/admin/orders'],
    ['admin-campaigns', '/admin/campaigns'],
  ];
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      await context.addInitScript({
        content: `localStorage.setItem('puffy.devWallet.solana', ${JSON.stringify(admin.secret)})`,
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await signIn(page);
      for (const [name, path] of paths) {
        await page.goto(`${server.url}${path}`);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(outDir, `${prefix}-${name}-${width}.png`), fullPage: true });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
