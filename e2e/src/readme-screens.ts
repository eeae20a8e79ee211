import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * The README's pictures (home, a campaign, mint progress, the admin console) are taken by the browser
 * suites where they already stand on those screens. Only when README_SCREENS is set, so an ordinary
 * run never rewrites files in the repository: `README_SCREENS=1 pnpm exec vitest run --project e2e
 * every-route nft-claim` retakes them into docs/screens.
 */
export const README_SCREENS_DIR = resolve(import.meta.dirname, '../../docs/screens');

export type ReadmeScreen = 'home' | 'campaign' | 'mint-progress' | 'admin';

export async function takeReadmeScreen(page: Page, name: ReadmeScreen): Promise<void> {
  if (!process.env.README_SCREENS) return;
  mkdirSync(README_SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(README_SCREENS_DIR, `${name}.png`) });
}
