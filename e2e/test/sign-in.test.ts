import { startTestServer, type TestServer } from '@puffy/server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebBuilt, chromiumPath, launchBrowser, webDist } from '../src/browser';

describe.skipIf(!chromiumPath())('wallet sign-in in a real browser', () => {
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

  it('signs in with the development wallet, stays signed in across a reload, and signs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${server.url}/profile`);
    await page.getByTestId('sign-in-required').waitFor();

    await page.getByRole('button', { name: 'Connect wallet' }).click();
    await page.getByRole('button', { name: /Development wallet \(Solana\)/ }).click();
    const signedInAs = page.getByTestId('signed-in-as');
    await signedInAs.waitFor({ timeout: 15_000 });
    const address = await signedInAs.getAttribute('title');
    expect(address).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();

    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'puffy_at')?.httpOnly).toBe(true);

    await page.reload();
    await signedInAs.waitFor();
    expect(await signedInAs.getAttribute('title')).toBe(address);
    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();

    // Sign out lives in the header's account menu.
    await page.getByRole('button', { name: /^Account / }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.getByRole('button', { name: 'Connect wallet' }).waitFor();
    await page.getByTestId('sign-in-required').waitFor();
    await page.reload();
    await page.getByTestId('sign-in-required').waitFor();

    const { db, t } = server.deps.db;
    const users = await db.select().from(t.users);
    expect(users.map((u) => u.walletAddress)).toContain(address);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs in with an EVM wallet found through EIP-6963 (the development one), with a SIWE signature', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Connect wallet' }).click();
    await page.getByRole('button', { name: /Development wallet \(EVM\)/ }).click();
    const signedInAs = page.getByTestId('signed-in-as');
    await signedInAs.waitFor({ timeout: 15_000 });
    const address = await signedInAs.getAttribute('title');
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const { db, t } = server.deps.db;
    const users = await db.select().from(t.users);
    expect(users.find((u) => u.walletAddress === address)?.walletChain).toBe('evm');
    await context.close();
  });
});
