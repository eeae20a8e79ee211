import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { startTestServer, type TestServer } from '@puffy/server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebBuilt, chromiumPath, launchBrowser, webDist } from '../src/browser';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Base58 (Bitcoin alphabet), as Solana spells keys; the e2e package carries no bs58 of its own. */
function base58(bytes: Uint8Array): string {
  let n = BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
  let out = '';
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

/** An Ed25519 key as the SPA's development wallet keeps it (the 32-byte seed) and its address. */
function devWalletKey() {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(jwk.d ?? '', 'base64url');
  const pub = Buffer.from(jwk.x ?? '', 'base64url');
  return { secret: base58(seed), address: base58(pub) };
}

const MEDIA_HOST = 'media.example.com';
const COLLECTION = 'So11111111111111111111111111111111111111112';

describe.skipIf(!chromiumPath())('admin campaign builder in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  const admin = devWalletKey();
  const holder = base58(randomBytes(32));

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer({ webDistDir: webDist, env: { ADMIN_WALLETS: `sol:${admin.address}` } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds a campaign with a promotion, imports a snapshot, and a holder from it checks eligible', async () => {
    const context = await browser.newContext();
    // The development wallet keeps its key in the page's storage: seed it with the admin's key.
    await context.addInitScript({
      content: `localStorage.setItem('puffy.devWallet.solana', ${JSON.stringify(admin.secret)})`,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Connect wallet' }).click();
    await page.getByRole('button', { name: /Development wallet \(Solana\)/ }).click();
    await page.getByTestId('signed-in-as').waitFor({ timeout: 15_000 });

    await page.goto(`${server.url}/admin/settings`);
    await page.getByLabel(/Allowed media hosts/).fill(MEDIA_HOST);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();

    await page.goto(`${server.url}/admin/campaigns/new`);
    await page.getByLabel('Name', { exact: true }).fill('E2E holder drop');
    await page.getByLabel('Slug (in the address)').fill('e2e-holder-drop');
    await page.getByLabel('Collection address', { exact: true }).fill(COLLECTION);
    await page.getByLabel('Image URL (https, allowed host)').fill(`https://${MEDIA_HOST}/drop.png`);
    await page.getByLabel('NFT gas fee (SOL)').fill('0.01');
    await page.getByRole('checkbox', { name: 'Solana holders' }).check();
    await page.getByRole('button', { name: 'Save campaign' }).click();
    await page.getByRole('heading', { name: 'E2E holder drop', level: 1 }).waitFor();

    const promotion = page.getByRole('form', { name: 'Promotion' });
    await promotion.getByLabel('NFT name').fill('Drop Pass');
    await promotion.getByLabel('Symbol').fill('DROP');
    await promotion.getByLabel('Image URL (https, allowed host)').fill(`https://${MEDIA_HOST}/pass.png`);
    await promotion.getByRole('button', { name: 'Add promotion' }).click();
    await page.getByText('Claim Drop Pass (DROP) for 0.01 SOL gas').waitFor();
    await page.getByRole('button', { name: 'Activate now' }).click();
    await page.locator('[data-testid="campaign-state"][data-state="open"]').waitFor();

    await page.getByRole('link', { name: 'Holder snapshot' }).click();
    const csv = `wallet,chain,amount\n${holder},sol,1\nnot-a-wallet,sol,1\n`;
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'holders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import' }).click();
    const progress = page.getByTestId('snapshot-progress');
    await page
      .getByRole('table', { name: 'Versions' })
      .getByRole('row', { name: /^v1 Solana Active 1 / })
      .waitFor({ timeout: 15_000 });
    expect(await progress.textContent()).toContain('Active');
    expect(await page.getByRole('table', { name: 'Rejected rows' }).textContent()).toContain('3');

    const member = await browser.newContext();
    const guest = await member.newPage();
    await guest.goto(`${server.url}/campaigns`);
    await guest.getByRole('link', { name: 'E2E holder drop' }).click();
    // The list has a wallet field of its own (check every campaign at once): wait for the campaign's page.
    await guest.getByRole('heading', { name: 'E2E holder drop', level: 1 }).waitFor();
    await guest.getByLabel('Wallet address').fill(holder);
    await guest.getByRole('button', { name: 'Check eligibility' }).click();
    const answer = guest.getByTestId('eligibility-answer');
    await answer.waitFor();
    expect(await answer.getAttribute('data-outcome')).toBe('eligible');
    expect(errors).toEqual([]);
    await member.close();
    await context.close();
  });
});
