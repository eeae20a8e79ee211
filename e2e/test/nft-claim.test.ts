import { freePort, startTestServer, type TestServer } from '@puffy/server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebBuilt, chromiumPath, launchBrowser, webDist } from '../src/browser';
import { takeReadmeScreen } from '../src/readme-screens';
import { seedClaimCampaign } from '../src/seed';

const SLUG = 'e2e-nft-drop';
const GAS_FEE = 12_345_678n;

/**
 * The development server's own local chain (NODE_ENV=development without SOLANA_RPC_URL starts it on
 * LOCAL_CHAIN_PORT) and the development wallet, so the page pays with real signatures on a chain that
 * checks them, and the server verifies, confirms and mints through its jobs.
 */
describe.skipIf(!chromiumPath())('NFT claim in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let campaignId: number;
  beforeAll(async () => {
    assertWebBuilt();
    const chainPort = await freePort();
    server = await startTestServer({
      webDistDir: webDist,
      env: {
        NODE_ENV: 'development',
        LOCAL_CHAIN_PORT: String(chainPort),
        NFT_RECHECK_SECONDS: '1',
        JOBS_POLL_INTERVAL_MS: '100',
      },
    });
    ({ campaignId } = await seedClaimCampaign(server, { slug: SLUG, gasFeeLamports: GAS_FEE }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('walks claim → pay → minted with the development wallet, resumes after a reload, and shares', async () => {
    // No CSP bypass and no wallet setting: the server reports its chain in system.version and its
    // CSP lets the page reach that chain, as in a developer's browser.
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${server.url}/campaigns/${SLUG}`);
    await page.getByRole('heading', { name: 'E2E NFT drop', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Connect wallet' }).click();
    await page.getByRole('button', { name: /Development wallet \(Solana\)/ }).click();
    const signedInAs = page.getByTestId('signed-in-as');
    await signedInAs.waitFor({ timeout: 15_000 });
    const address = await signedInAs.getAttribute('title');

    // The seeded eligibility: recorded as campaign.checkEligible would record it.
    const { db, t } = server.deps.db;
    const member = (await db.select().from(t.users)).find((u) => u.walletAddress === address);
    if (!member) throw new Error('the member was not created by the sign-in');
    await db.insert(t.userCampaignEligibles).values({ userId: member.id, campaignId, method: 'bypass' });
    await page.reload();

    await page.getByRole('button', { name: 'Claim your NFT' }).click({ timeout: 15_000 });
    const payment = page.getByTestId('nft-payment');
    await payment.waitFor();
    expect(await page.getByTestId('nft-fee').textContent()).toBe('0.012345678 SOL');
    expect(await page.getByTestId('nft-window').textContent()).toMatch(/Pay within (29|30):\d\d/);

    await page.getByRole('button', { name: /^Pay [0-9.]+ SOL with the development wallet$/ }).click();
    const minted = page.locator('[data-testid="nft-progress"][data-status="minted"]');
    await minted.waitFor({ timeout: 45_000 }).catch(async (error: unknown) => {
      // Say where the flow stopped: the panel's text and what the server logged as a problem.
      const panel = await page.getByTestId('nft-claim').textContent();
      const problems = server.logs.filter((line) => Number(line.level) >= 40).map((line) => line.msg);
      throw new Error(`not minted; the page shows "${panel}"; server warnings: ${JSON.stringify(problems)}`, {
        cause: error,
      });
    });
    const explorer = page.getByTestId('nft-explorer');
    expect(await explorer.getAttribute('href')).toMatch(
      /^https:\/\/explorer\.solana\.com\/address\/\w+\?cluster=custom&customUrl=/,
    );
    await page.getByRole('button', { name: 'Share' }).waitFor();
    await page.getByTestId('nft-progress').scrollIntoViewIfNeeded();
    await takeReadmeScreen(page, 'mint-progress');

    const [nft] = await db.select().from(t.userNfts);
    expect(nft?.status).toBe('minted');
    expect(nft?.userId).toBe(member.id);

    // A closed tab comes back to the same step.
    await page.reload();
    await minted.waitFor({ timeout: 15_000 });

    await page.getByRole('link', { name: 'Its public page' }).click();
    const shown = page.getByTestId('nft-public');
    await shown.waitFor({ timeout: 15_000 });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`E2E Pass #${nft?.sequence}`);
    expect(await page.getByTestId('nft-owner').textContent()).toBe(
      `${address?.slice(0, 4)}…${address?.slice(-4)}`,
    );
    expect(await page.getByTestId('nft-mint-signature').textContent()).toBe(nft?.mintSignature);
    expect(errors).toEqual([]);
    await context.close();
  });
});
