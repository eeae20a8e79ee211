import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app';
import { reportClientError } from './lib/report-error';
import { flushTelemetry, installTelemetry, trackStep } from './lib/telemetry';
import './styles.css';

// zod's compiled parsers probe for eval with `new Function`, which the CSP (script-src 'self') reports
// as a violation on every page; the interpreted parsers give the same answers without it.
z.config({ jitless: true });

installTelemetry();
trackStep('visit', { path: window.location.pathname });
// Whatever is still queued goes out as the page is hidden (keepalive requests survive unload).
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushTelemetry();
});

// Errors no boundary sees: failed event handlers, timers and promises.
window.addEventListener('error', (event) =>
  reportClientError(event.error ?? event.message, { boundary: 'window' }),
);
window.addEventListener('unhandledrejection', (event) =>
  reportClientError(event.reason, { boundary: 'window' }),
);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container, {
  onUncaughtError: (error, info) =>
    reportClientError(error, { boundary: 'root', componentStack: info.componentStack }),
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
