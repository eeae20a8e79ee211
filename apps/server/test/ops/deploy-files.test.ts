import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './support/scripts';

/**
 * Docker cannot pull images here, so the Dockerfile and compose.yaml are checked by reading them:
 * the release step, the instances' settings and the bundles they run must agree with the code.
 * scripts/prod-smoke.ts runs the same deployment without Docker.
 */

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  image?: string;
  healthcheck?: { disable?: boolean };
}

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const dockerfile = read('Dockerfile');
const entryPoints = [...read('apps/server/build.mjs').matchAll(/^\s+(\w+): '[^']+\.ts',?$/gm)].map(
  (m) => m[1],
);

describe('compose.yaml', () => {
  it('migrates once in a release step that the instances and the worker wait for', () => {
    expect(services.migrate?.command).toContain('apps/server/dist/migrate.js');
    for (const name of ['web-1', 'web-2', 'worker']) {
      expect(services[name]?.depends_on?.migrate?.condition, name).toBe('service_completed_successfully');
      expect(services[name]?.environment?.MIGRATE_ON_START, name).toBe('false');
    }
  });

  it('runs two web instances without the worker, behind the load balancer, and one worker', () => {
    for (const name of ['web-1', 'web-2']) {
      expect(services[name]?.command, name).toContain('apps/server/dist/main.js');
      expect(services[name]?.environment?.RUN_WORKER, name).toBe('false');
      expect(services[name]?.environment?.TRUST_PROXY, name).toBe('true');
      expect(services[name]?.environment?.NODE_ENV, name).toBe('production');
      expect(services[name]?.environment?.DATABASE_URL, name).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(services[name]?.environment?.REDIS_URL, name).toMatch(/^redis:\/\/.*@redis:6379$/);
    }
    expect(services.worker?.command).toContain('apps/server/dist/worker.js');
    const nginx = read('ops/nginx/nginx.conf');
    expect(nginx).toContain('server web-1:3000');
    expect(nginx).toContain('server web-2:3000');
    expect(nginx).toMatch(/location = \/metrics \{ return 404; \}/);
  });

  it('runs only bundles that apps/server/build.mjs builds', () => {
    const named = new Set(
      [
        ...JSON.stringify(services).matchAll(/apps\/server\/dist\/(\w+)\.js/g),
        ...dockerfile.matchAll(/apps\/server\/dist\/(\w+)\.js/g),
      ].map((m) => m[1]),
    );
    expect([...named].sort()).toEqual(expect.arrayContaining(['backup', 'main', 'migrate', 'worker']));
    for (const bundle of named) expect(entryPoints, bundle).toContain(bundle);
  });
});

describe('Dockerfile', () => {
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1) ?? '';

  it('ends in a runtime stage that runs as a non-root user with a health check', () => {
    expect(runtime).toMatch(/^\$\{NODE_IMAGE\} AS runtime/);
    expect(runtime).toMatch(/^USER puffy$/m);
    expect(runtime).toMatch(/useradd --system --uid 10001/);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n\s+CMD .*\/health/m);
    expect(runtime).not.toMatch(/g\+\+|make/);
  });

  it('ships production dependencies only, installed from the frozen lockfile', () => {
    expect(dockerfile).toMatch(/pnpm install --frozen-lockfile --prod/);
    expect(runtime).toMatch(/COPY --from=prod-deps/);
    expect(runtime).not.toMatch(/COPY --from=build[^\n]*node_modules/);
    const ignored = read('.dockerignore');
    for (const entry of ['**/node_modules', '.env', '**/dist']) expect(ignored).toContain(entry);
  });
});
