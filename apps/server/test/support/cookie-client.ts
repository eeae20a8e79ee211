import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';

/**
 * A tRPC client that behaves like a browser tab: it keeps the cookies the server sets, sends them
 * back, and sends the CSRF token and an Origin header on every call.
 */
export function browserLikeClient<TRouter extends AnyTRPCRouter>(baseUrl: string, origin: string) {
  const jar = new Map<string, string>();
  let csrf: string | undefined;
  const cookieFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    if (csrf) headers.set('x-csrf-token', csrf);
    headers.set('origin', origin);
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  const link = httpBatchLink<AnyTRPCRouter>({ url: `${baseUrl}/trpc`, fetch: cookieFetch });
  const client = createTRPCClient<TRouter>({ links: [link] });
  return {
    client,
    jar,
    setCsrf: (token: string | undefined) => {
      csrf = token;
    },
  };
}
