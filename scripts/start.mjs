// `pnpm start`: build whatever is missing or older than its sources, then run the server.
// Defaults: SQLite under ./data, the in-process store, demo data seeded, the SPA served on PORT.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function stale(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => newest(join(root, s)) > built);
}

function run(args) {
  const result = spawnSync('pnpm', args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (
  stale(join(root, 'apps/web/dist/index.html'), [
    'apps/web/src',
    'apps/web/index.html',
    'packages/contracts/src',
  ])
) {
  console.log('building the SPA…');
  run(['--filter', '@puffy/web', 'build']);
}
if (stale(join(root, 'apps/server/dist/main.js'), ['apps/server/src', 'packages'])) {
  console.log('building the server…');
  run(['--filter', '@puffy/server', 'build']);
}

// The same node flags as the production image (Dockerfile): a larger young generation for the API.
const server = spawn(
  process.execPath,
  ['--enable-source-maps', '--max-semi-space-size=32', 'apps/server/dist/main.js'],
  {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  },
);
// Forward stop signals so the server shuts down gracefully instead of being orphaned.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
