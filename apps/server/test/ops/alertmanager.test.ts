import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { freePort } from '../../src/testing';
import { repoRoot } from './support/scripts';
import { startSmtpSink } from './support/smtp-sink';

/**
 * ops/alertmanager and ops/prometheus checked by the official tools (Debian's prometheus and
 * prometheus-alertmanager packages; .ci/run installs them), then one alert fired through a real
 * Alertmanager running the shipped routing tree, into a webhook receiver and an SMTP server here.
 * Only the values an operator sets at deploy time are changed for the run: addresses and secrets.
 */

const run = promisify(execFile);

function onPath(...names: string[]): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {}
    }
  }
  return undefined;
}

const promtool = onPath('promtool');
const amtool = onPath('amtool');
// Debian names the server prometheus-alertmanager; upstream's tarball calls it alertmanager.
const alertmanagerBin = process.env.ALERTMANAGER_PATH ?? onPath('prometheus-alertmanager', 'alertmanager');
const tools = promtool && amtool && alertmanagerBin ? { promtool, amtool, alertmanagerBin } : undefined;

const shipped = join(repoRoot, 'ops/alertmanager/alertmanager.yml');

interface AmConfig {
  global: Record<string, unknown>;
  receivers: Array<{
    name: string;
    webhook_configs?: Array<{ url: string; http_config: { authorization: { credentials_file: string } } }>;
    email_configs?: Array<{ to: string }>;
  }>;
}

