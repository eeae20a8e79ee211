import { join, resolve } from 'node:path';
import { startTestServer, type TestServer } from '@puffy/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { assertWebBuilt, launchBrowser, webDist } from './browser';
import { signInWithDevWallet, useDevWallet } from './dev-wallet';
import { inspectScreen, problems, watchConsole, watchContext } from './page-checks';

const SCREENS = join(resolve(import.meta.dirname, '../..'), '.reports/screens');

/**
 * A test server serving the built SPA, with `adminAddress` (a Solana wallet) as its operator, and a
 * browser: started before the suite's tests, closed after. Read `server` and `browser` inside tests.
 */
export function serverAndBrowser(adminAddress: string): { server: TestServer; browser: Browser } {
  const handles = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    assertWebBuilt();
    handles.server = await startTestServer({
      webDistDir: webDist,
      env: { ADMIN_WALLETS: `sol:${adminAddress}` },
    });
    handles.browser = await launchBrowser();
  });
  afterAll(async () => {
    await handles.browser?.close();
    await handles.server?.close();
  });
  return handles;
}

/**
 * A browser context signed in through the SPA's development wallet holding `secret` (base58 seed),
 * watched for CSP violations and console errors like every-route's screens (`inspectScreen`).
 */
export async function signedInContext(
  browser: Browser,
  url: string,
  secret: string,
): Promise<{ context: BrowserContext; page: Page; log: { take(): string[] } }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await watchContext(context);
  await useDevWallet(context, secret);
  const page = await context.newPage();
  const log = watchConsole(page);
  // A step that cannot happen fails on its own locator, well inside the test's time.
  page.setDefaultTimeout(20_000);
  await page.goto(`${url}/`);
  await signInWithDevWallet(page);
  return { context, page, log };
}

/**
 * The screen as it stands at 1280 and 390 px: what every-route would call broken (overflow, axe,
 * console, CSP), and a full-page screenshot of each in .reports/screens for a person to look at.
 */
export async function screenAtBothWidths(
  page: Page,
  log: { take(): string[] },
  name: string,
): Promise<string[]> {
  const found: string[] = [];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    found.push(...problems(`${name} @${width}`, await inspectScreen(page, width, log)));
    await page.screenshot({ path: join(SCREENS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return found;
}
