import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONNECTIONS, TRIVIAL_PATH } from './against-bare';
import { BARE_NAME, startBareHono } from './bare-baseline';
import { printSummary, summarize } from './cpu-profile';
import { measureLoad } from './http';
import type { BenchProcess } from './server-process';
import { startDemoServer, targets } from './throughput';

const reports = resolve(dirname(fileURLToPath(import.meta.url)), '../../.reports');
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * `pnpm bench --profile=<procedure>`: a CPU profile of our server (node --cpu-prof) while it serves
 * one of the throughput measures (system.version, campaign.list, campaign.get, store.catalog,
 * user.info, /health; `bare` profiles the bare baseline instead) under the bench's load, saved
 * under .reports/, with its top functions counted over the load window only (start-up and seeding
 * left out).
 */
export async function profileUnderLoad(which: string, short: boolean): Promise<string> {
  const stamp = new Date().toISOString().replaceAll(':', '-').replace(/\..*/, '');
  const dir = join(reports, `cpu-${stamp}`);
  mkdirSync(dir, { recursive: true });
  // `bare`: the baseline's own profile under the trivial query's load, to tell our cost from HTTP's.
  const bareOnly = which === 'bare';
  const server = await startDemoServer({ profileDir: bareOnly ? undefined : dir });
  let bare: BenchProcess | undefined;
  let window: { fromUs: number; toUs: number };
  try {
    const chosen = (await targets(server)).find((t) => t.name.includes(bareOnly ? 'system.version' : which));
    if (!chosen) throw new Error(`no throughput measure named like "${which}"`);
    if (bareOnly) bare = await startBareHono(server.url, { path: TRIVIAL_PATH }, { profileDir: dir });
    const target = bare ?? server;
    process.stderr.write(`bench: profiling ${bareOnly ? BARE_NAME : chosen.name}…\n`);
    await measureLoad(target.url, chosen.request, { connections: CONNECTIONS, seconds: 1 });
    const fromUs = nowUs();
    const result = await measureLoad(target.url, chosen.request, {
      connections: CONNECTIONS,
      seconds: short ? 2 : 8,
    });
    window = { fromUs, toUs: nowUs() };
    process.stderr.write(
      `bench: ${Math.round(result.requestsPerSecond)} req/s 2xx while profiled (the profiler slows the server)\n`,
    );
  } finally {
    await bare?.stop();
    await server.stop();
  }
  const written = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!written) throw new Error(`the server wrote no profile into ${dir}`);
  const file = join(reports, `cpu-${which.replace(/[^\w.-]/g, '_')}-${stamp}.cpuprofile`);
  renameSync(join(dir, written), file);
  rmSync(dir, { recursive: true, force: true });
  const summary = summarize(JSON.parse(readFileSync(file, 'utf8')), window);
  return `CPU profile of ${bareOnly ? 'the bare baseline' : 'our server'} under load: ${file}\n\n${printSummary(summary, 15)}`;
}
