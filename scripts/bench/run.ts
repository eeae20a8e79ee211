// `pnpm bench`: every measurement beside a baseline taken in the same run, printed as ratios (this
// machine is shared and noisy; absolute numbers mean little). `--short` only proves the benches work.
import { measureEd25519 } from './ed25519';
import { measureHttp } from './http';
import { startServerProcess } from './server-process';

const short = process.argv.includes('--short');
const seconds = short ? 1 : 10;
const connections = 50;

interface Row {
  measure: string;
  baseline: string;
  value: string;
  ratio: string;
  target: string;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function httpRows(): Promise<Row[]> {
  // One load generator is one IP: lift the per-IP default so the bench measures serving, not refusing.
  const server = await startServerProcess({ RATE_LIMIT_IP_PER_MINUTE: '100000000' });
  try {
    // Warm both paths before measuring.
    await measureHttp(`${server.url}/health`, { connections, seconds: 1 });
    await measureHttp(`${server.url}/trpc/system.version`, { connections, seconds: 1 });
    const bare = await measureHttp(`${server.url}/health`, { connections, seconds });
    const trpc = await measureHttp(`${server.url}/trpc/system.version`, { connections, seconds });
    return [
      {
        measure: `trivial tRPC query over HTTP (${connections} connections)`,
        baseline: `bare Hono route ${fmt(bare.requestsPerSecond)} req/s`,
        value: `${fmt(trpc.requestsPerSecond)} req/s, p99 ${trpc.p99} ms, errors ${trpc.errors + trpc.non2xx}`,
        ratio: `${(trpc.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}×`,
        target: '≥ 0.5×',
      },
    ];
  } finally {
    await server.stop();
  }
}

function cryptoRows(): Row[] {
  const { baseline, ours } = measureEd25519(short ? 0.5 : 3);
  return [
    {
      measure: 'Solana sign-in verification',
      baseline: `node:crypto verify with key import ${fmt(baseline)}/s`,
      value: `${fmt(ours)}/s`,
      ratio: `${(ours / baseline).toFixed(2)}×`,
      target: '≥ 0.8×',
    },
  ];
}

const rows = [...(await httpRows()), ...cryptoRows()];
console.log(
  `\nbenchmarks (${short ? 'short mode: proves they run, numbers not meaningful' : `${seconds} s each`})\n`,
);
console.log('| measure | baseline (same run) | measured | ratio | target |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.measure} | ${r.baseline} | ${r.value} | ${r.ratio} | ${r.target} |`);
