import type { OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';

type WriteHeadArgs = Parameters<ServerResponse['writeHead']>;

/** The headers argument of writeHead with its Connection header (any case) replaced by `close`. */
function closingHeaders(headers: OutgoingHttpHeaders | unknown[]): OutgoingHttpHeaders | unknown[] {
  if (Array.isArray(headers)) {
    const kept: unknown[] = [];
    for (let i = 0; i < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() !== 'connection') kept.push(headers[i], headers[i + 1]);
    }
    return [...kept, 'connection', 'close'];
  }
  const kept = Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'connection'),
  );
  return { ...kept, connection: 'close' };
}

/**
 * A response sent before its request body has fully arrived (a 413, a 415, a refused method, an
 * unknown path) says `Connection: close`. Otherwise the connection looks reusable while the rest of
 * the body is still on its way: Hono's listener gives the leftover body half a second to drain and
 * then destroys the socket, and the next request pipelined on it (behind nginx's upstream keep-alive,
 * another member's) is lost with a 502. Closing is honest and costs one reconnect per refusal. The
 * response's own Connection header (tRPC's event streams say keep-alive) does not overrule this.
 */
export function closeWhenBodyUnread(listener: RequestListener): RequestListener {
  return (req, res) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: WriteHeadArgs) {
      if (!req.complete && !this.headersSent) {
        this.setHeader('connection', 'close');
        const last = args.length - 1;
        const headers = args[last];
        if (last > 0 && typeof headers === 'object' && headers !== null) {
          args[last] = closingHeaders(headers as OutgoingHttpHeaders) as (typeof args)[number];
        }
      }
      return writeHead.apply(this, args);
    } as ServerResponse['writeHead'];
    listener(req, res);
  };
}
