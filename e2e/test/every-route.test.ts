import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SAMPLE_US_ADDRESS } from '@puffy/contracts/samples';
import { seedDemo } from '@puffy/db';
import { startTestServer, type TestServer } from '@puffy/server/testing';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SharedWalletKey, sharedWalletKey, signInOverHttp, trpcCall } from '../src/api';
import { base58 } from '../src/base58';
import { assertWebBuilt, chromiumPath, launchBrowser, webDist } from '../src/browser';
import { signInWithDevWallet, useDevWallet } from '../src/dev-wallet';
import { inspectScreen, problems, watchConsole, watchContext } from '../src/page-checks';
import { type ReadmeScreen, takeReadmeScreen } from '../src/readme-screens';
import { seedClaimCampaign } from '../src/seed';

/**
 * Every route of the SPA, signed out, as a member and as an operator, at desktop and phone widths: a
 * screen fails on horizontal overflow, console errors, CSP violations, broken images, a "not found"
 * answer, or an axe-core violation rated serious or critical; every internal link found on the way
 * is followed once. Screenshots go to .reports/screens (CI keeps .reports) for a person to look at.
 * docs/testing.md describes the suite.
 */
const WIDTHS = [1280, 390] as const;
const repoRoot = resolve(import.meta.dirname, '../..');
const SCREENS = join(repoRoot, '.reports/screens');
const DEMO_SLUG = 'puffy-genesis-solana';

type Role = 'visitor' | 'member' | 'operator';
/** The visits whose desktop screenshot is also a README picture (only with README_SCREENS set). */
const README_SCREEN_OF: Record<string, ReadmeScreen> = {
  'visitor home': 'home',
  'member campaign': 'campaign',
  'operator admin-campaign': 'admin',
};
interface Visit {
  name: string;
  path: string;
}

