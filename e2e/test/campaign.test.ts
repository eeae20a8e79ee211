import { startTestServer, type TestServer } from '@puffy/server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebBuilt, chromiumPath, launchBrowser, webDist } from '../src/browser';

const SLUG = 'e2e-referral-drop';
const CODE = 'E2EFRIEND';
// A valid Solana address that is on no allow-list: the guest's dry run must say what is missing.
const GUEST_WALLET = 'So11111111111111111111111111111111111111112';

/** Written straight into the test server's database: a campaign joined by referral, and a referrer's code. */
async function seedCampaign(server: TestServer): Promise<number> {
  const { db, t } = server.deps.db;
  const now = new Date();
  const [campaign] = await db
    .insert(t.campaigns)
    .values({
      slug: SLUG,
      name: 'E2E referral drop',
      description: 'Join with a friend’s code.',
      network: 'sol',
      vmType: 'svm',
      nftGasFeeLamports: 0n,
      isReady: true,
      isActive: true,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: t.campaigns.id });
  if (!campaign) throw new Error('campaign not created');
  await db.insert(t.campaignEligibleMethods).values([
    { campaignId: campaign.id, method: 'bypass', config: {} },
    { campaignId: campaign.id, method: 'referral', config: {} },
  ]);
  const referrer = crypto.randomUUID();
  await db.insert(t.users).values({
    id: referrer,
    walletAddress: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
    walletChain: 'sol',
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(t.referralCodes).values({
    id: crypto.randomUUID(),
    code: CODE,
    type: 'limited',
    ownerUserId: referrer,
    campaignId: campaign.id,
    maxUses: 5,
    createdAt: now,
  });
  return campaign.id;
}

describe.skipIf(!chromiumPath())('campaign room in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let campaignId: number;
  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer({ webDistDir: webDist });
    campaignId = await seedCampaign(server);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('checks a wallet as a guest, signs in, redeems a referral code and turns eligible', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${server.url}/campaigns`);
    await page.getByRole('link', { name: 'E2E referral drop' }).click();
    await page.getByRole('heading', { name: 'E2E referral drop', level: 1 }).waitFor();

    // Guest: the dry run answers with what is missing and records nothing.
    await page.getByLabel('Wallet address').fill(GUEST_WALLET);
    await page.getByRole('button', { name: 'Check eligibility' }).click();
    const answer = page.getByTestId('eligibility-answer');
    await answer.waitFor();
    expect(await answer.getAttribute('data-outcome')).toBe('not_eligible');
    expect(await answer.textContent()).toContain('Sign in to check');
    await page.getByTestId('standing-signed-out').waitFor();

    await page.getByRole('button', { name: 'Connect wallet' }).click();
    await page.getByRole('button', { name: /Development wallet \(Solana\)/ }).click();
    const signedInAs = page.getByTestId('signed-in-as');
    await signedInAs.waitFor({ timeout: 15_000 });
    const address = await signedInAs.getAttribute('title');
    const status = page.getByTestId('standing-status');
    await status.waitFor();
    expect(await status.getAttribute('data-eligible')).toBe('false');

    await page.getByLabel('A friend’s referral code').fill(CODE.toLowerCase());
    await page.getByRole('button', { name: 'Use code' }).click();
    await page.getByTestId('referral-applied').waitFor();
    await page.locator('[data-testid="standing-status"][data-eligible="true"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('checklist-summary').textContent()).toBe('Everything is done.');

    const { db, t } = server.deps.db;
    // Plain selects filtered here: the e2e package does not depend on drizzle's operators.
    const member = (await db.select().from(t.users)).find((u) => u.walletAddress === address);
    const recorded = await db.select().from(t.userCampaignEligibles);
    // Only the signed-in check wrote: one row, for this member, through the referral.
    expect(recorded.map((r) => [r.userId, r.campaignId, r.method])).toEqual([
      [member?.id, campaignId, 'referral'],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
