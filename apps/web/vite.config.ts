import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: true,
    rollupOptions: {
      output: {
        // The framework changes rarely: its own chunk stays cached across deploys of our code.
        manualChunks: (id) => {
          if (/node_modules\/(react|react-dom|scheduler|react-router|@remix-run)\//.test(id)) return 'react';
          if (/node_modules\/(@tanstack|@trpc)\//.test(id)) return 'data';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(
      ['/trpc', '/health', '/ready', '/metrics', '/nft', '/bot'].map((p) => [p, api]),
    ),
  },
});
