import { startTestServer, type TestServer } from '@puffy/server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Collector,
  startCollector,
  until,
} from '../../apps/server/test/observability/support/collector';
import { assertWebBuilt, chromiumPath, launchBrowser, webDist } from '../src/browser';

const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '(inline)'));
  });
`;

// Runs wherever chromium exists; CI installs it and fails if this suite did not run.
describe.skipIf(!chromiumPath())('the SPA reports its crashes to the error tracker, under its CSP', () => {
  let collector: Collector;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    assertWebBuilt();
    collector = await startCollector();
    server = await startTestServer({
      webDistDir: webDist,
      env: { SENTRY_DSN: `http://publickey@127.0.0.1:${collector.port}/7`, SENTRY_RELEASE: 'spa-test' },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await collector?.close();
  });

  it('sends an uncaught error of the page to the tracker the server names, and nothing before it', async () => {
    const page = await browser.newPage();
    await page.addInitScript(RECORD_VIOLATIONS);
    const sdkChunks: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/error-tracker-/.test(request.url())) sdkChunks.push(request.url());
    });
    await page.goto(`${server.url}/campaigns?ref=REFSECRET9`);
    await page.waitForLoadState('networkidle');
    // A page that has not crashed has loaded no tracker code and sent nothing.
    expect(sdkChunks).toEqual([]);
    expect(collector.requests).toEqual([]);

    await page.evaluate(`setTimeout(() => { throw new Error('spa crash probe'); })`);
    await until(() => collector.envelopes.length > 0, 'the crash report');
    const envelope = collector.envelopes[0];
    const event = envelope?.items.find((item) => item.header.type === 'event')?.payload as {
      release?: string;
      tags?: Record<string, string>;
      extra?: Record<string, unknown>;
      exception?: { values?: Array<{ type: string; value: string }> };
    };
    expect(event.exception?.values?.[0]).toMatchObject({ type: 'Error', value: 'spa crash probe' });
    expect(sdkChunks).toHaveLength(1);
    expect(event.release).toBe('spa-test');
    expect(event.tags?.boundary).toBe('window');
    expect(event.extra?.path).toBe('/campaigns');
    // The query string (codes and tokens travel there) never leaves the page.
    expect(envelope?.raw).not.toContain('REFSECRET9');
    expect(await page.evaluate<string[]>('window.__cspViolations')).toEqual([]);
    await page.close();
  });
});
