import { startTestServer, type TestServer } from '@puffy/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebBuilt, chromiumPath, launchBrowser, webDist } from '../src/browser';

/**
 * Sessions outliving their access token (docs/product/sessions.md), with an access token that lives
 * seconds instead of 15 minutes. A tab that slept (its timers stopped, the browser dropped the expired
 * access cookie) is modelled by removing the access cookie; a member who was away, by a closed page.
 */
const ACCESS_TOKEN_SECONDS = 8;

describe.skipIf(!chromiumPath())('sessions past the access token in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer({
      webDistDir: webDist,
      env: { ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_SECONDS) },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(page: Page): Promise<string> {
    await page.goto(`${server.url}/profile`);
    await page.getByTestId('sign-in-required').waitFor();
    await page.getByRole('button', { name: 'Connect wallet' }).click();
    await page.getByRole('button', { name: /Development wallet \(Solana\)/ }).click();
    const signedInAs = page.getByTestId('signed-in-as');
    await signedInAs.waitFor({ timeout: 15_000 });
    return (await signedInAs.getAttribute('title')) ?? '';
  }

  async function cookie(context: BrowserContext, name: string) {
    return (await context.cookies()).find((c) => c.name === name)?.value;
  }

  /** The browser drops the access cookie when its Max-Age (the token's life) has passed. */
  async function accessCookieExpired(context: BrowserContext): Promise<void> {
    const deadline = Date.now() + 10 * ACCESS_TOKEN_SECONDS * 1000;
    while ((await cookie(context, 'puffy_at')) !== undefined) {
      if (Date.now() > deadline) throw new Error('the access cookie never expired');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function sessionsOf(walletAddress: string) {
    const { db, t } = server.deps.db;
    const user = (await db.select().from(t.users)).find((u) => u.walletAddress === walletAddress);
    return (await db.select().from(t.sessions)).filter((s) => s.userId === user?.id);
  }

  it('a member who comes back after the access token expired is still signed in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    const address = await signIn(page);
    await page.close();
    await accessCookieExpired(context);
    expect(await cookie(context, 'puffy_rt')).toBeDefined();

    const back = await context.newPage();
    back.on('pageerror', (e) => errors.push(e.message));
    await back.goto(`${server.url}/profile`);
    await back.getByTestId('profile-points').waitFor({ timeout: 15_000 });
    expect(await back.getByTestId('signed-in-as').getAttribute('title')).toBe(address);
    expect(await back.getByTestId('sign-in-required').count()).toBe(0);
    expect(await cookie(context, 'puffy_at')).toBeDefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a request that meets a dead access token is retried once after a refresh', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    await page.getByRole('link', { name: 'Home' }).first().click();
    const refreshCookie = await cookie(context, 'puffy_rt');
    await context.clearCookies({ name: 'puffy_at' });

    // A client-side navigation to a page whose data is not cached yet (the profile's is, from the
    // sign-in): the page still believes it is signed in, the server refuses the token.
    await page.getByTestId('signed-in-as').click();
    await page.getByRole('menuitem', { name: 'Orders' }).click();
    await page.getByTestId('orders-empty').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await cookie(context, 'puffy_rt')).not.toBe(refreshCookie);
    await context.close();
  });

  it('signing out after the access token expired ends the session on the server', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const address = await signIn(page);
    await context.clearCookies({ name: 'puffy_at' });

    // Sign out lives in the header's account menu.
    await page.getByRole('button', { name: /^Account / }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.getByRole('button', { name: 'Connect wallet' }).waitFor();
    const sessions = await sessionsOf(address);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.revokeReason).toBe('logout');
    expect(await cookie(context, 'puffy_rt')).toBeUndefined();
    await page.reload();
    await page.getByTestId('sign-in-required').waitFor();
    await context.close();
  });

  it('a sign-out that does not reach the server keeps the member signed in, and says so', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const address = await signIn(page);
    await page.route('**/trpc/auth.logout**', (route) => route.abort('internetdisconnected'));

    // Sign out lives in the header's account menu.
    await page.getByRole('button', { name: /^Account / }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'You are still signed in.' }).waitFor();
    expect(await page.getByTestId('signed-in-as').getAttribute('title')).toBe(address);
    expect((await sessionsOf(address))[0]?.revokedAt).toBeNull();
    await context.close();
  });
});
