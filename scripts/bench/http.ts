import autocannon from 'autocannon';

export interface HttpResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** One autocannon run against a URL on this machine (loopback only). */
export async function measureHttp(
  url: string,
  options: { connections: number; seconds: number },
): Promise<HttpResult> {
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export interface LoadResult extends HttpResult {
  p95: number;
}

export interface LoadRequest {
  method?: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/**
 * Load where every request differs: `next(i)` builds the i-th request (a different wallet, a
 * different client address). Percentiles come from every response's own time (autocannon reports
 * no p95).
 */
export function measureLoad(
  origin: string,
  next: (i: number) => LoadRequest,
  options: { connections: number; seconds: number },
): Promise<LoadResult> {
  let counter = 0;
  const times: number[] = [];
  return new Promise((done, fail) => {
    const instance = autocannon(
      {
        url: origin,
        connections: options.connections,
        duration: options.seconds,
        requests: [
          {
            setupRequest: (request) => {
              const built = next(counter);
              counter += 1;
              return {
                ...request,
                method: built.method ?? 'GET',
                path: built.path,
                body: built.body,
                headers: { ...request.headers, 'content-type': 'application/json', ...built.headers },
              };
            },
          },
        ],
      },
      (error, result) => {
        if (error) {
          fail(error);
          return;
        }
        times.sort((a, b) => a - b);
        done({
          requestsPerSecond: result.requests.average,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

/** A distinct client address per request, for a server that trusts X-Forwarded-For (TRUST_PROXY). */
export const clientAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
