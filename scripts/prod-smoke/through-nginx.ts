// What members and operators reach through nginx beyond the store and the upload: the public door's
// headers, the client address the instances record, and the operator's campaign for the snapshot.
import postgres from 'postgres';
import type { Cluster } from '../cluster';
import { fail, rawHeaders, trpc } from './http';

/** The security headers the instances set: through nginx each must arrive exactly once. */
const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'strict-transport-security',
];

/** What the public door shows: the instances' answers with their headers once, and no /metrics. */
export async function checkLoadBalancer(lb: string): Promise<void> {
  const ready = await fetch(`${lb}/ready`);
  if (ready.status !== 200) fail(`${lb}/ready answered ${ready.status} through nginx`);
  const metrics = await fetch(`${lb}/metrics`);
  if (metrics.status !== 404) fail(`${lb}/metrics answered ${metrics.status} through nginx (expected 404)`);
  for (const path of ['/trpc/system.version', '/health']) {
    const answer = await rawHeaders(`${lb}${path}`);
    if (answer.status !== 200) fail(`${lb}${path} answered ${answer.status} through nginx`);
    for (const name of SECURITY_HEADERS) {
      const count = answer.headers.filter(([header]) => header === name).length;
      if (count !== 1) fail(`${name} arrives ${count} times on ${path} through nginx (expected once)`);
    }
  }
}

/** The session's address as the instance recorded it (TRUST_PROXY_HOPS=1 reads nginx's entry). */
export async function checkClientAddress(cluster: Cluster, userId: string): Promise<void> {
  const sql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select ip from sessions where user_id = ${userId}`;
    if (rows.length !== 1 || rows[0]?.ip !== '127.0.0.1') {
      fail(`the session through nginx recorded ${JSON.stringify(rows)} as the client address`);
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A campaign for the snapshot, made by the operator through the admin console's procedures. */
export async function createCampaign(lb: string, token: string): Promise<number> {
  await trpc(lb, 'admin.settings.setMediaHosts', {
    mutation: true,
    token,
    input: { hosts: ['media.puffy.invalid'] },
  });
  const campaign = await trpc<{ id: number }>(lb, 'admin.campaigns.create', {
    mutation: true,
    token,
    input: {
      slug: 'smoke-holders',
      name: 'Smoke holders',
      network: 'sol',
      collectionAddress: 'So11111111111111111111111111111111111111112',
      nftGasFeeSol: '0.05',
      media: { image: 'https://media.puffy.invalid/pass.png' },
      methods: [{ method: 'sol', config: {} }],
    },
  });
  return campaign.id;
}
