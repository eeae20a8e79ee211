import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestServer, type TestServer } from '../../src/testing';
import { repoRoot } from './support/scripts';

interface Rule {
  alert: string;
  expr: string;
  for: string;
  labels: { severity: string };
  annotations: { summary: string; runbook: string };
}

const rules = (
  parse(readFileSync(join(repoRoot, 'ops/prometheus/alerts.yml'), 'utf8')) as {
    groups: Array<{ rules: Rule[] }>;
  }
).groups.flatMap((g) => g.rules);
const dashboard = JSON.parse(readFileSync(join(repoRoot, 'ops/grafana/puffy-overview.json'), 'utf8')) as {
  panels: Array<{ targets?: Array<{ expr: string }> }>;
};
const dashboardExprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));

/** Our metric names in PromQL (Prometheus's own `up` aside). */
function metricNames(exprs: string[]): Set<string> {
  return new Set(exprs.flatMap((e) => [...e.matchAll(/\bpuffy_[a-z0-9_]+/g)].map((m) => m[0])));
}

/** Every series name /metrics can produce: histograms also as _bucket, _sum and _count. */
function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (!name) continue;
    names.add(name);
    if (type === 'histogram' || type === 'summary') {
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
    }
  }
  return names;
}

describe('alert rules and dashboard', () => {
  it('every rule has a severity, a summary and a runbook section that exists', () => {
    const runbook = readFileSync(join(repoRoot, 'docs/runbooks/alerts.md'), 'utf8');
    const anchors = new Set([...runbook.matchAll(/^## (\S+)/gm)].map((m) => m[1]?.toLowerCase()));
    expect(rules.length).toBeGreaterThanOrEqual(9);
    for (const rule of rules) {
      expect(['page', 'warning'], rule.alert).toContain(rule.labels.severity);
      expect(rule.annotations.summary, rule.alert).toBeTruthy();
      expect(rule.annotations.runbook, rule.alert).toBe(
        `docs/runbooks/alerts.md#${rule.alert.toLowerCase()}`,
      );
      expect(anchors.has(rule.alert.toLowerCase()), `${rule.alert} has no section in alerts.md`).toBe(true);
    }
  });

  it('covers the issue: 5xx, p95, job backlog and age, payment lag, mint failures, rate-limit spikes, open breakers', () => {
    const named = metricNames(rules.map((r) => r.expr));
    for (const metric of [
      'puffy_http_requests_total',
      'puffy_http_request_duration_seconds_bucket',
      'puffy_jobs',
      'puffy_jobs_oldest_queued_age_seconds',
      'puffy_payment_confirmation_lag_seconds',
      'puffy_nfts',
      'puffy_rate_limit_rejections_total',
      'puffy_circuit_breaker_state',
    ]) {
      expect(named, metric).toContain(metric);
    }
  });
});

describe.each(testDatabases())(
  '/metrics exports what the alerts and the dashboard name, on $label',
  (factory) => {
    let server: TestServer;
    let drop: () => Promise<void> = async () => {};
    const token = 'Tq7Wm2Xc9Lp4Rv8Nz3Bk6Hs1Jd5Gf0Ya';

    beforeAll(async () => {
      const database = await factory.create();
      await database.db.close();
      drop = database.drop;
      server = await startTestServer({ env: { DATABASE_URL: database.url, METRICS_TOKEN: token } });
    });
    afterAll(async () => {
      await server?.close();
      await drop();
    });

    async function scrape(): Promise<string> {
      const response = await fetch(`${server.url}/metrics`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      return response.text();
    }

    it('exports every metric named in ops/, with the job and database gauges answering', async () => {
      const text = await scrape();
      const exported = exportedNames(text);
      const named = metricNames([...rules.map((r) => r.expr), ...dashboardExprs]);
      expect(named.size).toBeGreaterThan(8);
      const missing = [...named].filter((name) => !exported.has(name));
      expect(missing).toEqual([]);
      expect(text).toMatch(/^puffy_metrics_source_up\{source="jobs"\} 1$/m);
      expect(text).toMatch(/^puffy_metrics_source_up\{source="database"\} 1$/m);
      expect(text).toMatch(/^puffy_jobs\{state="queued"\} 0$/m);
      expect(text).toMatch(/^puffy_payment_confirmation_lag_seconds 0$/m);
    });

    it('counts requests refused by a rate limit, by procedure', async () => {
      const challenge = () =>
        fetch(`${server.url}/trpc/auth.challenge`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ chain: 'sol', address: 'So11111111111111111111111111111111111111112' }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) statuses.push((await challenge()).status);
      const refused = statuses.filter((s) => s === 429).length;
      expect(refused).toBeGreaterThanOrEqual(2);
      const text = await scrape();
      expect(text).toContain(`puffy_rate_limit_rejections_total{route="trpc:auth.challenge"} ${refused}`);
    });
  },
);
