/** Bundles the Electron main process and preload to CommonJS; `electron` stays external (it is the runtime). */
import { build, type BuildOptions } from 'esbuild';

const common: BuildOptions = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', external: ['electron'], sourcemap: true, logLevel: 'info' };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
]);
