import type { z } from 'zod';

/**
 * A kind of job: its name, the zod schema of its payload, and how it is retried.
 *
 * Payloads are stored as JSON, so the schema must accept what JSON gives back: strings for times (no
 * `z.date()`), strings for bigints. Enqueue checks exactly that (it validates the JSON round trip), so a
 * payload that would not survive storage is refused at the call site, not discovered by a worker.
 */
export interface JobDefinition<P extends object> {
  /** Lower-case words joined by `.` or `-`: `payment.confirm`, `email.send`. */
  name: string;
  payload: z.ZodType<P>;
  /** Retries after the first attempt (pg-boss's meaning); 3 unless set. 0: one attempt only. */
  retryLimit?: number;
  /** Delay before the first retry, whole seconds; 10 unless set. */
  retryDelaySeconds?: number;
  /** Each retry waits about twice as long as the one before (with jitter); true unless set. */
  retryBackoff?: boolean;
  /**
   * How long one attempt may run, whole seconds (the lease); 900 unless set. Past it the handler's
   * signal aborts and the attempt counts as failed, so another worker may take the job.
   */
  expireInSeconds?: number;
}

/** A definition with every default filled in: what the engines work with. */
export interface JobSettings {
  name: string;
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  expireInSeconds: number;
}

const NAME = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;
/** pg-boss refuses expirations of a day or more. */
const MAX_EXPIRE_SECONDS = 24 * 60 * 60 - 1;

export const DEAD_LETTER_SUFFIX = '__dead';

/** Checks a definition once, where it is written, so a typo fails at import rather than at 3 a.m. */
export function defineJob<P extends object>(def: JobDefinition<P>): JobDefinition<P> {
  settingsOf(def);
  return def;
}

export function settingsOf(def: JobDefinition<object>): JobSettings {
  if (!NAME.test(def.name)) {
    throw new Error(`job name "${def.name}" must be lower-case words joined by "." or "-"`);
  }
  const settings: JobSettings = {
    name: def.name,
    retryLimit: def.retryLimit ?? 3,
    retryDelaySeconds: def.retryDelaySeconds ?? 10,
    retryBackoff: def.retryBackoff ?? true,
    expireInSeconds: def.expireInSeconds ?? 900,
  };
  wholeNumber(settings.retryLimit, 'retryLimit', 0, 1000);
  wholeNumber(settings.retryDelaySeconds, 'retryDelaySeconds', 0, MAX_EXPIRE_SECONDS);
  wholeNumber(settings.expireInSeconds, 'expireInSeconds', 1, MAX_EXPIRE_SECONDS);
  return settings;
}

function wholeNumber(value: number, field: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${field} must be a whole number from ${min} to ${max}`);
  }
}

/**
 * The payload as it will be stored: validated after a JSON round trip, so the worker is sure to accept
 * what the queue accepted. Throws the schema's ZodError when it does not validate.
 */
export function storablePayload<P extends object>(def: JobDefinition<P>, payload: P): object {
  const stored: unknown = JSON.parse(JSON.stringify(payload));
  def.payload.parse(stored);
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    throw new Error('a job payload must be a JSON object');
  }
  return stored;
}
