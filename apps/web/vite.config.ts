import { fileURLToPath } from 'node:url';
import { sentryVitePlugin } from '@sentry/vite-plugin';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { pureReactRouter } from './vite-pure-router';

// The only place the SPA's tooling reads the environment: where `pnpm dev` runs the API, and the
// error tracker the build uploads its source maps to (docs/runbooks/observability.md).
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;

/** Source maps go to the error tracker only when a token is set; otherwise the build stays offline. */
const uploadSourceMaps = process.env.SENTRY_AUTH_TOKEN
  ? sentryVitePlugin({
      authToken: process.env.SENTRY_AUTH_TOKEN,
      org: process.env.SENTRY_ORG,
      project: process.env.SENTRY_PROJECT,
      url: process.env.SENTRY_URL,
      release: { name: process.env.SENTRY_RELEASE ?? process.env.APP_VERSION },
      telemetry: false,
    })
  : [];

/** Paths the API answers; in development Vite forwards them so the SPA stays same-origin. */
const API_PATHS = [
  '/trpc',
  '/health',
  '/ready',
  '/metrics',
  '/nft',
  '/bot',
  '/tonconnect-manifest.json',
  '/tonconnect/',
  '/robots.txt',
  '/sitemap.xml',
  '/admin/exports',
];

const toApi: ProxyOptions = {
  target: apiTarget,
  // A page navigation to /nft/:id is the SPA's share page; only the API's files under /nft are forwarded.
  bypass: (req) => (req.headers.accept?.includes('text/html') ? '/index.html' : undefined),
};

/**
 * The framework and the data layer change rarely: one long-cached chunk, apart from our own code.
 * Only TanStack Query: TanStack Table serves the admin console and loads with it, not on first load.
 */
const VENDOR =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack[\\/](query-core|react-query)|@trpc)[\\/]/;
/** The error tracker's SDK, loaded only after a crash (lib/telemetry.ts), in a chunk named for it. */
const ERROR_TRACKER = /[\\/]node_modules[\\/]@sentry(-internal)?[\\/]/;

export default defineConfig({
  plugins: [pureReactRouter(), react(), tailwindcss(), uploadSourceMaps],
  resolve: {
    // Every schema in the bundle is built by a zod that runs without its JIT (lib/zod-jitless.ts).
    alias: [
      { find: /^zod$/, replacement: fileURLToPath(new URL('./src/lib/zod-jitless.ts', import.meta.url)) },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    reportCompressedSize: true,
    rollupOptions: {
      output: {
        manualChunks: (id) =>
          VENDOR.test(id) ? 'vendor' : ERROR_TRACKER.test(id) ? 'error-tracker' : undefined,
      },
    },
  },
  server: {
    // `pnpm dev` tells the API that the SPA's origin is http://localhost:5173 (CORS and CSRF checks).
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(API_PATHS.map((path) => [path, toApi])),
  },
  preview: {
    port: 4173,
    proxy: Object.fromEntries(API_PATHS.map((path) => [path, toApi])),
  },
});
