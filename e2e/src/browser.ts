import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's chromium, never a downloaded build; undefined when this machine has none. */
export function chromiumPath(): string | undefined {
  return CANDIDATES.find((p): p is string => Boolean(p && existsSync(p)));
}

/** The built SPA; WEB_DIST_DIR points at another build (one per person when several build at once). */
export const webDist =
  process.env.WEB_DIST_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/web/dist');

export function assertWebBuilt(): void {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(
      `The SPA is not built at ${webDist}: run "pnpm --filter @puffy/web build" (pnpm test does).`,
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No chromium found (set CHROMIUM_PATH or apt-get install chromium)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
