import { setErrorReporter } from './report-error';
import { getCsrfToken } from './session-token';

type ClientStep = 'visit' | 'connect';

interface PendingEvent {
  id: string;
  name: ClientStep;
  sessionId: string;
  occurredAt: string;
  properties: Record<string, string>;
}

const SESSION_KEY = 'puffy.analytics.session';
const FLUSH_DELAY_MS = 2_000;
const MAX_BATCH = 20;

let queue: PendingEvent[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let sent = new Set<ClientStep>();
let transport: typeof fetch = (input, init) => fetch(input, init);

/** One POST to a procedure, outside React (crash reports must go out even when the tree is gone). */
async function post(path: string, input: unknown): Promise<void> {
  const csrf = getCsrfToken();
  await transport(`/trpc/${path}`, {
    method: 'POST',
    credentials: 'include',
    keepalive: true,
    headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body: JSON.stringify(input),
  });
}

/** A random id for this tab's visit, kept across reloads of the tab (not a person, not a wallet). */
function sessionId(): string {
  try {
    const known = sessionStorage.getItem(SESSION_KEY);
    if (known) return known;
    const fresh = crypto.randomUUID().replaceAll('-', '');
    sessionStorage.setItem(SESSION_KEY, fresh);
    return fresh;
  } catch {
    return crypto.randomUUID().replaceAll('-', '');
  }
}

function flush(): void {
  timer = undefined;
  const events = queue.splice(0, MAX_BATCH);
  if (events.length > 0) post('analytics.track', { events }).catch(() => {});
  if (queue.length > 0) timer = setTimeout(flush, FLUSH_DELAY_MS);
}

/**
 * Reports a funnel step the SPA sees (the first visit and the first wallet connection of the tab);
 * later steps are recorded by the server. Batched, and each step once per page load.
 */
export function trackStep(name: ClientStep, properties: Record<string, string> = {}): void {
  if (sent.has(name)) return;
  sent.add(name);
  queue.push({
    id: crypto.randomUUID(),
    name,
    sessionId: sessionId(),
    occurredAt: new Date().toISOString(),
    properties,
  });
  timer ??= setTimeout(flush, FLUSH_DELAY_MS);
}

/** Sends crash reports to `telemetry.clientError`. Called once at start-up; tests pass a transport. */
export function installTelemetry(options: { fetch?: typeof fetch } = {}): void {
  if (options.fetch) transport = options.fetch;
  queue = [];
  sent = new Set();
  setErrorReporter((report) => {
    post('telemetry.clientError', report).catch(() => {});
  });
}

/** Sends what is queued now (page hide, tests). */
export function flushTelemetry(): void {
  if (timer) clearTimeout(timer);
  flush();
}
