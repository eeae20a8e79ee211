// The shipped load balancer (ops/nginx/nginx.conf) made runnable here by an unprivileged nginx in the
// foreground: the same file with only the upstream addresses, the listen port, the pid file and the
// temporary folders changed. A change to the shipped file that this cannot follow fails loudly
// instead of running something else. Used by `pnpm prod-smoke` and apps/server/test/ops/nginx.test.ts
// (which runs this file: `tsx scripts/prod-smoke/nginx.ts <dir> <listen port> <upstream>...` writes
// the configuration and prints how to start nginx on it, as JSON).
import { accessSync, chownSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHIPPED_NGINX_CONF = join(root, 'ops/nginx/nginx.conf');

/** How to start nginx on a rendered configuration. */
export interface NginxRun {
  command: string;
  args: string[];
  /** The unprivileged account nginx must run as when we are root; its log files must be its own. */
  user: { uid: number; gid: number } | null;
  configFile: string;
}

/** Debian's nginx, on PATH or where the package puts it; null when it is not installed. */
export function findNginx(): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin']) {
    try {
      accessSync(join(dir, 'nginx'), constants.X_OK);
      return join(dir, 'nginx');
    } catch {}
  }
  return null;
}

function replaceExactly(
  text: string,
  pattern: RegExp,
  count: number,
  what: string,
  by: (index: number, groups: string[]) => string,
): string {
  let seen = 0;
  const out = text.replace(pattern, (_match, ...groups: unknown[]) => by(seen++, groups.map(String)));
  if (seen !== count) {
    throw new Error(
      `ops/nginx/nginx.conf has ${seen} ${what} where ${count} were expected: update scripts/prod-smoke/nginx.ts`,
    );
  }
  return out;
}

/**
 * The shipped configuration with the compose addresses (`server web-N:3000`) replaced by `upstreams`
 * (host:port, one per shipped server line, keeping its parameters), `listen 8080` by a loopback port,
 * and the pid file and temporary folders (Debian's belong to root) moved into `dir`.
 */
export function renderNginxConfig(
  shipped: string,
  site: { dir: string; listen: number; upstreams: string[] },
): string {
  let text = replaceExactly(
    shipped,
    /^(\s*)server web-\d+:3000([^;]*);$/gm,
    site.upstreams.length,
    'upstream server lines',
    (i, [indent, parameters]) => `${indent}server ${site.upstreams[i]}${parameters};`,
  );
  text = replaceExactly(
    text,
    /^(\s*)listen 8080;$/gm,
    1,
    '"listen 8080;" lines',
    (_i, [indent]) => `${indent}listen 127.0.0.1:${site.listen};`,
  );
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${join(site.dir, 'temp', kind)};`)
    .join('\n');
  text = replaceExactly(text, /^http \{$/gm, 1, '"http {" lines', () => `http {\n${temp}`);
  return `daemon off;\npid ${join(site.dir, 'nginx.pid')};\n${text}`;
}

/** The account nginx runs as when we are root: Debian's `nobody`. */
function unprivilegedUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('nobody:'));
  const [, , uid, gid] = entry?.split(':') ?? [];
  if (!uid || !gid) throw new Error('there is no "nobody" account to run nginx as');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Writes `dir`/nginx.conf from the shipped file and answers how to start nginx on it. */
export function prepareNginx(site: { dir: string; listen: number; upstreams: string[] }): NginxRun {
  const command = findNginx();
  if (!command) throw new Error('nginx is not installed (apt-get install -y nginx)');
  const configFile = join(site.dir, 'nginx.conf');
  const user = unprivilegedUser();
  mkdirSync(join(site.dir, 'temp'), { recursive: true });
  writeFileSync(configFile, renderNginxConfig(readFileSync(SHIPPED_NGINX_CONF, 'utf8'), site));
  if (user) {
    for (const path of [site.dir, join(site.dir, 'temp'), configFile]) chownSync(path, user.uid, user.gid);
  }
  // -e: errors before the configuration is read go to stderr, not to Debian's /var/log/nginx (root's).
  return { command, args: ['-e', 'stderr', '-c', configFile], user, configFile };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, listen, ...upstreams] = process.argv.slice(2);
  if (!dir || !listen || upstreams.length === 0) {
    process.stderr.write('usage: tsx scripts/prod-smoke/nginx.ts <dir> <listen port> <host:port>...\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(prepareNginx({ dir, listen: Number(listen), upstreams }))}\n`);
}