/** The route patterns the SPA declares: routes.tsx's `path:` entries and the admin console's routes. */
function declaredRoutes(): string[] {
  const web = join(repoRoot, 'apps/web/src');
  const top = [...readFileSync(join(web, 'routes.tsx'), 'utf8').matchAll(/path: '([^']+)'/g)].map(
    (m) => m[1] ?? '',
  );
  const admin = [
    ...readFileSync(join(web, 'pages/admin/admin.tsx'), 'utf8').matchAll(/<Route path="([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  // Nested admin routes are written relative to their parent ("campaigns" then ":id"); the visits
  // below name them in full, so a nested pattern is matched by its last segments.
  return [...top.filter((p) => p !== '/' && p !== '*' && p !== 'admin/*'), ...admin.filter((p) => p !== '*')];
}

function patternMatches(pattern: string, path: string): boolean {
  const escaped = pattern
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`(^|/)${escaped}$`).test(path.replace(/^\//, '').split('?')[0] ?? '');
}

describe.skipIf(!chromiumPath())('every route in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  const member = sharedWalletKey();
  const operator = sharedWalletKey();
  let visits: Record<Role, Visit[]>;
  const linksFound = new Map<string, { role: Role; from: string }>();
  const visited = new Set<string>();

  beforeAll(async () => {
    assertWebBuilt();
    mkdirSync(SCREENS, { recursive: true });
    server = await startTestServer({
      webDistDir: webDist,
      env: { ADMIN_WALLETS: `sol:${operator.address}` },
    });
    await seedDemo(server.deps.db);
    const { db, t } = server.deps.db;
    const { campaignId, promotionId } = await seedClaimCampaign(server, {
      slug: 'e2e-every-route',
      gasFeeLamports: 10_000_000n,
    });
    // What the member's pages need: an order and a claim, made over HTTP with the member's own key.
    const signedIn = await signInOverHttp(server.url, member);
    const { token } = signedIn;
    const quote = await trpcCall<{ quoteId: string }>(
      server.url,
      'device.quote',
      'mutation',
      {
        items: [{ kind: 'device', variant: 'vape', colorway: 'white', quantity: 1 }],
        country: 'US',
      },
      token,
    );
    const order = await trpcCall<{ id: string }>(
      server.url,
      'order.checkout',
      'mutation',
      {
        quoteId: quote.quoteId,
        shippingAddress: SAMPLE_US_ADDRESS,
        idempotencyKey: crypto.randomUUID(),
      },
      token,
    );
    // An operator's bypass, as the claim test grants it: the claim is what this page needs.
    await db
      .insert(t.userCampaignEligibles)
      .values({ userId: signedIn.userId, campaignId, method: 'bypass' });
    const claim = await trpcCall<{ nftId: number }>(
      server.url,
      'promotion.complete',
      'mutation',
      { campaignId, promotionId },
      token,
    );
    // The share page is public once the pass is minted; the mint itself is the claim test's subject.
    await db
      .update(t.userNfts)
      .set({
        status: 'minted',
        assetAddress: base58(randomBytes(32)),
        mintSignature: base58(randomBytes(64)),
      })
      .where(eq(t.userNfts.id, claim.nftId));
    const demo = (await db.select({ id: t.campaigns.id, slug: t.campaigns.slug }).from(t.campaigns)).find(
      (c) => c.slug === DEMO_SLUG,
    );
    const [group] = await db.select({ slug: t.campaignGroups.slug }).from(t.campaignGroups).limit(1);
    if (!demo || !group) throw new Error('the demo campaign or its group is missing');

    const publicPages: Visit[] = [
      { name: 'home', path: '/' },
      { name: 'campaigns', path: '/campaigns' },
      { name: 'campaign', path: `/campaigns/${DEMO_SLUG}` },
      { name: 'group', path: `/groups/${group.slug}` },
      { name: 'leaderboard', path: '/leaderboard' },
      { name: 'store', path: '/store' },
      { name: 'nft', path: `/nft/${claim.nftId}` },
      { name: 'verify-email', path: '/auth/verify-email' },
      { name: 'oauth-callback', path: '/auth/oauth-callback' },
    ];
    visits = {
      visitor: [
        ...publicPages,
        { name: 'orders', path: '/orders' },
        { name: 'profile', path: '/profile' },
        { name: 'admin', path: '/admin/campaigns' },
      ],
      member: [
        ...publicPages,
        { name: 'claim-campaign', path: '/campaigns/e2e-every-route' },
        { name: 'orders', path: '/orders' },
        { name: 'order', path: `/orders/${order.id}` },
        { name: 'profile', path: '/profile' },
      ],
      operator: [
        { name: 'admin-campaigns', path: '/admin/campaigns' },
        { name: 'admin-campaign-new', path: '/admin/campaigns/new' },
        { name: 'admin-campaign', path: `/admin/campaigns/${demo.id}` },
        { name: 'admin-snapshot', path: `/admin/campaigns/${demo.id}/snapshot` },
        { name: 'admin-codes', path: `/admin/campaigns/${demo.id}/codes` },
        { name: 'admin-requirements', path: `/admin/campaigns/${demo.id}/requirements` },
        { name: 'admin-groups', path: '/admin/groups' },
        { name: 'admin-reviews', path: '/admin/reviews' },
        { name: 'admin-funnel', path: '/admin/funnel' },
        { name: 'admin-orders', path: '/admin/orders' },
        { name: 'admin-treasury', path: '/admin/treasury' },
        { name: 'admin-members', path: '/admin/members' },
        { name: 'admin-member', path: `/admin/members/${signedIn.userId}` },
        { name: 'admin-audit', path: '/admin/audit' },
        { name: 'admin-security', path: '/admin/security' },
        { name: 'admin-settings', path: '/admin/settings' },
        ...(declaredRoutes().includes('store') ? [{ name: 'admin-store', path: '/admin/store' }] : []),
      ],
    };
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('visits a path for every route the SPA declares', () => {
    const all = Object.values(visits)
      .flat()
      .map((v) => v.path);
    const unvisited = declaredRoutes().filter(
      (pattern) => !all.some((path) => patternMatches(pattern, path)),
    );
    expect(unvisited).toEqual([]);
  });

  async function openAs(role: Role, width: number): Promise<{ page: Page; close(): Promise<void> }> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await watchContext(context);
    const key: SharedWalletKey | undefined =
      role === 'member' ? member : role === 'operator' ? operator : undefined;
    const page = await context.newPage();
    if (key) {
      await useDevWallet(context, key.secret);
      await page.goto(`${server.url}/`);
      await signInWithDevWallet(page);
    }
    return { page, close: () => context.close() };
  }

  for (const role of ['visitor', 'member', 'operator'] as const) {
    for (const width of WIDTHS) {
      it(`shows every ${role} screen whole at ${width} px`, async () => {
        const { page, close } = await openAs(role, width);
        const log = watchConsole(page);
        const found: string[] = [];
        try {
          for (const visit of visits[role]) {
            const response = await page.goto(`${server.url}${visit.path}`);
            expect(response?.status(), visit.path).toBeLessThan(400);
            await page.waitForLoadState('networkidle');
            const findings = await inspectScreen(page, width, log);
            found.push(...problems(`${role} ${visit.path} @${width}`, findings));
            await page.screenshot({
              path: join(SCREENS, `${role}-${visit.name}-${width}.png`),
              fullPage: true,
            });
            const readme = README_SCREEN_OF[`${role} ${visit.name}`];
            if (readme && width === 1280) await takeReadmeScreen(page, readme);
            visited.add(`${role} ${visit.path}`);
            for (const link of findings.internalLinks) {
              const path = link.split('#')[0] ?? link;
              if (!linksFound.has(`${role} ${path}`))
                linksFound.set(`${role} ${path}`, { role, from: visit.path });
            }
          }
        } finally {
          await close();
        }
        expect(found).toEqual([]);
      }, 240_000);
    }
  }

  it('follows every internal link found on those screens to a page that exists', async () => {
    const dead: string[] = [];
    for (const role of ['visitor', 'member', 'operator'] as const) {
      const links = [...linksFound.entries()].filter(([key, v]) => v.role === role && !visited.has(key));
      if (links.length === 0) continue;
      const { page, close } = await openAs(role, 1280);
      const log = watchConsole(page);
      try {
        for (const [key, { from }] of links) {
          const path = key.slice(role.length + 1);
          if (/\.[a-z0-9]+$/i.test(path.split('?')[0] ?? path)) {
            // A file (artwork, metadata): fetched, not rendered.
            const answer = await page.request.get(`${server.url}${path}`);
            if (answer.status() >= 400)
              dead.push(`${role}: ${path} (linked from ${from}) answered ${answer.status()}`);
            continue;
          }
          const response = await page.goto(`${server.url}${path}`);
          await page.waitForLoadState('networkidle');
          const notFound = await page.getByText(/Page not found|This section is not there/).count();
          if ((response?.status() ?? 0) >= 400 || notFound > 0) {
            dead.push(`${role}: ${path} (linked from ${from})`);
          }
        }
        expect(log.take()).toEqual([]);
      } finally {
        await close();
      }
    }
    expect(dead).toEqual([]);
  }, 240_000);

  it('answers an unknown address with the not-found page, not an error', async () => {
    const { page, close } = await openAs('visitor', 1280);
    try {
      await page.goto(`${server.url}/no-such-page`);
      await expect.poll(() => page.getByText(/Page not found/).count()).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });
});
