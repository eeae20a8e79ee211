import { z } from 'zod';

/**
 * A proof-of-humanity verifier with the shape of Human Passport's Stamps API v2 (formerly Gitcoin
 * Passport): `GET /v2/stamps/{scorer_id}/score/{address}` with the key in `X-API-KEY`
 * (docs/product/sybil.md). Pluggable: any service that answers in this shape can stand in.
 */
const ZPassportScore = z.object({
  address: z.string(),
  score: z.string().nullable(),
  passing_score: z.boolean(),
  threshold: z.string().optional(),
  last_score_timestamp: z.string().nullable().optional(),
  expiration_timestamp: z.string().nullable().optional(),
  error: z.string().nullable().optional(),
});

export interface HumanityScore {
  score: number;
  passing: boolean;
  /** When the verifier says the score stops counting (its stamps expire); null when it does not say. */
  expiresAt: Date | null;
}

export type HumanityFailure =
  | 'unauthorized'
  | 'rate-limited'
  | 'unavailable'
  | 'malformed'
  | 'verifier-error';

export class HumanityUnavailable extends Error {
  constructor(
    readonly reason: HumanityFailure,
    message: string,
    /** Seconds the verifier asked us to wait, when it said. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export interface HumanityVerifierOptions {
  baseUrl: string;
  apiKey: string;
  scorerId: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function humanityVerifier(options: HumanityVerifierOptions) {
  const send = options.fetch ?? fetch;
  return {
    async scoreOf(address: string): Promise<HumanityScore> {
      const url = new URL(
        `v2/stamps/${encodeURIComponent(options.scorerId)}/score/${encodeURIComponent(address)}`,
        options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
      );
      let response: Response;
      try {
        response = await send(url, {
          headers: { 'X-API-KEY': options.apiKey, accept: 'application/json' },
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        });
      } catch {
        throw new HumanityUnavailable('unavailable', 'The humanity verifier did not answer.');
      }
      if (response.status === 401 || response.status === 403) {
        throw new HumanityUnavailable('unauthorized', 'The humanity verifier refused our API key.');
      }
      if (response.status === 429) {
        const wait = Number(response.headers.get('retry-after'));
        throw new HumanityUnavailable(
          'rate-limited',
          'The humanity verifier asks us to slow down.',
          Number.isFinite(wait) && wait > 0 ? wait : null,
        );
      }
      if (!response.ok)
        throw new HumanityUnavailable('unavailable', `The humanity verifier answered ${response.status}.`);
      const parsed = ZPassportScore.safeParse(await response.json().catch(() => null));
      if (!parsed.success)
        throw new HumanityUnavailable(
          'malformed',
          'The humanity verifier answered in a shape we do not know.',
        );
      const body = parsed.data;
      if (body.error)
        throw new HumanityUnavailable(
          'verifier-error',
          `The humanity verifier could not score this wallet: ${body.error}`,
        );
      const score = body.score === null ? 0 : Number(body.score);
      if (!Number.isFinite(score) || score < 0)
        throw new HumanityUnavailable(
          'malformed',
          'The humanity verifier sent a score that is not a number.',
        );
      const expires = body.expiration_timestamp ? new Date(body.expiration_timestamp) : null;
      return {
        score,
        passing: body.passing_score,
        expiresAt: expires && !Number.isNaN(expires.getTime()) ? expires : null,
      };
    },
  };
}
