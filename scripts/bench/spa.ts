import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './browser';
import { startServerProcess } from './server-process';
import type { Measure } from './table';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'apps/web/dist');
// Issue 19's budget for a signed-out visitor's first load (docs/design-system.md, "First load").
const INITIAL_JS_LIMIT_KB = 150;
const LCP_LIMIT_MS = 1000;
const CLS_LIMIT = 0.05;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function ensureBuilt(): void {
  if (existsSync(join(dist, 'index.html'))) return;
  process.stderr.write('bench: building the SPA (apps/web/dist is missing)…\n');
  const built = spawnSync('pnpm', ['--filter', '@puffy/web', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the SPA build failed');
}

const gzipSize = (file: string) => gzipSync(readFileSync(join(dist, file))).length;

/** The JS a first visit downloads before anything renders: the entry script and its modulepreloads. */
function initialScripts(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="\/?([^"]+\.js)"/g))
    found.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+\.js)"/g))
    found.add(m[1] as string);
  return [...found];
}

/** Per chunk, gzip: printed under the table so a growing chunk is visible in every run. */
export function bundleReport(): string {
  const files = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  const initial = new Set(initialScripts(readFileSync(join(dist, 'index.html'), 'utf8')));
  const lines = files
    .map((f) => ({ f, raw: readFileSync(join(dist, 'assets', f)).length, gz: gzipSize(join('assets', f)) }))
    .sort((a, b) => b.gz - a.gz)
    .map(
      ({ f, raw, gz }) =>
        `  ${f.padEnd(40)} ${kb(raw).padStart(10)} ${kb(gz).padStart(10)} gzip${initial.has(`assets/${f}`) ? '  (initial)' : ''}`,
    );
  return ['bundle (per chunk):', ...lines].join('\n');
}

interface FirstLoad {
  lcp: number;
  /** Cumulative Layout Shift of the load: the sum of shifts no input caused. */
  cls: number;
  /** Every script the page fetched before the network went quiet, with its bytes on the wire. */
  scripts: Array<{ name: string; bytes: number }>;
}

/**
 * Cold first loads of the home page by a signed-out visitor, in headless chromium against the real
 * server: Largest Contentful Paint, and the JS the browser actually downloaded (the body as sent,
 * gzip from the server) until the network was quiet, so a chunk the page pulls in late counts too.
 */
async function firstLoads(url: string, loads: number): Promise<FirstLoad[]> {
  const browser = await launchChromium();
  try {
    // The browser's own start-up (its UI pages compile for a second or two on this machine) is not
    // the page's first load: let it finish before the first measured visit. Each visit still has a
    // fresh context, so no cache, cookie or storage carries over.
    const warmup = await browser.newPage();
    await warmup.goto('about:blank');
    await warmup.waitForTimeout(3000);
    await warmup.close();
    const results: FirstLoad[] = [];
    for (let i = 0; i < loads; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'networkidle' });
      const lcp = await page.evaluate(
        () =>
          new Promise<number>((done) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              done(entries[entries.length - 1]?.startTime ?? Number.NaN);
              // Node's type library does not know this browser entry type, hence the cast.
            }).observe({ type: 'largest-contentful-paint' as 'mark', buffered: true });
            setTimeout(() => done(Number.NaN), 5000);
          }),
      );
      const cls = await page.evaluate(
        () =>
          new Promise<number>((done) => {
            let sum = 0;
            new PerformanceObserver((list) => {
              // A layout-shift entry; Node's type library does not know it, so its fields are read by name.
              for (const entry of list.getEntries() as unknown as Array<{
                value: number;
                hadRecentInput: boolean;
              }>)
                if (!entry.hadRecentInput) sum += entry.value;
            }).observe({ type: 'layout-shift' as 'mark', buffered: true });
            setTimeout(() => done(sum), 500);
          }),
      );
      const scripts = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
          .map((entry) => ({
            name: new URL(entry.name).pathname,
            // A resource entry; Node's type library types it as a plain entry, so read the field by name.
            bytes: 'encodedBodySize' in entry ? Number(entry.encodedBodySize) : 0,
          })),
      );
      results.push({ lcp, cls, scripts });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export const spaMeasure: Measure = {
  name: 'spa',
  async run({ short }) {
    ensureBuilt();
    const server = await startServerProcess({ WEB_DIST_DIR: dist });
    let loads: FirstLoad[];
    try {
      loads = await firstLoads(`${server.url}/`, short ? 1 : 5);
    } finally {
      await server.stop();
    }
    const first = loads[0] as FirstLoad;
    const jsBytes = first.scripts.reduce((sum, script) => sum + script.bytes, 0);
    const times = loads.map((load) => load.lcp);
    const lcp = median(times);
    return [
      {
        measure: 'SPA first load: JS downloaded by the browser (gzip on the wire, signed out, home page)',
        value: `${kb(jsBytes)} in ${first.scripts.length} files (${first.scripts.map((s) => s.name.replace('/assets/', '')).join(', ')})`,
        baseline: '—',
        ratio: '—',
        target: `≤ ${INITIAL_JS_LIMIT_KB} KB`,
        pass: jsBytes > 0 && jsBytes <= INITIAL_JS_LIMIT_KB * 1024,
      },
      {
        measure: 'SPA first load: Largest Contentful Paint (localhost, headless chromium)',
        value: `${Math.round(lcp)} ms median of ${times.length} (${times.map((t) => Math.round(t)).join(', ')})`,
        baseline: '—',
        ratio: '—',
        target: `< ${LCP_LIMIT_MS} ms`,
        pass: lcp < LCP_LIMIT_MS,
      },
      {
        measure: 'SPA first load: Cumulative Layout Shift (home page, headless chromium)',
        value: `${Math.max(...loads.map((load) => load.cls)).toFixed(3)} worst of ${loads.length}`,
        baseline: '—',
        ratio: '—',
        target: `< ${CLS_LIMIT}`,
        pass: loads.every((load) => load.cls < CLS_LIMIT),
      },
    ];
  },
};
