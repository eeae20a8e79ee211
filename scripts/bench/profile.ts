import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONNECTIONS } from './against-bare';
import { printSummary, summarize } from './cpu-profile';
import { measureLoad } from './http';
import { startDemoServer, targets } from './throughput';

const reports = resolve(dirname(fileURLToPath(import.meta.url)), '../../.reports');
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * `pnpm bench --profile=<procedure>`: a CPU profile of our server (node --cpu-prof) while it serves
 * one of the throughput measures (system.version, campaign.list, campaign.get, store.catalog,
 * user.info, /health) under the bench's load, saved under .reports/, and its top self-time functions
 * counted over the load window only (start-up and seeding left out).
 */
export async function profileUnderLoad(which: string, short: boolean): Promise<string> {
  const stamp = new Date().toISOString().replaceAll(':', '-').replace(/\..*/, '');
  const dir = join(reports, `cpu-${stamp}`);
  mkdirSync(dir, { recursive: true });
  const server = await startDemoServer({ profileDir: dir });
  let window: { fromUs: number; toUs: number };
  try {
    const chosen = (await targets(server)).find((t) => t.name.includes(which));
    if (!chosen) throw new Error(`no throughput measure named like "${which}"`);
    process.stderr.write(`bench: profiling ${chosen.name}…\n`);
    await measureLoad(server.url, chosen.request, { connections: CONNECTIONS, seconds: 1 });
    const fromUs = nowUs();
    const result = await measureLoad(server.url, chosen.request, {
      connections: CONNECTIONS,
      seconds: short ? 2 : 8,
    });
    window = { fromUs, toUs: nowUs() };
    process.stderr.write(
      `bench: ${Math.round(result.requestsPerSecond)} req/s 2xx while profiled (the profiler slows the server)\n`,
    );
  } finally {
    await server.stop();
  }
  const written = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!written) throw new Error(`the server wrote no profile into ${dir}`);
  const file = join(reports, `cpu-${which.replace(/[^\w.-]/g, '_')}-${stamp}.cpuprofile`);
  renameSync(join(dir, written), file);
  rmSync(dir, { recursive: true, force: true });
  const summary = summarize(JSON.parse(readFileSync(file, 'utf8')), window);
  return `CPU profile of the server under load: ${file}\n\n${printSummary(summary, 15)}`;
}
