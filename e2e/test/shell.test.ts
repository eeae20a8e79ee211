import { startTestServer, type TestServer } from '@puffy/server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebBuilt, chromiumPath, launchBrowser, webDist } from '../src/browser';

// Runs wherever chromium exists; CI installs it and fails if this suite did not run.
describe.skipIf(!chromiumPath())('SPA shell in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer({ webDistDir: webDist });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the SPA from the real server and shows the version from system.version', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(server.url);
    const version = page.getByTestId('footer-version');
    await version.waitFor({ timeout: 15_000 });
    await expect.poll(() => version.textContent()).toContain('0.1.0');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves deep links through the history fallback and shows the not-found page for unknown ones', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/campaigns`);
    expect(response?.status()).toBe(200);
    await page.goto(`${server.url}/definitely/not/a/page`);
    await expect.poll(() => page.locator('body').textContent()).toMatch(/not found/i);
    await page.close();
  });

  it('switches to German from the header, loads its words on demand, and remembers the choice', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page
      .getByRole('heading', { name: 'Earn rewards with Puffy', level: 1 })
      .waitFor({ timeout: 15_000 });
    // English ships in the first chunk; German is fetched only when chosen.
    const catalogs: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') catalogs.push(r.url());
    });
    await page.getByRole('button', { name: 'Display and language' }).click();
    await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { name: 'Mit Puffy Belohnungen verdienen', level: 1 }).waitFor();
    expect(catalogs.length).toBeGreaterThan(0);
    expect(await page.getByRole('navigation', { name: 'Hauptmenü' }).getByText('Kampagnen').count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await page.reload();
    await page
      .getByRole('heading', { name: 'Mit Puffy Belohnungen verdienen', level: 1 })
      .waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens in German for a browser whose language is German, before any choice', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page
      .getByRole('heading', { name: 'Mit Puffy Belohnungen verdienen', level: 1 })
      .waitFor({ timeout: 15_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await context.close();
  });
});
