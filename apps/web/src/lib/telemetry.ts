import { type ClientErrorReport, setErrorReporter } from './report-error';
import { csrfTokenWhenKnown } from './session-token';

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

/** How long a report waits for the page to learn its session before it goes out without it. */
const SESSION_WAIT_MS = 10_000;

/**
 * One POST to a procedure, outside React (crash reports must go out even when the tree is gone).
 * It waits until the page knows its session; if it still has no CSRF token then, it goes without
 * the session cookie, as an anonymous report, instead of being refused.
 */
async function post(path: string, input: unknown): Promise<void> {
  const csrf = await csrfTokenWhenKnown(SESSION_WAIT_MS);
  await transport(`/trpc/${path}`, {
    method: 'POST',
    credentials: csrf ? 'include' : 'omit',
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

type Tracker = (report: ClientErrorReport) => void;
let tracker: Promise<Tracker | null> | undefined;

/**
 * The error tracker (Sentry's protocol) the server announces in system.version, asked for at the
 * first crash only: a page that does not crash fetches nothing more and loads no SDK, so the first
 * load does not grow. Null when the server has none (SENTRY_DSN unset).
 */
async function loadTracker(): Promise<Tracker | null> {
  const answer = await transport('/trpc/system.version', { credentials: 'same-origin' });
  const body = (await answer.json()) as { result?: { data?: { errorTracking?: unknown } } };
  // The schema loads with the tracker, not with the first page: contracts and zod are not small.
  const { ZSystemVersion } = await import('@puffy/contracts');
  const config = ZSystemVersion.shape.errorTracking.parse(body.result?.data?.errorTracking ?? null);
  if (!config) return null;
  // Destructured, so the bundler keeps only these two of the SDK's exports in the lazy chunk.
  const { captureException, init } = await import('@sentry/react');
  // No default integrations: nothing is patched, and no URL, header or breadcrumb rides along; a
  // report carries what telemetry.clientError carries (the path without its query, the request id).
  init({
    dsn: config.dsn,
    environment: config.environment,
    release: config.release,
    defaultIntegrations: false,
    integrations: [],
    sendClientReports: false,
  });
  return (report) => {
    const error = new Error(report.message);
    error.name = report.name;
    if (report.stack) error.stack = report.stack;
    captureException(error, {
      tags: { boundary: report.boundary, ...(report.requestId ? { requestId: report.requestId } : {}) },
      extra: { path: report.path, componentStack: report.componentStack },
    });
  };
}

function sendToTracker(report: ClientErrorReport): void {
  tracker ??= loadTracker().catch(() => null);
  tracker.then((send) => send?.(report)).catch(() => {});
}

/**
 * Sends crash reports to `telemetry.clientError`, and to the error tracker when the server has one.
 * Called once at start-up; tests pass a transport.
 */
export function installTelemetry(options: { fetch?: typeof fetch } = {}): void {
  if (options.fetch) transport = options.fetch;
  queue = [];
  sent = new Set();
  tracker = undefined;
  setErrorReporter((report) => {
    post('telemetry.clientError', report).catch(() => {});
    sendToTracker(report);
  });
}

/** Sends what is queued now (page hide, tests). */
export function flushTelemetry(): void {
  if (timer) clearTimeout(timer);
  flush();
}
