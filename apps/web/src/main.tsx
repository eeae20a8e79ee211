import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { reportClientError } from './lib/report-error';
import { flushTelemetry, installTelemetry, trackStep } from './lib/telemetry';
import './styles.css';
import { applyTheme, storedTheme } from './lib/theme';

// Before the first paint, so a member who chose light never sees a dark flash after it.
applyTheme(storedTheme());

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
