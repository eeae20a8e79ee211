import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * A local stand-in for the two outside services observability talks to, speaking their wire formats
 * to our real clients: Sentry's envelope endpoint (`POST /api/<project>/envelope/`, newline-delimited
 * JSON: an envelope header, then item header and payload pairs) and an OTLP/HTTP collector
 * (`POST /v1/traces`, JSON). It also answers Solana JSON-RPC's getLatestBlockhash at `/rpc`, so a
 * traced call has a chain RPC to make. It records what arrives, raw and parsed.
 */

export interface EnvelopeItem {
  header: Record<string, unknown>;
  payload: unknown;
}

export interface Envelope {
  header: Record<string, unknown>;
  items: EnvelopeItem[];
  /** The body as it arrived (after gzip), to search for what must not be there. */
  raw: string;
  /** The query string's and headers' key: Sentry's auth travels there. */
  auth: string;
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

export interface Collector {
  url: string;
  port: number;
  envelopes: Envelope[];
  spans: OtlpSpan[];
  /** The raw OTLP bodies, to search for what must not be there. */
  traceBodies: string[];
  /** Every request that reached the stand-in, as `METHOD path`. */
  requests: string[];
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const data = Buffer.concat(chunks);
  return (req.headers['content-encoding'] === 'gzip' ? gunzipSync(data) : data).toString('utf8');
}

/** Sentry's envelope: header line, then per item a header line and a payload (`length` bytes if given). */
export function parseEnvelope(raw: string, auth = ''): Envelope {
  const buffer = Buffer.from(raw, 'utf8');
  let at = 0;
  const readLine = (): string => {
    const end = buffer.indexOf(0x0a, at);
    const line = buffer.subarray(at, end < 0 ? buffer.length : end).toString('utf8');
    at = end < 0 ? buffer.length : end + 1;
    return line;
  };
  const header = JSON.parse(readLine()) as Record<string, unknown>;
  const items: EnvelopeItem[] = [];
  while (at < buffer.length) {
    const line = readLine();
    if (!line.trim()) continue;
    const itemHeader = JSON.parse(line) as Record<string, unknown>;
    let payloadText: string;
    if (typeof itemHeader.length === 'number') {
      payloadText = buffer.subarray(at, at + itemHeader.length).toString('utf8');
      at += itemHeader.length;
      if (buffer[at] === 0x0a) at += 1;
    } else {
      payloadText = readLine();
    }
    let payload: unknown = payloadText;
    try {
      payload = JSON.parse(payloadText);
    } catch {
      // Attachments may be any bytes; kept as text.
    }
    items.push({ header: itemHeader, payload });
  }
  return { header, items, raw, auth };
}

type AnyValue = {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
};

function attributeValue(value: AnyValue | undefined): unknown {
  if (!value) return undefined;
  if ('stringValue' in value) return value.stringValue;
  if ('intValue' in value) return Number(value.intValue);
  if ('boolValue' in value) return value.boolValue;
  return value.doubleValue;
}

interface OtlpRequest {
  resourceSpans?: Array<{
    scopeSpans?: Array<{
      spans?: Array<{
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        attributes?: Array<{ key: string; value: AnyValue }>;
      }>;
    }>;
  }>;
}

export function spansOf(body: OtlpRequest): OtlpSpan[] {
  const spans: OtlpSpan[] = [];
  for (const resource of body.resourceSpans ?? []) {
    for (const scope of resource.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        spans.push({
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId || undefined,
          name: span.name,
          attributes: Object.fromEntries(
            (span.attributes ?? []).map((a) => [a.key, attributeValue(a.value)]),
          ),
        });
      }
    }
  }
  return spans;
}

export async function startCollector(): Promise<Collector> {
  const envelopes: Envelope[] = [];
  const spans: OtlpSpan[] = [];
  const traceBodies: string[] = [];
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://collector');
    requests.push(`${req.method} ${url.pathname}`);
    // Browsers post to the tracker from the page's origin (the SPA's crash reports).
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-headers': '*', 'access-control-allow-methods': 'POST' });
      res.end();
      return;
    }
    const body = await bodyOf(req);
    if (req.method === 'POST' && /^\/api\/[^/]+\/envelope\/?$/.test(url.pathname)) {
      envelopes.push(parseEnvelope(body, `${url.search} ${req.headers['x-sentry-auth'] ?? ''}`));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    if (req.method === 'POST' && url.pathname === '/v1/traces') {
      traceBodies.push(body);
      spans.push(...spansOf(JSON.parse(body) as OtlpRequest));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    if (req.method === 'POST' && url.pathname === '/rpc') {
      const call = JSON.parse(body) as { id: number; method: string };
      const result =
        call.method === 'getLatestBlockhash'
          ? {
              context: { slot: 1 },
              value: { blockhash: '11111111111111111111111111111111', lastValidBlockHeight: 100 },
            }
          : null;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: call.id, result }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    envelopes,
    spans,
    traceBodies,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits until `ready()` holds, polling; fails with `what` after a bound. */
export async function until(ready: () => boolean, what: string, boundMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > boundMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
