// Bundles the server and the workspace packages (TypeScript source) into dist/. Third-party
// packages stay external, but are pinned to the file they resolve to now: under pnpm's strict
// layout a package used by @puffy/api is not resolvable from apps/server, so a bare import in the
// bundle would fail at run time. Build where you run (the Dockerfile builds inside the image).
import { build } from 'esbuild';

await build({
  entryPoints: {
    main: 'src/main.ts',
    worker: 'src/worker-main.ts',
    migrate: 'src/migrate-main.ts',
    // The operator's backup and restore, so the image can run them without the dev toolchain.
    backup: '../../scripts/backup.ts',
    restore: '../../scripts/restore.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  // Resolve third-party packages as Node will load them: esbuild's default "module" condition picks
  // bundler-only ESM builds (@opentelemetry/api's imports lack file extensions, which Node refuses).
  conditions: ['node'],
  plugins: [
    {
      name: 'external-third-party',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, async (args) => {
          if (args.path.startsWith('@puffy/') || args.pluginData === 'resolving') return undefined;
          if (args.path.startsWith('node:')) return { path: args.path, external: true };
          const resolved = await b.resolve(args.path, {
            resolveDir: args.resolveDir,
            kind: args.kind,
            importer: args.importer,
            pluginData: 'resolving',
          });
          if (resolved.errors.length > 0) return { errors: resolved.errors };
          return { path: resolved.path, external: true };
        });
      },
    },
  ],
});
