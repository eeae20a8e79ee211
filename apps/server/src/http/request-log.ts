import type { AnyTRPCRouter } from '@trpc/server';
import { redactUrl } from '../logger';
import { TRPC_ENDPOINT } from './trpc';

const INPUT_PARAM = /([?&]input=)[^&#]*/gi;

type Procedures = Record<string, { _def: { meta?: { publicCacheSeconds?: number } } } | undefined>;

/**
 * Whether a tRPC GET's input may appear in a log line: only when every procedure it calls declared
 * itself public (`publicCacheSeconds`: the same answer for everyone, so its input is no one's secret).
 * Any other query may carry a referral code, an email or a search for a member, and is censored.
 */
function inputIsPublic(router: AnyTRPCRouter, path: string): boolean {
  let names: string[];
  try {
    names = decodeURIComponent(path.slice(TRPC_ENDPOINT.length + 1)).split(',');
  } catch {
    return false;
  }
  const procedures = router._def.procedures as Procedures;
  return names.every(
    (name) =>
      Object.hasOwn(procedures, name) && procedures[name]?._def.meta?.publicCacheSeconds !== undefined,
  );
}

/** The path and query of a request as its log line shows them (tested in test/logger.test.ts). */
export function requestLogUrl(pathAndQuery: string, router: AnyTRPCRouter): string {
  const redacted = redactUrl(pathAndQuery);
  const q = redacted.indexOf('?');
  if (q < 0) return redacted;
  const path = redacted.slice(0, q);
  if (!path.startsWith(`${TRPC_ENDPOINT}/`)) return redacted;
  return inputIsPublic(router, path) ? redacted : redacted.replace(INPUT_PARAM, '$1[Redacted]');
}
