import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is loaded by Electron from a custom protocol and by `cli serve` from loopback HTTP, so every URL in
// the bundle must be relative (base './') and nothing may come from a CDN (fonts are bundled via @fontsource).
export default defineConfig(({ command }) => ({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // A build is always the production bundle, even when started from a process with NODE_ENV=test (vitest runs
  // `cli serve`, which builds on demand): otherwise React's development build would ship.
  ...(command === 'build' ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // vis-timeline + moment make one large chunk; that is expected for a desktop app loading from disk.
    chunkSizeWarningLimit: 1500,
    // Two pages: the app, and the print view the PDF/PNG exports load (no vis-timeline in it).
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        print: fileURLToPath(new URL('./renderer/print.html', import.meta.url)),
      },
    },
  },
}));
