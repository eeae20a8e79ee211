// The deployment's instances checked one by one, as the load balancer's health checks and an
// operator would: health, readiness, /metrics behind its token, a session shared between instances,
// and the image's backup and restore bundles against the live database.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import postgres from 'postgres';
import { type Cluster, root } from '../cluster';
import { fail, solanaWallet, trpc } from './http';

export async function checkInstance(base: string, metricsToken: string): Promise<void> {
  const health = await fetch(`${base}/health`);
  if (health.status !== 200) fail(`${base}/health answered ${health.status}`);
  const ready = await fetch(`${base}/ready`);
  const readiness = (await ready.json()) as { status: string; checks: Record<string, string> };
  if (ready.status !== 200 || readiness.checks.database !== 'ok' || readiness.checks.store !== 'ok') {
    fail(`${base}/ready answered ${ready.status}: ${JSON.stringify(readiness)}`);
  }
  const open = await fetch(`${base}/metrics`);
  if (open.status !== 401) fail(`${base}/metrics answered ${open.status} without the token (expected 401)`);
  const metrics = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  if (metrics.status !== 200 || !(await metrics.text()).includes('puffy_http_requests_total')) {
    fail(`${base}/metrics with the token answered ${metrics.status}`);
  }
}

type SessionState = { signedIn: boolean; user?: { id: string } };

export async function signedInJourney(first: string, second: string): Promise<void> {
  const wallet = solanaWallet();
  // The challenge is issued by one instance and answered through the other: they share it in Redis.
  const challenge = await trpc<{ challengeId: string; message: string }>(first, 'auth.challenge', {
    mutation: true,
    input: { chain: 'sol', address: wallet.address },
  });
  const session = await trpc<{ accessToken?: string; user: { id: string } }>(second, 'auth.verify', {
    mutation: true,
    input: {
      challengeId: challenge.challengeId,
      proof: { chain: 'sol', address: wallet.address, signature: wallet.signMessage(challenge.message) },
      delivery: 'body',
    },
  });
  const token = session.accessToken ?? fail('auth.verify returned no access token for delivery "body"');
  for (const base of [first, second]) {
    const state = await trpc<SessionState>(base, 'auth.session', { token });
    if (!state.signedIn || state.user?.id !== session.user.id) {
      fail(`auth.session through ${base} does not see the signed-in member: ${JSON.stringify(state)}`);
    }
  }
  await trpc(second, 'auth.logout', { mutation: true, token });
  const after = await trpc<SessionState>(first, 'auth.session', { token });
  if (after.signedIn) fail(`a session ended through ${second} is still signed in through ${first}`);
}

/** The image's backup and restore bundles, against the running deployment: same members after. */
export async function backupAndRestore(cluster: Cluster): Promise<void> {
  const out = join(cluster.logDir, 'backups');
  const run = (script: string, args: string[], databaseUrl: string) => {
    const result = spawnSync(process.execPath, [join(root, 'apps/server/dist', script), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...cluster.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    });
    if (result.status !== 0) fail(`${script} failed: ${result.stderr}`);
    return result.stdout;
  };
  const written = JSON.parse(run('backup.js', ['--out', out, '--keep', '1'], cluster.databaseUrl)) as {
    file: string;
  };
  const restoredName = `${cluster.databaseName}_restored`;
  await cluster.admin.unsafe(`create database "${restoredName}"`);
  const restoredUrl = new URL(cluster.databaseUrl);
  restoredUrl.pathname = `/${restoredName}`;
  try {
    run('restore.js', [written.file], restoredUrl.toString());
    const counts = await Promise.all(
      [cluster.databaseUrl, restoredUrl.toString()].map(async (url) => {
        const sql = postgres(url, { max: 1, onnotice: () => {} });
        try {
          const [row] = await sql`select count(*)::int as n from users`;
          return Number(row?.n);
        } finally {
          await sql.end({ timeout: 5 });
        }
      }),
    );
    if (counts[0] !== counts[1] || !counts[0])
      fail(`restored members ${counts[1]} ≠ live members ${counts[0]}`);
  } finally {
    await cluster.admin.unsafe(`drop database if exists "${restoredName}" with (force)`);
  }
}
