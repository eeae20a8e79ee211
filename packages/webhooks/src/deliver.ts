import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { publicOnlyLookup } from './address';
import { type EndpointRules, endpointUrlProblem } from './endpoint';
import { messageBody, type WebhookMessage } from './events';
import { signatureHeader } from './signature';

/** A receiver that has not answered in 10 s has failed this attempt (docs/product/webhooks.md). */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How much of a receiver's answer the delivery log keeps. */
const EXCERPT_BYTES = 1024;

export interface DeliveryTarget {
  url: string;
  /** Every active secret: the current one, and during a rotation the previous one too. */
  secrets: readonly string[];
}

export interface DeliveryOutcome {
  /** A 2xx answer. A redirect is a failure: deliveries do not follow them. */
  ok: boolean;
  status: number | null;
  /** What went wrong, in words for the delivery log, when there was no answer or a refused one. */
  error: string | null;
  durationMs: number;
  responseExcerpt: string;
  /** The exact body sent, for the log and for a replay. */
  body: string;
}

export interface DeliverOptions extends EndpointRules {
  timeoutMs?: number;
  now?: () => Date;
}

/** One attempt: POST the signed message to the endpoint and report what happened. Never throws. */
export async function deliverOnce(
  target: DeliveryTarget,
  message: WebhookMessage,
  options: DeliverOptions,
): Promise<DeliveryOutcome> {
  const body = messageBody(message);
  const started = performance.now();
  const finish = (part: Omit<DeliveryOutcome, 'durationMs' | 'body'>): DeliveryOutcome => ({
    ...part,
    durationMs: Math.round(performance.now() - started),
    body,
  });
  const problem = endpointUrlProblem(target.url, options);
  if (problem) return finish({ ok: false, status: null, error: problem, responseExcerpt: '' });

  const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const url = new URL(target.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  try {
    const response = await new Promise<{ status: number; excerpt: string }>((resolve, reject) => {
      const req = send(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'PuffyRewardCenter-Webhooks/1',
            'webhook-id': message.id,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': signatureHeader(target.secrets, message.id, timestamp, body),
          },
          lookup: options.allowLocal ? undefined : publicOnlyLookup,
          signal: AbortSignal.timeout(timeoutMs),
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          res.on('data', (chunk: Buffer) => {
            if (kept < EXCERPT_BYTES) chunks.push(chunk.subarray(0, EXCERPT_BYTES - kept));
            kept += chunk.length;
          });
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, excerpt: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    const ok = response.status >= 200 && response.status < 300;
    const error = ok
      ? null
      : response.status >= 300 && response.status < 400
        ? `The endpoint answered with a redirect (${response.status}); deliveries do not follow redirects.`
        : `The endpoint answered ${response.status}.`;
    return finish({ ok, status: response.status, error, responseExcerpt: response.excerpt });
  } catch (error) {
    return finish({ ok: false, status: null, error: failureWords(error, timeoutMs), responseExcerpt: '' });
  }
}

function failureWords(error: unknown, timeoutMs: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `No answer within ${timeoutMs / 1000} s.`;
  if (code === 'EPRIVATEADDRESS') return 'The address resolves into a private network; nothing was sent.';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The host name does not resolve.';
  if (code === 'ECONNREFUSED') return 'The endpoint refused the connection.';
  if (code === 'ECONNRESET') return 'The endpoint closed the connection before answering.';
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT'))
    return 'The endpoint’s TLS certificate was not accepted.';
  return `The delivery failed (${code ?? name ?? 'unknown error'}).`;
}
