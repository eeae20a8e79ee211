import { z } from 'zod';

/*
 * Reading a V8 .cpuprofile (node --cpu-prof): self time per function over a window of the run, and
 * the same grouped by where the code lives (our packages, a dependency, node itself).
 */

const ZProfile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      children: z.array(z.number()).optional(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  startTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  /** Milliseconds sampled inside the window, idle included. */
  totalMs: number;
  idleMs: number;
  functions: SelfTime[];
  /** Time with the function anywhere on the stack (recursion counted once). */
  inclusive: SelfTime[];
  areas: SelfTime[];
  /** False when the window did not fall inside the profile and every sample was counted. */
  windowed: boolean;
}

/** Where a function's code lives: a dependency by package name, our code by workspace folder. */
function areaOf(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : 'native';
  const pkg = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const ours = /\/((?:apps|packages)\/[^/]+)\//.exec(url);
  if (ours?.[1]) return ours[1];
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

function shortWhere(url: string, line: number): string {
  if (url === '') return '';
  const trimmed = url.replace(/^file:\/\//, '').replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '');
  const local = trimmed.replace(/^.*?\/((?:apps|packages|scripts)\/)/, '$1');
  // tsx compiles our TypeScript without keeping lines, so line 0 says nothing there.
  return line > 0 ? `${local}:${line + 1}` : local;
}

const ranked = (
  entries: Iterable<{ name: string; where: string; us: number }>,
  share: (us: number) => number,
) =>
  [...entries]
    .sort((a, b) => b.us - a.us)
    .map((f) => ({ name: f.name, where: f.where, ms: f.us / 1000, share: share(f.us) }));

/**
 * Self time by function over the samples taken between `fromUs` and `toUs` (the profile's clock is
 * the monotonic clock process.hrtime reads, in microseconds), e.g. only while the load ran.
 */
export function summarize(json: unknown, window?: { fromUs: number; toUs: number }): ProfileSummary {
  const profile = ZProfile.parse(json);
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const keyOf = (frame: { functionName: string; url: string; lineNumber: number }) =>
    `${frame.functionName || '(anonymous)'}|${frame.url}|${frame.lineNumber}`;
  const inclusive = new Map<string, { name: string; where: string; us: number }>();
  let at = profile.startTime;
  const endAt = profile.startTime + profile.timeDeltas.reduce((a, b) => a + b, 0);
  const windowed = window !== undefined && window.fromUs < endAt && window.toUs > profile.startTime;
  const fns = new Map<string, { name: string; where: string; us: number }>();
  const areas = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    at += profile.timeDeltas[i] ?? 0;
    if (windowed && (at < window.fromUs || at > window.toUs)) continue;
    const frame = byId.get(profile.samples[i] ?? -1);
    if (!frame) continue;
    totalUs += delta;
    const name = frame.functionName || '(anonymous)';
    if (name === '(idle)') {
      idleUs += delta;
      continue;
    }
    const key = keyOf(frame);
    const entry = fns.get(key) ?? { name, where: shortWhere(frame.url, frame.lineNumber), us: 0 };
    entry.us += delta;
    fns.set(key, entry);
    const onStack = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parentOf.get(id)) {
      const up = byId.get(id);
      if (!up || up.functionName === '(root)') continue;
      const upKey = keyOf(up);
      if (onStack.has(upKey)) continue;
      onStack.add(upKey);
      const entry = inclusive.get(upKey) ?? {
        name: up.functionName || '(anonymous)',
        where: shortWhere(up.url, up.lineNumber),
        us: 0,
      };
      entry.us += delta;
      inclusive.set(upKey, entry);
    }
    const area = areaOf(frame.url, name);
    areas.set(area, (areas.get(area) ?? 0) + delta);
  }
  const busyUs = totalUs - idleUs;
  const share = (us: number) => (busyUs > 0 ? us / busyUs : 0);
  return {
    totalMs: totalUs / 1000,
    idleMs: idleUs / 1000,
    windowed,
    functions: ranked(fns.values(), share),
    inclusive: ranked(inclusive.values(), share),
    areas: [...areas]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, where: '', ms: us / 1000, share: share(us) })),
  };
}

export function printSummary(summary: ProfileSummary, top: number): string {
  const pct = (s: number) => `${(s * 100).toFixed(1)} %`;
  const busyMs = summary.totalMs - summary.idleMs;
  return [
    `${summary.windowed ? 'samples while the load ran' : 'all samples (the load window was not found in the profile)'}: ${busyMs.toFixed(0)} ms busy, ${summary.idleMs.toFixed(0)} ms idle; shares are of busy time`,
    '',
    `| # | function (self time) | where | ms | share |`,
    '|---|---|---|---|---|',
    ...summary.functions
      .slice(0, top)
      .map((f, i) => `| ${i + 1} | ${f.name} | ${f.where} | ${f.ms.toFixed(0)} | ${pct(f.share)} |`),
    '',
    `| # | function (inclusive: on the stack) | where | ms | share |`,
    '|---|---|---|---|---|',
    ...summary.inclusive
      .slice(0, top)
      .map((f, i) => `| ${i + 1} | ${f.name} | ${f.where} | ${f.ms.toFixed(0)} | ${pct(f.share)} |`),
    '',
    '| where the code lives (self time) | ms | share |',
    '|---|---|---|',
    ...summary.areas.slice(0, top).map((a) => `| ${a.name} | ${a.ms.toFixed(0)} | ${pct(a.share)} |`),
  ].join('\n');
}
