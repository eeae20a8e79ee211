import { UpstreamUnavailable } from '../../platform/errors';

/*
 * What every checked task gets from its service: the HTTP status, the JSON body, and when the service
 * throttles, the time it said to come back. The answer is kept as evidence (activity_checks).
 */

const TIMEOUT_MS = 10_000;

export interface ServiceAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** The service asked us to wait (HTTP 429 or an exhausted window): the check is queued until `retryAt`. */
export class ServiceThrottled extends Error {
  constructor(
    readonly service: string,
    readonly retryAt: Date,
    readonly answer: Record<string, unknown>,
  ) {
    super(`${service} throttled the check until ${retryAt.toISOString()}`);
  }
}

/** One request to a service; a network failure or a 5xx says "try again", never "not done". */
export async function askService(
  service: string,
  url: string,
  init: { method?: string; headers: Record<string, string>; body?: string },
): Promise<ServiceAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw new UpstreamUnavailable(`${service} is not answering. Please try again.`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status >= 500)
    throw new UpstreamUnavailable(`${service} is having trouble right now. Please try again.`);
  return { status: response.status, body, headers: response.headers };
}

/** The later of two waits, never in the past, and at least a second away. */
export function retryTime(now: Date, seconds: number): Date {
  return new Date(now.getTime() + Math.max(1, Math.ceil(seconds)) * 1000);
}
