import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server saw, recorded before it was answered (so dropped and slow ones count too). */
export interface RecordedCall {
  /** The JSON-RPC method, or `GET <path>` for a REST route. */
  key: string;
  params: unknown;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

/** How to answer one request. Any step may first wait `delayMs`. */
export type Step = (
  | { result: unknown }
  | { error: { code: number; message: string; data?: unknown } }
  | { json: unknown; status?: number; headers?: Record<string, string> }
  | { status: number; body?: string; headers?: Record<string, string> }
  | { raw: string }
  | { drop: true }
) & { delayMs?: number };

export type Handler = (params: unknown, call: RecordedCall) => Step | Promise<Step>;

export interface WireServer {
  /** http://127.0.0.1:<port> */
  url: string;
  calls: RecordedCall[];
  count(key: string): number;
  /** Serves a JSON-RPC method on `POST /`. Unserved methods answer -32601, as a real node does. */
  rpc(method: string, handler: Handler): void;
  /** Serves `GET <path>`; `params` is the query as an object. */
  get(path: string, handler: Handler): void;
  /** One-off answers for the next requests with this key, used in order before the handler. */
  script(key: string, ...steps: Step[]): void;
  /** Answers every request with this step until called with null: an outage. */
  outage(step: Step | null): void;
  close(): Promise<void>;
}

/**
 * A local HTTP server speaking JSON-RPC 2.0 (and plain REST for toncenter-style APIs) on 127.0.0.1 with
 * a free port, with scripted faults: delays, HTTP errors, dropped connections, JSON-RPC errors.
 */
export async function startWireServer(): Promise<WireServer> {
  const handlers = new Map<string, Handler>();
  const scripts = new Map<string, Step[]>();
  const calls: RecordedCall[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let outage: Step | null = null;

  const decide = async (call: RecordedCall, fallback: Step): Promise<Step> => {
    if (outage) return outage;
    const next = scripts.get(call.key)?.shift();
    if (next) return next;
    const handler = handlers.get(call.key);
    return handler ? handler(call.params, call) : fallback;
  };

  const send = (res: ServerResponse, id: unknown, step: Step): void => {
    if (res.destroyed) return;
    if ('drop' in step) {
      res.socket?.destroy();
      return;
    }
    if ('raw' in step) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(step.raw);
      return;
    }
    if ('result' in step || 'error' in step) {
      const body =
        'result' in step
          ? { jsonrpc: '2.0', id, result: step.result }
          : { jsonrpc: '2.0', id, error: step.error };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    if ('json' in step) {
      res
        .writeHead(step.status ?? 200, { 'content-type': 'application/json', ...step.headers })
        .end(JSON.stringify(step.json));
      return;
    }
    res
      .writeHead(step.status, { 'content-type': 'text/plain', ...step.headers })
      .end(step.body ?? `status ${step.status}`);
  };

  const answer = (res: ServerResponse, id: unknown, step: Step): void => {
    if (!step.delayMs) {
      send(res, id, step);
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      send(res, id, step);
    }, step.delayMs);
    timers.add(timer);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET') {
      const call: RecordedCall = {
        key: `GET ${url.pathname}`,
        params: Object.fromEntries(url.searchParams),
        query: url.searchParams,
        headers: req.headers,
      };
      calls.push(call);
      answer(res, null, await decide(call, { json: { error: 'not found' }, status: 404 }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let message: { id?: unknown; method?: unknown; params?: unknown };
    try {
      message = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      send(res, null, { error: { code: -32700, message: 'Parse error' } });
      return;
    }
    if (typeof message.method !== 'string') {
      send(res, message.id ?? null, { error: { code: -32600, message: 'Invalid request' } });
      return;
    }
    const call: RecordedCall = {
      key: message.method,
      params: message.params,
      query: url.searchParams,
      headers: req.headers,
    };
    calls.push(call);
    answer(
      res,
      message.id ?? null,
      await decide(call, { error: { code: -32601, message: 'Method not found' } }),
    );
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    count: (key) => calls.filter((call) => call.key === key).length,
    rpc: (method, handler) => handlers.set(method, handler),
    get: (path, handler) => handlers.set(`GET ${path}`, handler),
    script: (key, ...steps) => scripts.set(key, [...(scripts.get(key) ?? []), ...steps]),
    outage: (step) => {
      outage = step;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
