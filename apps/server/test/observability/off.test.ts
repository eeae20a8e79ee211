import { trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { startCollector } from './support/collector';

// Each SDK module records being loaded, then behaves as itself.
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('@sentry/node', async (importOriginal) => {
  loaded.add('@sentry/node');
  return importOriginal();
});
vi.mock('@opentelemetry/sdk-trace-node', async (importOriginal) => {
  loaded.add('@opentelemetry/sdk-trace-node');
  return importOriginal();
});
vi.mock('@opentelemetry/exporter-trace-otlp-http', async (importOriginal) => {
  loaded.add('@opentelemetry/exporter-trace-otlp-http');
  return importOriginal();
});

describe('observability is off by default', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('with neither SENTRY_DSN nor OTEL_EXPORTER_OTLP_ENDPOINT, loads no SDK, registers no tracer and sends nothing', async () => {
    const collector = await startCollector();
    try {
      server = await startTestServer();
      const answer = await fetch(`${server.url}/trpc/system.version`);
      expect(answer.status).toBe(200);
      const version = (await answer.json()) as { result: { data: { errorTracking: unknown } } };
      expect(version.result.data.errorTracking).toBeNull();
      const broken = await fetch(`${server.url}/trpc/no.such.procedure`);
      expect(broken.status).toBe(404);
      expect([...loaded]).toEqual([]);
      // The global provider is still the API's no-op: nothing registered a tracer or a context manager.
      expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
      expect(server.logs.some((line) => line.msg === 'observability on')).toBe(false);
      expect(collector.requests).toEqual([]);
    } finally {
      await collector.close();
    }
  });

  it('loads the SDKs once their variables are set (the check above can fail)', async () => {
    const collector = await startCollector();
    try {
      server = await startTestServer({
        env: {
          SENTRY_DSN: `http://publickey@127.0.0.1:${collector.port}/1`,
          OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        },
      });
      expect([...loaded].sort()).toEqual([
        '@opentelemetry/exporter-trace-otlp-http',
        '@opentelemetry/sdk-trace-node',
        '@sentry/node',
      ]);
      expect(server.logs.some((line) => line.msg === 'observability on')).toBe(true);
    } finally {
      await server?.close();
      server = undefined;
      await collector.close();
    }
  });
});