interface WebhookCall {
  authorization: string | undefined;
  body: {
    receiver: string;
    status: string;
    groupLabels: Record<string, string>;
    alerts: Array<{ status: string; labels: Record<string, string>; annotations: Record<string, string> }>;
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

/** Polls until `check` returns a value; the test's own timeout bounds the wait. */
async function eventually<T>(check: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!tools)('[alertmanager] alert rules and routing', () => {
  const {
    promtool: promtoolPath = '',
    amtool: amtoolPath = '',
    alertmanagerBin: serverPath = '',
  } = tools ?? {};

  it('promtool accepts the rules, and the Prometheus config that loads them and names Alertmanager', async () => {
    const rules = await run(promtoolPath, ['check', 'rules', join(repoRoot, 'ops/prometheus/alerts.yml')]);
    expect(rules.stdout).toMatch(/SUCCESS: \d+ rules found/);

    // The full check opens the files the config names: give it the metrics token a deploy mounts.
    const dir = mkdtempSync(join(tmpdir(), 'puffy-prom-'));
    try {
      cpSync(join(repoRoot, 'ops/prometheus'), dir, { recursive: true });
      const config = parse(readFileSync(join(dir, 'prometheus.yml'), 'utf8'));
      expect(config.alerting.alertmanagers[0].static_configs[0].targets).toEqual(['alertmanager:9093']);
      writeFileSync(join(dir, 'metrics_token'), randomBytes(16).toString('hex'));
      config.scrape_configs[0].authorization.credentials_file = join(dir, 'metrics_token');
      writeFileSync(join(dir, 'prometheus.yml'), stringify(config));
      const checked = await run(promtoolPath, ['check', 'config', join(dir, 'prometheus.yml')]);
      expect(checked.stdout).toContain('SUCCESS: 1 rule files found');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('amtool accepts the Alertmanager config, and routes pages to on-call and warnings to the team', async () => {
    const checked = await run(amtoolPath, ['check-config', shipped]);
    expect(checked.stdout).toContain('SUCCESS');
    const route = async (...labels: string[]) =>
      (
        await run(amtoolPath, ['config', 'routes', 'test', `--config.file=${shipped}`, ...labels])
      ).stdout.trim();
    expect(await route('alertname=PuffyJobAge', 'severity=page')).toBe('on-call');
    expect(await route('alertname=PuffyJobBacklog', 'severity=warning')).toBe('team-email');
    expect(await route('alertname=SomethingNew')).toBe('team-email');
  });

  describe('a running Alertmanager', () => {
    let alertmanager: ChildProcess;
    let api: string;
    let webhook: Server;
    let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
    let dir: string;
    let log = '';
    const calls: WebhookCall[] = [];
    const token = randomBytes(16).toString('hex');

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'puffy-am-'));
      webhook = createServer(async (request, response) => {
        calls.push({
          authorization: request.headers.authorization,
          body: JSON.parse(await readBody(request)),
        });
        response.writeHead(200).end();
      });
      await new Promise<void>((done) => webhook.listen(0, '127.0.0.1', done));
      const address = webhook.address();
      const webhookPort = typeof address === 'object' && address ? address.port : 0;
      smtp = await startSmtpSink();

      // The shipped file with this machine's addresses and secrets in the places a deploy puts them.
      const config = parse(readFileSync(shipped, 'utf8')) as AmConfig;
      writeFileSync(join(dir, 'smtp_password'), randomBytes(16).toString('hex'));
      writeFileSync(join(dir, 'webhook_token'), token);
      config.global.smtp_smarthost = `127.0.0.1:${smtp.port}`;
      config.global.smtp_require_tls = false;
      config.global.smtp_auth_password_file = join(dir, 'smtp_password');
      const onCall = config.receivers.find((r) => r.name === 'on-call');
      const hook = onCall?.webhook_configs?.[0];
      if (!hook) throw new Error('the on-call receiver has no webhook');
      hook.url = `http://127.0.0.1:${webhookPort}/hooks/alertmanager`;
      hook.http_config.authorization.credentials_file = join(dir, 'webhook_token');
      writeFileSync(join(dir, 'alertmanager.yml'), stringify(config));

      const port = await freePort();
      api = `http://127.0.0.1:${port}`;
      alertmanager = spawn(
        serverPath,
        [
          `--config.file=${join(dir, 'alertmanager.yml')}`,
          `--storage.path=${join(dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${port}`,
          '--cluster.listen-address=',
          '--log.level=warn',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      alertmanager.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString('utf8');
      });
      await eventually(async () => {
        if (alertmanager.exitCode !== null) throw new Error(`alertmanager exited: ${log}`);
        const ready = await fetch(`${api}/-/ready`).catch(() => undefined);
        return ready?.ok ? true : undefined;
      });
    });

    afterAll(async () => {
      if (alertmanager && alertmanager.exitCode === null) {
        const exited = new Promise((done) => alertmanager.once('exit', done));
        alertmanager.kill('SIGTERM');
        await exited;
      }
      await new Promise((done) => webhook?.close(done));
      await smtp?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('delivers a page to the on-call webhook and by email, and holds back the warning it explains', async () => {
      const alert = (alertname: string, severity: string, instance: string) => ({
        labels: { alertname, severity, instance, job: 'puffy' },
        annotations: {
          summary: `${alertname} test`,
          runbook: `docs/runbooks/alerts.md#${alertname.toLowerCase()}`,
        },
        startsAt: new Date().toISOString(),
      });
      const posted = await fetch(`${api}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          alert('PuffyJobAge', 'page', 'worker-1'),
          alert('PuffyJobBacklog', 'warning', 'worker-1'),
          alert('PuffyHighP95Latency', 'warning', 'web-1:3000'),
        ]),
      });
      expect(posted.status).toBe(200);

      const call = await eventually(() => calls[0]);
      expect(call.authorization).toBe(`Bearer ${token}`);
      expect(call.body.receiver).toBe('on-call');
      expect(call.body.status).toBe('firing');
      expect(call.body.groupLabels).toEqual({ alertname: 'PuffyJobAge', instance: 'worker-1' });
      expect(call.body.alerts).toHaveLength(1);
      expect(call.body.alerts[0]?.labels).toMatchObject({ alertname: 'PuffyJobAge', severity: 'page' });
      expect(call.body.alerts[0]?.annotations.runbook).toBe('docs/runbooks/alerts.md#puffyjobage');

      const email = await eventually(() => smtp.mail.find((m) => m.to.includes('puffy-oncall@example.com')));
      expect(email.from).toBe('puffy-alerts@example.com');
      expect(email.data).toContain('PuffyJobAge');

      const states = await (await fetch(`${api}/api/v2/alerts`)).json();
      const state = (name: string) =>
        (
          states as Array<{
            labels: Record<string, string>;
            status: { state: string; inhibitedBy: string[] };
          }>
        ).find((a) => a.labels.alertname === name)?.status;
      expect(state('PuffyJobBacklog')?.state).toBe('suppressed');
      expect(state('PuffyJobBacklog')?.inhibitedBy).toHaveLength(1);
      expect(state('PuffyHighP95Latency')?.state).toBe('active');
      expect(calls.every((c) => c.body.receiver === 'on-call')).toBe(true);
    });
  });
});
