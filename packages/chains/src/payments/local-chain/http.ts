import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { z } from 'zod';
import { type MethodContext, methods, RpcMethodError } from './methods';

export type LocalChainAvailability = 'up' | 'down' | 'hang';

const ZRequest = z.object({
  jsonrpc: z.literal('2.0'),
  id: z.union([z.number(), z.string(), z.null()]),
  method: z.string(),
  params: z.unknown().optional(),
});

const MAX_BODY_BYTES = 1 << 20;

function answer(options: RpcListenerOptions, request: unknown): unknown {
  const parsed = ZRequest.safeParse(request);
  if (!parsed.success)
    return { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid request' } };
  const { id, method, params } = parsed.data;
  options.calls.push(method);
  const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
  if (!handler) return { jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } };
  try {
    return { jsonrpc: '2.0', id, result: handler(options.context, params) };
  } catch (error) {
    if (error instanceof RpcMethodError) {
      return { jsonrpc: '2.0', id, error: { code: error.code, message: error.message, data: error.data } };
    }
    return {
      jsonrpc: '2.0',
      id,
      error: {
        code: -32603,
        message: `Internal error: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  }
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: RpcListenerOptions,
): Promise<void> {
  response.setHeader('access-control-allow-origin', '*');
  response.setHeader('access-control-allow-headers', 'content-type, solana-client');
  if (request.method === 'OPTIONS') return void response.writeHead(204).end();
  const availability = options.availability();
  // A hung node holds the request open; the client's own timeout is what ends it.
  if (availability === 'hang') return;
  if (availability === 'down') return reply(response, 503, { error: 'service unavailable' });
  if (request.method !== 'POST') return reply(response, 405, { error: 'POST JSON-RPC requests here' });
  const body = await readBody(request);
  if (body === null) return reply(response, 413, { error: 'request too large' });
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return reply(response, 200, {
      jsonrpc: '2.0',
      id: null,
      error: { code: -32700, message: 'Parse error' },
    });
  }
  const requests: unknown[] = Array.isArray(payload) ? payload : [payload];
  const answers = requests.map((item) => answer(options, item));
  reply(response, 200, Array.isArray(payload) ? answers : answers[0]);
}

interface RpcListenerOptions {
  context: MethodContext;
  /** Every method called is appended here, in order. */
  calls: string[];
  availability: () => LocalChainAvailability;
}

/** The HTTP side of the local node: CORS for the SPA, JSON-RPC 2.0 single and batch requests. */
export function rpcRequestListener(options: RpcListenerOptions): RequestListener {
  return (request, response) => {
    // A client that hangs up mid-request leaves nothing to answer.
    handle(request, response, options).catch(() => response.destroy());
  };
}
