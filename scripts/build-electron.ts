/** Bundles the Electron main process and preload to CommonJS; `electron` stays external (it is the runtime). */
import { build, type BuildOptions } from 'esbuild';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  // pdfjs-dist loads its own worker module at run time: it stays a package, not part of the bundle.
  external: ['electron', 'pdfjs-dist'],
  sourcemap: true,
  logLevel: 'info',
  // CommonJS has no import.meta: give modules that locate files next to themselves (app paths, the annotation
  // worker beside the bundle) the bundle's own URL.
  banner: { js: 'const __bundle_url = require("url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__bundle_url' },
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
  // Annotation runs in worker threads (electron/annotate/worker-pool.ts finds this file beside main.cjs).
  build({ ...common, entryPoints: ['electron/annotate/annotate-worker.ts'], outfile: 'dist/electron/annotate-worker.cjs' }),
]);
