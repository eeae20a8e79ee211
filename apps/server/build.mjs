// Bundles the server and the workspace packages (TypeScript source) into dist/; third-party
// packages stay external and load from node_modules, native modules included.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-third-party',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@puffy/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
