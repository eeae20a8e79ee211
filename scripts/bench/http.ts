import autocannon from 'autocannon';

export interface HttpResult {
  /** Requests per second answered 2xx: a refusal (429, 403…) is not throughput. */
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** 2xx answers per second of a run (autocannon's own average counts every answer). */
const okPerSecond = (result: autocannon.Result) =>
  result.duration > 0 ? result['2xx'] / result.duration : 0;

/** One autocannon run against a URL on this machine (loopback only). */
export async function measureHttp(
  url: string,
  options: { connections: number; seconds: number },
): Promise<HttpResult> {
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds });
  return {
    requestsPerSecond: okPerSecond(result),
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
 * different client address). Percentiles come from the 2xx answers' own times (autocannon reports no
 * p95, and a fast refusal would flatter them).
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
          requestsPerSecond: okPerSecond(result),
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) times.push(responseTime);
    });
  });
}

/** A client address for request i, for a server that trusts X-Forwarded-For (TRUST_PROXY). */
export const clientAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

let addressesUsed = 0;
/**
 * A client address no earlier request of this run had (16 million before they wrap), so per-IP
 * limits never refuse the load and the server keeps one limiter entry per request, as under a crowd.
 */
export const freshClientAddress = () => {
  addressesUsed += 1;
  return clientAddress(addressesUsed);
};

/** Several runs of the same measure as one: the mean rate, the worst percentiles, all failures. */
export function combine(runs: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => runs.reduce((total, r) => total + pick(r), 0);
  return {
    requestsPerSecond: sum((r) => r.requestsPerSecond) / runs.length,
    p50: Math.max(...runs.map((r) => r.p50)),
    p95: Math.max(...runs.map((r) => r.p95)),
    p99: Math.max(...runs.map((r) => r.p99)),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
  };
}
