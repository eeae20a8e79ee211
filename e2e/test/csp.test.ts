import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestServer, type TestServer } from '@puffy/server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebBuilt, chromiumPath, launchBrowser, webDist } from '../src/browser';

/** A 1×1 PNG, the icon the stand-in serves for its wallet. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface TonHost {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/**
 * A stand-in for the remote hosts TON Connect's UI reaches: the wallets list (wallets-v2.json
 * format), the wallet's icon, and the wallet's SSE bridge (which the picker subscribes to for its QR
 * code; it answers with an open event stream and no events).
 */
async function startTonHost(): Promise<TonHost> {
  const requests: string[] = [];
  let self = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push(`${req.method} ${path}`);
    if (path === '/wallets-v2.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify([
          {
            app_name: 'tonkeeper',
            name: 'Tonkeeper',
            image: `${self}/icons/tonkeeper.png`,
            about_url: 'https://tonkeeper.example/about',
            universal_url: 'https://tonkeeper.example/ton-connect',
            bridge: [{ type: 'sse', url: `${self}/bridge` }],
            platforms: ['ios', 'android', 'chrome', 'macos', 'windows', 'linux'],
          },
        ]),
      );
      return;
    }
    if (path === '/icons/tonkeeper.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(PNG);
      return;
    }
    if (path === '/bridge/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
      });
      res.write(': open\n\n');
      return;
    }
    res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: self,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Records every CSP violation the page reports, from its first script on (the e2e types have no DOM). */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '(inline)') + ' ' + (e.sourceFile || ''));
  });
`;

function watch(page: Page): { problems: string[]; violations: () => Promise<string[]> } {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return {
    problems,
    violations: () => page.evaluate<string[]>('window.__cspViolations ?? []'),
  };
}

// Runs wherever chromium exists; CI installs it and fails if this suite did not run.
describe.skipIf(!chromiumPath())('the SPA under its own CSP', () => {
  let tonHost: TonHost;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    assertWebBuilt();
    tonHost = await startTonHost();
    server = await startTestServer({
      webDistDir: webDist,
      env: {
        // The defaults of production: TON Connect's UI on, no media hosts beyond our own.
        TON_CONNECT_UI: 'true',
        TON_CONNECT_WALLETS_URL: `${tonHost.url}/wallets-v2.json`,
        TON_CONNECT_BRIDGES: tonHost.url,
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await tonHost?.close();
  });

  it('serves the strict policy: no https wildcard for images or connections', async () => {
    const csp = (await fetch(server.url)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`connect-src 'self' ${tonHost.url};`);
    expect(csp).not.toMatch(/(^|\s)https:(;|\s|$)/);
  });

  it('walks the main pages without a single violation (zod parses without its eval probe)', async () => {
    const page = await browser.newPage();
    await page.addInitScript(RECORD_VIOLATIONS);
    const seen = watch(page);
    for (const path of ['/', '/campaigns', '/leaderboard', '/store']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await seen.violations(), path).toEqual([]);
    }
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it('opens TON Connect’s wallet chooser with its list, icons and bridge from allowed places only', async () => {
    const page = await browser.newPage();
    await page.addInitScript(RECORD_VIOLATIONS);
    const seen = watch(page);
    await page.goto(server.url);
    await page
      .getByRole('button', { name: /connect wallet/i })
      .first()
      .click();
    await page.getByRole('button', { name: /TON Connect/ }).click();

    // The chooser lists the stand-in's wallet, its icon drawn from our origin.
    await page.getByText('Tonkeeper').first().waitFor({ timeout: 20_000 });
    const icon = page.locator('img[src*="/tonconnect/icons/tonkeeper"]').first();
    await icon.waitFor({ state: 'attached', timeout: 10_000 });
    await expect
      .poll(() => icon.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');

    expect(await seen.violations()).toEqual([]);
    expect(seen.problems).toEqual([]);
    // The browser fetched the icon through our origin; only the server asked the remote host for it.
    expect(tonHost.requests).toContain('GET /wallets-v2.json');
    expect(tonHost.requests).toContain('GET /icons/tonkeeper.png');
    await page.close();
  });
});
