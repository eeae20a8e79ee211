import { type Meta, publicEditGeneration, startsWithRequestScope } from '@puffy/api';
import type { Store } from '@puffy/store';
import type { AnyTRPCProcedure } from '@trpc/server';
import type { CallResult, Shortcut } from './trpc-call';
import type { FastCall } from './trpc-fast';

/**
 * Public answers served from memory between edits: a GET call of a procedure that declared
 * `publicCacheSeconds` (the same answer for every caller: campaign pages, the catalog) is answered
 * from the last result for the same input, so a launch spike on a campaign page costs no database
 * read, no input or output parsing, no serialization, no hash and no compression per request.
 *
 * What still runs for every call: the request scope (CSRF, the default rate limits per call, error
 * mapping; trpc-call.ts puts the copy right after that layer), and the server's metrics, log line and
 * headers. What drops a copy:
 * - any edit, on any instance (an operator's change, the campaign rules' and the catalog's
 *   invalidations; @puffy/api platform/public-edits.ts), at once on the instance that made it;
 * - age: a copy is at most MAX_AGE_MS old, for what changes without an edit (a campaign's phase as
 *   its start passes, its seat count as members take seats).
 * Nothing is kept while this instance cannot hear other instances' edits, nor for a procedure with a
 * rate rule of its own (its quota is spent right before its resolver), nor a failed call.
 */
const MAX_AGE_MS = 1_000;
/** Distinct inputs kept (pages, slugs); beyond it the oldest copy goes. */
const MAX_ENTRIES = 1_000;

/** The serialized forms of one shared answer, made once by whichever request needs them first. */
export interface SharedForms {
  body?: string;
  etag?: string;
  gzip?: Buffer;
  deflate?: Buffer;
}

/** Every data object this cache hands out, with its serialized forms (trpc-fast.ts, trpc-node.ts). */
const shared = new WeakMap<object, SharedForms>();

/** The serialized forms of `data` when it is a shared public answer, else undefined. */
export function sharedFormsOf(data: unknown): SharedForms | undefined {
  return typeof data === 'object' && data !== null ? shared.get(data) : undefined;
}

/** One kept answer: the call's result, the edit generation it belongs to, and when it was made. */
interface Entry {
  result: CallResult;
  generation: number;
  storedAt: number;
}

function keepable(procedure: AnyTRPCProcedure): boolean {
  const meta = procedure._def.meta as Meta | undefined;
  return (
    procedure._def.type === 'query' &&
    meta?.publicCacheSeconds !== undefined &&
    meta.rateLimit === undefined &&
    startsWithRequestScope(procedure as unknown as { _def: { middlewares?: unknown[] } })
  );
}

export function publicAnswers(store: Store, options: { maxAgeMs?: number } = {}) {
  const maxAgeMs = options.maxAgeMs ?? MAX_AGE_MS;
  const entries = new Map<string, Entry>();
  const keepableCache = new WeakMap<AnyTRPCProcedure, boolean>();
  const isKeepable = (procedure: AnyTRPCProcedure) => {
    let known = keepableCache.get(procedure);
    if (known === undefined) {
      known = keepable(procedure);
      keepableCache.set(procedure, known);
    }
    return known;
  };

  function keep(key: string, result: CallResult, generation: number, storedAt: number): CallResult {
    if (!result.ok || typeof result.data !== 'object' || result.data === null) return result;
    // Only what the answer is: not the context of the request that happened to compute it.
    const kept: CallResult = { ok: true, data: result.data, marker: result.marker };
    shared.set(result.data, {});
    entries.delete(key);
    entries.set(key, { result: kept, generation, storedAt });
    if (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next();
      if (oldest.done !== true) entries.delete(oldest.value);
    }
    return kept;
  }

  return {
    /** The shortcut of one call of a request, when its answer may come from memory. */
    shortcutFor(call: FastCall, index: number, rawInput: () => Promise<unknown>): Shortcut | undefined {
      const procedure = call.procedures[index];
      if (!procedure || !isKeepable(procedure)) return;
      return {
        at: 1,
        async answer(run) {
          let key: string;
          try {
            // Each call of a batch on its own: the SPA's link batches even a single call.
            key = `${call.paths[index]}\n${JSON.stringify(await rawInput()) ?? ''}`;
          } catch {
            // Input that does not parse is refused by the chain itself, as without this copy.
            return run();
          }
          const generation = publicEditGeneration(store);
          const now = performance.now();
          const entry = entries.get(key);
          if (
            entry &&
            generation !== null &&
            entry.generation === generation &&
            now - entry.storedAt < maxAgeMs
          ) {
            return entry.result;
          }
          const result = await run();
          // An edit while it ran: the answer may predate it, so it is served once and not kept.
          if (generation === null || publicEditGeneration(store) !== generation) return result;
          return keep(key, result, generation, now);
        },
      };
    },
  };
}

export type PublicAnswers = ReturnType<typeof publicAnswers>;
