import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What a person would call broken on one screen; every list empty means the screen passed. */
export interface ScreenFindings {
  consoleErrors: string[];
  cspViolations: string[];
  brokenImages: string[];
  overflowPx: number | null;
  axe: string[];
  notFound: boolean;
  internalLinks: string[];
}

/**
 * Collects CSP violations from the first script on: a `securitypolicyviolation` listener added before
 * any of the page's own code runs (an init script runs through the DevTools protocol, which the
 * page's CSP does not govern).
 */
export async function watchContext(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content: `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
});`,
  });
}

/** Console errors and uncaught exceptions of one page, from the moment this is called. */
export function watchConsole(page: Page): { take(): string[] } {
  let errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return {
    take() {
      const taken = errors;
      errors = [];
      return taken;
    },
  };
}

// Strings run in the page: the e2e project's types have no DOM.
const READ_PAGE = `(() => {
  const broken = [...document.images]
    .filter((img) => img.complete && img.naturalWidth === 0 && img.getAttribute('src'))
    .map((img) => img.getAttribute('src'));
  const links = [...document.querySelectorAll('a[href^="/"]')]
    .map((a) => a.getAttribute('href'))
    .filter((href) => !href.startsWith('//'));
  const text = document.body.innerText;
  return {
    broken,
    links,
    width: document.documentElement.scrollWidth,
    csp: window.__csp || [],
    notFound: /Page not found|This section is not there|Seite nicht gefunden/.test(text),
  };
})()`;

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
}

/** Reads one settled screen: what broke, what axe-core rates serious or critical, its links. */
export async function inspectScreen(page: Page, width: number, log: { take(): string[] }) {
  const read = (await page.evaluate(READ_PAGE)) as {
    broken: string[];
    links: string[];
    width: number;
    csp: string[];
    notFound: boolean;
  };
  // axe-core goes in through the DevTools protocol too, so the page's CSP (script-src 'self') does
  // not have to be loosened for the audit.
  await page.evaluate(axeSource);
  const axe = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`,
  )) as AxeResult;
  const findings: ScreenFindings = {
    consoleErrors: log.take(),
    cspViolations: read.csp,
    brokenImages: read.broken,
    overflowPx: read.width > width ? read.width : null,
    axe: axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    notFound: read.notFound,
    internalLinks: read.links,
  };
  return findings;
}

/** The findings a screen must not have, as lines a person can read in a failed test. */
export function problems(screen: string, f: ScreenFindings): string[] {
  return [
    ...f.consoleErrors.map((e) => `${screen}: console: ${e}`),
    ...f.cspViolations.map((e) => `${screen}: CSP: ${e}`),
    ...f.brokenImages.map((e) => `${screen}: broken image ${e}`),
    ...(f.overflowPx === null ? [] : [`${screen}: page is ${f.overflowPx} px wide`]),
    ...f.axe.map((e) => `${screen}: axe: ${e}`),
    ...(f.notFound ? [`${screen}: shows "not found"`] : []),
  ];
}
