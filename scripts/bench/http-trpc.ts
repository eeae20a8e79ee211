import { type HttpResult, measureHttp } from './http';
import { startServerProcess } from './server-process';
import { fmt, type Measure, type Row, ratioOf } from './table';

const connections = 50;

function combine(runs: HttpResult[]): HttpResult {
  const sum = (pick: (r: HttpResult) => number) => runs.reduce((total, r) => total + pick(r), 0);
  return {
    requestsPerSecond: sum((r) => r.requestsPerSecond) / runs.length,
    p50: Math.max(...runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
  };
}

/**
 * A trivial tRPC query (system.version) against a bare Hono route (/health) of the same server,
 * under 50 connections from a load generator outside the server's process; then the same against
 * the stock fetch adapter (TRPC_FAST_PATH=false) for reference.
 */
async function trpcAgainstBare(fastPath: boolean, rounds: number, seconds: number) {
  // One load generator is one IP: lift the per-IP default so the bench measures serving, not refusing.
  const server = await startServerProcess({
    RATE_LIMIT_IP_PER_MINUTE: '100000000',
    TRPC_FAST_PATH: String(fastPath),
  });
  try {
    const bareUrl = `${server.url}/health`;
    const trpcUrl = `${server.url}/trpc/system.version`;
    await measureHttp(bareUrl, { connections, seconds: 1 });
    await measureHttp(trpcUrl, { connections, seconds: 1 });
    // Alternating rounds, so a burst of load from other work on the machine hits both sides alike.
    const bareRuns: HttpResult[] = [];
    const trpcRuns: HttpResult[] = [];
    for (let i = 0; i < rounds; i += 1) {
      bareRuns.push(await measureHttp(bareUrl, { connections, seconds }));
      trpcRuns.push(await measureHttp(trpcUrl, { connections, seconds }));
    }
    const bare = combine(bareRuns);
    const trpc = combine(trpcRuns);
    return { bare, trpc };
  } finally {
    await server.stop();
  }
}

export const httpTrpcMeasure: Measure = {
  name: 'http-trpc',
  async run({ short }) {
    const rows: Row[] = [];
    for (const fastPath of [true, false]) {
      const { bare, trpc } = await trpcAgainstBare(fastPath, short ? 1 : 4, short ? 1 : 3);
      const failures = trpc.errors + trpc.non2xx + bare.errors + bare.non2xx;
      const ratio = trpc.requestsPerSecond / bare.requestsPerSecond;
      rows.push({
        measure: fastPath
          ? `trivial tRPC query over HTTP (${connections} connections)`
          : `  same through the stock fetch adapter (reference)`,
        value: `${fmt(trpc.requestsPerSecond)} req/s, p99 ${trpc.p99} ms, failures ${failures}`,
        baseline: `bare Hono route ${fmt(bare.requestsPerSecond)} req/s`,
        ratio: ratioOf(trpc.requestsPerSecond, bare.requestsPerSecond),
        target: fastPath ? '≥ 0.5×' : '—',
        pass: fastPath ? ratio >= 0.5 && failures === 0 : null,
      });
    }
    return rows;
  },
};
